// The doctest main of every test program: takes --backend=sqlite|postgresql before doctest's own options.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <string_view>

#include "tests/support/scratch_database.hpp"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--backend=postgresql") jointbuy::test::select_backend(jointbuy::store::backend::postgresql);
    if (arg == "--backend=sqlite") jointbuy::test::select_backend(jointbuy::store::backend::sqlite);
  }
  doctest::Context context(argc, argv);
  return context.run();
}
