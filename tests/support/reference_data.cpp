#include "tests/support/reference_data.hpp"

#include <stdexcept>

namespace jointbuy::test {

const catalog::reference_data& shipped_reference_data() {
  static const catalog::reference_data data = [] {
    auto result = catalog::load_reference_data(JOINTBUY_DEFAULT_CATALOG_DIR);
    if (!result.errors.empty()) {
      throw std::runtime_error("the shipped catalogue has errors, first: " + result.errors[0].file + " " +
                               result.errors[0].path + ": " + result.errors[0].reason);
    }
    return std::move(result.data);
  }();
  return data;
}

}  // namespace jointbuy::test
