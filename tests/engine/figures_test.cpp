#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/figures.hpp"

using namespace jointbuy::engine;

namespace {

std::vector<std::pair<std::string, std::int64_t>> listed(const figures<std::int64_t>& f) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& [name, value] : f) out.emplace_back(std::string{name.view()}, value);
  return out;
}

}  // namespace

TEST_CASE("figures read shared and own figures as one list in name order, own over shared") {
  const auto shared = figures<std::int64_t>{{"value", 100}, {"buyers", 3}, {"savings", 7}}.share();
  figures<std::int64_t> flag{shared};
  flag["own_value"] = 40;
  flag["savings"] = 9;  // stands over the shared figure of that name
  using row = std::pair<std::string, std::int64_t>;
  CHECK(listed(flag) == std::vector<row>{{"buyers", 3}, {"own_value", 40}, {"savings", 9}, {"value", 100}});
  CHECK(flag.size() == 4);
  CHECK(flag.at("value") == 100);
  CHECK(flag.at("savings") == 9);
  CHECK(flag.count("own_value") == 1);
  CHECK(flag.find("missing") == nullptr);
  CHECK_THROWS_AS(flag.at("missing"), std::out_of_range);
  // The shared list itself is unchanged, and another reader sees it as it was.
  const figures<std::int64_t> other{shared};
  CHECK(listed(other) == std::vector<row>{{"buyers", 3}, {"savings", 7}, {"value", 100}});
}

TEST_CASE("figures compare by what they read, however they hold it") {
  const auto shared = figures<std::int64_t>{{"a", 1}, {"c", 3}}.share();
  figures<std::int64_t> layered{shared};
  layered["b"] = 2;
  const figures<std::int64_t> flat{{"c", 3}, {"b", 2}, {"a", 1}};
  CHECK(layered == flat);
  CHECK(flat == layered);
  layered["a"] = 5;
  CHECK_FALSE(layered == flat);
  CHECK(figures<std::int64_t>{}.empty());
  CHECK(figures<std::int64_t>{} == figures<std::int64_t>{figures<std::int64_t>{}.share()});
}

TEST_CASE("an operator[] on a shared figure starts from its shared value") {
  figures<std::string> texts{figures<std::string>{{"bundle", "k/2027-01-31"}}.share()};
  texts["bundle"] += "+";
  CHECK(texts.at("bundle") == "k/2027-01-31+");
  CHECK(texts.size() == 1);
  // Sharing figures that have no own ones hands out the same list.
  const auto once = figures<std::string>{{"x", "1"}}.share();
  CHECK(figures<std::string>{once}.share() == once);
}
