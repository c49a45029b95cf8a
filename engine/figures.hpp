#pragma once
// The named figures of a reason. A run gives hundreds of thousands of flags the figures of their
// tender or horizon: those are shared, read-only, by every flag that has them (one allocation for
// the tender), and each flag keeps only what is its own (its value, its procedure alone). Reading
// sees one sorted list: a flag's own figure stands over a shared one of the same name.

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/static_name.hpp"

namespace jointbuy::engine {

template <class Value>
class figures {
 public:
  /// One named figure. Not a std::pair: its forwarding constructor would make names at run time.
  struct value_type {
    static_name first;
    Value second;
  };
  /// Figures sorted by name, unique names: what several reasons share.
  using shared_entries = std::shared_ptr<const std::vector<value_type>>;

  /// The figures in name order, each name once (own over shared).
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = figures::value_type;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type*;
    using reference = const value_type&;

    const_iterator() = default;
    const_iterator(pointer own, pointer own_end, pointer shared, pointer shared_end)
        : own_(own), own_end_(own_end), shared_(shared), shared_end_(shared_end) {
      skip_hidden();
    }
    reference operator*() const { return on_own() ? *own_ : *shared_; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      if (on_own()) {
        ++own_;
      } else {
        ++shared_;
      }
      skip_hidden();
      return *this;
    }
    const_iterator operator++(int) {
      auto before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.own_ == b.own_ && a.shared_ == b.shared_; }

   private:
    bool on_own() const { return shared_ == shared_end_ || (own_ != own_end_ && own_->first < shared_->first); }
    // A shared figure that an own one of the same name stands over is not seen.
    void skip_hidden() {
      if (own_ != own_end_ && shared_ != shared_end_ && own_->first == shared_->first) ++shared_;
    }

    pointer own_ = nullptr;
    pointer own_end_ = nullptr;
    pointer shared_ = nullptr;
    pointer shared_end_ = nullptr;
  };

  figures() = default;
  figures(std::initializer_list<value_type> entries) {
    own_.reserve(entries.size());
    for (const auto& e : entries) (*this)[e.first] = e.second;
  }
  /// Figures that read `shared` (not copied) under their own.
  explicit figures(shared_entries shared) : shared_(std::move(shared)) {}

  /// These figures as one shared list, for reasons that will all have them.
  shared_entries share() const {
    if (own_.empty() && shared_) return shared_;
    return std::make_shared<const std::vector<value_type>>(begin(), end());
  }

  /// The own figure `name` (set over a shared one of that name), inserted with a default value when absent.
  Value& operator[](static_name name) {
    auto at = std::lower_bound(own_.begin(), own_.end(), name, by_name{});
    if (at == own_.end() || at->first != name) {
      const auto* shared = find_in_shared(name);
      at = own_.insert(at, value_type{name, shared ? shared->second : Value{}});
    }
    return at->second;
  }
  /// The figure `name`; throws std::out_of_range when absent.
  const Value& at(std::string_view name) const {
    const auto* found = find(name);
    if (!found) throw std::out_of_range("no figure named " + std::string{name});
    return found->second;
  }
  /// The figure `name`, or null.
  const value_type* find(std::string_view name) const {
    const auto at = std::lower_bound(own_.begin(), own_.end(), name, by_name{});
    if (at != own_.end() && at->first == name) return &*at;
    return find_in_shared(name);
  }
  std::size_t count(std::string_view name) const { return find(name) ? 1 : 0; }
  const_iterator begin() const {
    const auto [shared, shared_end] = shared_range();
    return {own_.data(), own_.data() + own_.size(), shared, shared_end};
  }
  const_iterator end() const {
    const auto [shared, shared_end] = shared_range();
    const auto* own_end = own_.data() + own_.size();
    return {own_end, own_end, shared_end, shared_end};
  }
  std::size_t size() const { return static_cast<std::size_t>(std::distance(begin(), end())); }
  bool empty() const { return begin() == end(); }

  friend bool operator==(const figures& a, const figures& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const value_type& x, const value_type& y) { return x.first == y.first && x.second == y.second; });
  }

 private:
  struct by_name {
    bool operator()(const value_type& e, std::string_view n) const { return e.first < n; }
  };
  std::pair<const value_type*, const value_type*> shared_range() const {
    if (!shared_) return {nullptr, nullptr};
    return {shared_->data(), shared_->data() + shared_->size()};
  }
  const value_type* find_in_shared(std::string_view name) const {
    if (!shared_) return nullptr;
    const auto at = std::lower_bound(shared_->begin(), shared_->end(), name, by_name{});
    return at != shared_->end() && at->first == name ? &*at : nullptr;
  }

  shared_entries shared_;
  std::vector<value_type> own_;
};

}  // namespace jointbuy::engine
