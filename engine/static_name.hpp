#pragma once
// A name that lives as long as the program: a string literal, a constexpr constant, or a name
// interned at run time. Reasons carry many of them (codes and figure names); a copy is a pointer
// and a length, so copying a reason into hundreds of thousands of flags allocates nothing for names.

#include <compare>
#include <string_view>

namespace jointbuy::engine {

class static_name {
 public:
  /// A literal or a constexpr constant: checked at compile time to live forever.
  consteval static_name(const char* text) : text_(text) {}

  /// The interned copy of `text`: the same name for the same text, for the program's whole life.
  /// Thread-safe. For names read back from storage; they are few and never freed.
  static static_name intern(std::string_view text);

  std::string_view view() const { return text_; }
  operator std::string_view() const { return text_; }

  // One overload per kind of right-hand side, so that no comparison needs a conversion that the
  // reversed C++20 candidate would need too (clang: -Wambiguous-reversed-operator).
  friend bool operator==(static_name a, static_name b) { return a.text_ == b.text_; }
  friend bool operator==(static_name a, std::string_view b) { return a.text_ == b; }
  friend bool operator==(static_name a, const char* b) { return a.text_ == std::string_view{b}; }
  friend std::strong_ordering operator<=>(static_name a, static_name b) { return a.text_ <=> b.text_; }
  friend std::strong_ordering operator<=>(static_name a, std::string_view b) { return a.text_ <=> b; }

 private:
  struct interned {};
  static_name(interned, std::string_view text) : text_(text) {}

  std::string_view text_;
};

}  // namespace jointbuy::engine
