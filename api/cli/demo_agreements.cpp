#include "api/cli/demo_agreements.hpp"

namespace jointbuy::cli {

catalog::framework_agreement demo_agreement(int year) {
  using namespace std::chrono;
  catalog::framework_agreement a;
  a.id = 1;
  a.title = "Arbeitsplatzgeräte (Notebooks, Monitore)";
  a.supplier = "Beispiel Informatik AG";
  a.source = catalog::agreement_source::central_purchasing_body;
  a.legal_basis = "IVöB Art. 25; Rahmenvertrag der eOperations Schweiz AG, Abrufe durch ihre Trägerschaft";
  a.reference = "simap 1234567 (Beispiel)";
  a.valid_from = engine::date{std::chrono::year{year} / January / 1};
  a.valid_to = engine::date{std::chrono::year{year + 2} / December / 31};
  a.all_eligible = true;
  a.ceiling = 15'000'000;  // CHF 150'000
  const engine::date july{std::chrono::year{year} / July / 1};
  a.prices = {{"laptop-standard-14", a.valid_from, 102'000}, {"laptop-standard-14", july, 99'000}, {"monitor-24", a.valid_from, 19'900}};
  return a;
}

}  // namespace jointbuy::cli
