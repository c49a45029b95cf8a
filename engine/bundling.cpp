#include "engine/bundling.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <set>
#include <span>
#include <unordered_map>

#include "engine/contract_value.hpp"
#include "engine/hardware_route.hpp"

namespace jointbuy::engine {

namespace {

constexpr int splitting_span_days = 365;

// An intent ready for grouping: its terms resolved and its value known. What the grouping sorts by
// is copied in, so that sorting a million of them reads no other memory.
struct priced {
  const intent* source = nullptr;
  const item_terms* terms = nullptr;
  const std::string* item = nullptr;
  rappen value = 0;
  std::int64_t id = 0;
  date earliest;
  date latest;
  /// The rank of the item's compatibility key in key order: sorting compares integers, not text.
  std::uint32_t key_rank = 0;
  /// The rank of the buyer in organisation order, for the same reason.
  std::uint32_t buyer_rank = 0;
};

const discount_tiers& tiers_of(const item_terms& terms, const cost_model& costs) {
  return tiers_for(terms.tiers, terms.category, costs);
}

rappen standalone_cost(rappen value, std::int64_t quantity, const discount_tiers& tiers, const procedure_ruling& own,
                       const cost_model& costs) {
  return engine::standalone_cost(value, quantity, tiers, own.required, own.international, costs);
}

rappen joint_cost(rappen value, std::int64_t quantity, int buyers, const discount_tiers& tiers,
                  const procedure_ruling& ruling, const cost_model& costs) {
  return engine::joint_cost(value, quantity, buyers, tiers, ruling.required, ruling.international, costs);
}

bool stricter(procedure a, bool a_international, procedure b, bool b_international) {
  return static_cast<int>(a) > static_cast<int>(b) || (a == b && a_international && !b_international);
}

reason make_reason(static_name code) { return reason{code, {}, {}}; }

// The aggregates of a joint tender that a window-shift suggestion needs.
struct tender_totals {
  std::size_t bundle_index = 0;
  date award_from;
  date award_to;
  std::int64_t quantity = 0;
  rappen value = 0;
  rappen standalone_sum = 0;
  std::vector<std::uint32_t> buyer_ranks;  // sorted
  const discount_tiers* tiers = nullptr;
};

class run {
 public:
  explicit run(const bundling_input& input) : input_(input) {}

  bundling_result execute() {
    price_intents();
    group_and_evaluate();
    flag_splitting_risks();
    suggest_window_shifts();
    route_to_agreements();
    finish();
    return std::move(result_);
  }

  // Every intent of the input as one group on `award_date` (evaluate_tender's preconditions hold).
  tender_evaluation evaluate_one(date award_date) {
    price_intents();
    if (priced_.size() != input_.intents.size()) {
      const auto& f = result_.flags.front();
      throw invalid_input(invalid_input::rule::unpriceable, f.intent, "intent " + std::to_string(f.intent) + ": its value cannot be computed");
    }
    std::vector<std::size_t> group(priced_.size());
    std::iota(group.begin(), group.end(), 0);
    evaluate(group, award_date);
    return {std::move(result_.bundles.front()), std::move(result_.flags)};
  }

 private:
  void price_intents() {
    // Ranks of keys and buyers in name order, so that later passes compare integers, not text.
    std::map<std::string_view, std::uint32_t> key_ranks;
    for (const auto& [id, terms] : input_.items) key_ranks.emplace(terms.compatibility_key, 0);
    std::uint32_t rank = 0;
    for (auto& [key, value] : key_ranks) value = rank++;
    joint_by_key_.resize(key_ranks.size());
    struct item_entry {
      const std::string* id;
      const item_terms* terms;
      std::uint32_t key_rank;
    };
    std::unordered_map<std::string_view, item_entry> items;
    items.reserve(input_.items.size());
    for (const auto& [id, terms] : input_.items) items.emplace(id, item_entry{&id, &terms, key_ranks.at(terms.compatibility_key)});
    std::unordered_map<std::string_view, std::size_t> buyer_index;
    std::vector<std::string_view> buyers;
    std::vector<std::size_t> buyer_of(input_.intents.size());
    for (std::size_t k = 0; k < input_.intents.size(); ++k) {
      const auto [at, added] = buyer_index.emplace(input_.intents[k].organisation, buyers.size());
      if (added) buyers.push_back(at->first);
      buyer_of[k] = at->second;
    }
    std::vector<std::size_t> by_name(buyers.size());
    std::iota(by_name.begin(), by_name.end(), 0);
    std::sort(by_name.begin(), by_name.end(), [&](std::size_t a, std::size_t b) { return buyers[a] < buyers[b]; });
    std::vector<std::uint32_t> buyer_rank(buyers.size());
    for (std::size_t r = 0; r < by_name.size(); ++r) buyer_rank[by_name[r]] = static_cast<std::uint32_t>(r);

    priced_.reserve(input_.intents.size());
    result_.flags.reserve(input_.intents.size());
    for (std::size_t k = 0; k < input_.intents.size(); ++k) {
      const auto& i = input_.intents[k];
      const auto found = items.find(i.item);  // known: check_preconditions
      const auto value = intent_value(i, *found->second.terms);
      if (!value) {
        auto r = make_reason(codes::unpriceable);
        r.texts["item"] = i.item;
        result_.flags.push_back({i.id, i.organisation, std::move(r)});
        continue;
      }
      const auto& entry = found->second;
      priced_.push_back({&i, entry.terms, entry.id, *value, i.id, i.earliest, i.latest, entry.key_rank, buyer_rank[buyer_of[k]]});
    }
  }

  // DOMAIN.md §4.3: per key, the unassigned intent with the smallest latest (ties: earliest, id)
  // sets the tender's date; every unassigned intent whose window contains it joins. Sweeping the
  // intents in order of earliest makes this O(n log n): when a date d is set, every intent that has
  // started by d and is unassigned ends on or after d, so it joins.
  void group_and_evaluate() {
    std::sort(priced_.begin(), priced_.end(), [](const priced& x, const priced& y) {
      if (x.key_rank != y.key_rank) return x.key_rank < y.key_rank;
      if (x.latest != y.latest) return x.latest < y.latest;
      if (x.earliest != y.earliest) return x.earliest < y.earliest;
      return x.id < y.id;
    });
    std::vector<bool> assigned(priced_.size(), false);
    std::vector<std::size_t> by_earliest;
    std::vector<std::size_t> group;
    std::size_t start = 0;
    while (start < priced_.size()) {
      std::size_t end = start;
      while (end < priced_.size() && priced_[end].key_rank == priced_[start].key_rank) ++end;
      by_earliest.resize(end - start);
      std::iota(by_earliest.begin(), by_earliest.end(), start);
      std::sort(by_earliest.begin(), by_earliest.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = priced_[a];
        const auto& y = priced_[b];
        return x.earliest != y.earliest ? x.earliest < y.earliest : x.id < y.id;
      });
      std::size_t started = 0;
      for (std::size_t k = start; k < end; ++k) {
        if (assigned[k]) continue;
        const date award_date = priced_[k].latest;
        group.clear();
        while (started < by_earliest.size() && priced_[by_earliest[started]].earliest <= award_date) {
          const auto candidate = by_earliest[started++];
          if (!assigned[candidate]) {
            assigned[candidate] = true;
            group.push_back(candidate);
          }
        }
        evaluate(group, award_date);
      }
      start = end;
    }
  }

  // DOMAIN.md §4.4 and §4.5.
  void evaluate(std::vector<std::size_t>& group, date award_date) {
    std::sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) { return priced_[a].id < priced_[b].id; });
    const auto& first = *priced_[group.front()].terms;
    bundle b;
    b.compatibility_key = first.compatibility_key;
    b.category = first.category;
    b.procurement_type = first.procurement_type;
    b.award_to = award_date;
    b.award_from = priced_[group.front()].source->earliest;
    const std::string* tiers_item = priced_[group.front()].item;
    const item_terms* tiers_terms = priced_[group.front()].terms;
    // Each buyer's share, by buyer rank (organisation order): the lead buyer and the buyer count.
    shares_.clear();
    b.members.reserve(group.size());
    for (const auto index : group) {
      const auto& p = priced_[index];
      b.award_from = std::max(b.award_from, p.source->earliest);
      b.value += p.value;
      b.quantity += p.source->quantity;
      shares_.push_back({p.buyer_rank, p.value, &p.source->organisation});
      if (p.item != tiers_item && *p.item < *tiers_item) {
        tiers_item = p.item;
        tiers_terms = p.terms;
      }
      b.members.push_back({p.source->id, p.source->organisation, p.source->quantity, p.value, false, procedure::free_hand});
    }
    std::sort(shares_.begin(), shares_.end(), [](const share& x, const share& y) { return x.buyer_rank < y.buyer_rank; });
    std::size_t distinct = 0;
    for (const auto& s : shares_) {
      if (distinct > 0 && shares_[distinct - 1].buyer_rank == s.buyer_rank) {
        shares_[distinct - 1].value += s.value;
      } else {
        shares_[distinct++] = s;
      }
    }
    shares_.resize(distinct);
    // The CPV of the tender: the one of the item that sets its tiers (the first item id of the group).
    b.cpv = tiers_terms->cpv;
    b.buyers = static_cast<int>(shares_.size());
    b.id = b.compatibility_key + "/" + format_iso_date(award_date);
    // Lead buyer: the largest value share; ties go to the smaller organisation id (the first in rank order).
    const auto& lead = *std::max_element(shares_.begin(), shares_.end(), [](const share& x, const share& y) { return x.value < y.value; });
    for (auto& m : b.members) m.lead = m.organisation == *lead.organisation;

    const auto ruling = required_procedure(input_.thresholds, b.value, b.procurement_type, award_date);
    const std::size_t bundle_index = result_.bundles.size();
    if (!ruling) {
      auto r = make_reason(codes::no_thresholds);
      r.texts["date"] = format_iso_date(award_date);
      b.reasons.push_back(r);
      for (const auto& m : b.members) result_.flags.push_back({m.intent, m.organisation, r});
      result_.bundles.push_back(std::move(b));
      return;
    }
    b.procedure = ruling->required;
    b.international = ruling->international;
    const auto& group_tiers = tiers_of(*tiers_terms, input_.costs);
    rappen standalone_sum = 0;
    for (std::size_t k = 0; k < group.size(); ++k) {
      const auto& p = priced_[group[k]];
      const auto own = *required_procedure(input_.thresholds, p.value, b.procurement_type, award_date);
      b.members[k].own_procedure = own.required;
      standalone_sum += standalone_cost(p.value, p.source->quantity, tiers_of(*p.terms, input_.costs), own, input_.costs);
    }
    b.estimated_savings = standalone_sum - joint_cost(b.value, b.quantity, b.buyers, group_tiers, *ruling, input_.costs);

    const rappen open_threshold = ruling->limits.invitation_below;
    const bool hardware_too_small = b.category == category::hardware && b.value < open_threshold;
    const bool joint = b.buyers >= 2 && b.estimated_savings > 0 && !hardware_too_small;
    b.verdict = joint ? verdict::joint_tender : verdict::individual;

    auto procedure_reason = make_reason(codes::procedure_required);
    procedure_reason.amounts = {{"value", b.value}, {"free_hand_below", ruling->limits.free_hand_below},
                                {"invitation_below", ruling->limits.invitation_below}, {"treaty", ruling->limits.treaty_threshold},
                                {"international", b.international ? 1 : 0}};
    procedure_reason.texts = figures<std::string>{procedure_texts(*ruling, b.procurement_type)};
    // One list of the tender's figures, shared by its reasons and by every member's flags.
    const auto tender_figures = figures<std::int64_t>{{"value", b.value}, {"quantity", b.quantity}, {"buyers", b.buyers},
                                                      {"savings", b.estimated_savings}, {"standalone", standalone_sum},
                                                      {"joint", standalone_sum - b.estimated_savings}}
                                    .share();
    b.reasons.reserve(3);
    if (joint) {
      reason r{codes::joint_tender, figures<std::int64_t>{tender_figures}, {{"procedure", std::string{to_string(b.procedure)}}, {"lead", *lead.organisation}}};
      b.reasons.push_back(std::move(r));
    } else {
      if (b.buyers < 2) b.reasons.push_back({codes::single_buyer, figures<std::int64_t>{tender_figures}, {}});
      if (hardware_too_small) {
        auto r = reason{codes::hardware_too_small, figures<std::int64_t>{tender_figures}, {}};
        r.amounts["open_threshold"] = open_threshold;
        r.amounts["shortfall"] = open_threshold - b.value;
        b.reasons.push_back(std::move(r));
      } else if (b.buyers >= 2) {
        b.reasons.push_back({codes::not_worth, figures<std::int64_t>{tender_figures}, {}});
      }
      // Each member's flag is the tender's reason (shared) with what this member would do alone (its own).
      struct shared_reason {
        static_name code = "";
        figures<std::int64_t>::shared_entries amounts;
        figures<std::string>::shared_entries texts;
      };
      std::array<shared_reason, 2> shared{};
      for (std::size_t k = 0; k < b.reasons.size(); ++k) {
        auto texts = b.reasons[k].texts;
        texts["bundle"] = b.id;
        shared[k] = {b.reasons[k].code, b.reasons[k].amounts.share(), texts.share()};
      }
      for (std::size_t k = 0; k < b.members.size(); ++k) {
        const auto& m = b.members[k];
        for (std::size_t r = 0; r < b.reasons.size(); ++r) {
          flag f{m.intent, m.organisation, {shared[r].code, figures<std::int64_t>{shared[r].amounts}, figures<std::string>{shared[r].texts}}};
          f.reason.texts["own_procedure"] = std::string{to_string(m.own_procedure)};
          f.reason.amounts["own_value"] = m.value;
          result_.flags.push_back(std::move(f));
        }
        individual_.push_back({bundle_index, k, &priced_[group[k]]});
      }
    }
    b.reasons.push_back(std::move(procedure_reason));
    if (joint) {
      tender_totals totals{bundle_index, b.award_from, b.award_to, b.quantity, b.value, standalone_sum, {}, &group_tiers};
      totals.buyer_ranks.reserve(shares_.size());
      for (const auto& s : shares_) totals.buyer_ranks.push_back(s.buyer_rank);
      joint_by_key_[priced_[group.front()].key_rank].push_back(std::move(totals));
    }
    result_.bundles.push_back(std::move(b));
  }

  // The texts of a PROCEDURE_REQUIRED reason: the same for every tender of one threshold period,
  // procedure and procurement type, so made once for them and shared.
  figures<std::string>::shared_entries procedure_texts(const procedure_ruling& ruling, engine::procurement_type type) {
    for (const auto& known : procedure_texts_) {
      if (known.period == ruling.period && known.required == ruling.required && known.type == type) return known.texts;
    }
    auto texts = figures<std::string>{{"procedure", std::string{to_string(ruling.required)}},
                                      {"procurement_type", std::string{to_string(type)}},
                                      {"source", ruling.period->source},
                                      {"valid_from", format_iso_date(ruling.period->valid_from)}}
                     .share();
    procedure_texts_.push_back({ruling.period, ruling.required, type, texts});
    return texts;
  }

  // DOMAIN.md §4.6: one buyer's individual purchases of one key whose earliest dates lie within 365
  // days of each other, when together they require a stricter procedure than each alone.
  void flag_splitting_risks() {
    struct purchase {
      const bundle* first;
      const member* second;
      date earliest;
      std::uint32_t buyer_rank;
      std::uint32_t key_rank;
    };
    std::vector<purchase> all;
    all.reserve(individual_.size());
    for (const auto& p : individual_) {
      const auto& b = result_.bundles[p.bundle_index];
      all.push_back({&b, &b.members[p.member_index], p.source->source->earliest, p.source->buyer_rank, p.source->key_rank});
    }
    std::sort(all.begin(), all.end(), [](const purchase& x, const purchase& y) {
      if (x.buyer_rank != y.buyer_rank) return x.buyer_rank < y.buyer_rank;
      if (x.key_rank != y.key_rank) return x.key_rank < y.key_rank;
      return x.earliest != y.earliest ? x.earliest < y.earliest : x.second->intent < y.second->intent;
    });
    const auto earliest_of = [](const purchase& p) { return p.earliest; };
    for (std::size_t run_start = 0; run_start < all.size();) {
      std::size_t run_end = run_start;
      while (run_end < all.size() && all[run_end].buyer_rank == all[run_start].buyer_rank &&
             all[run_end].key_rank == all[run_start].key_rank) {
        ++run_end;
      }
      const std::span<const purchase> purchases(all.data() + run_start, run_end - run_start);
      const std::string& owner_key = purchases.front().first->compatibility_key;
      run_start = run_end;
      if (purchases.size() < 2) continue;
      std::set<std::int64_t> flagged;
      std::size_t previous_end = 0;
      for (std::size_t i = 0; i < purchases.size(); ++i) {
        std::size_t j = i;
        while (j < purchases.size() &&
               (earliest_of(purchases[j]) - earliest_of(purchases[i])).count() <= splitting_span_days) {
          ++j;
        }
        if (j - i < 2 || j <= previous_end) continue;  // a single purchase, or a window inside the last one
        previous_end = j;
        rappen sum = 0;
        procedure strictest = procedure::free_hand;
        bool any_international = false;
        for (std::size_t k = i; k < j; ++k) {
          sum += purchases[k].second->value;
          const auto own = required_procedure(input_.thresholds, purchases[k].second->value, purchases[k].first->procurement_type,
                                              purchases[k].first->award_to);
          if (own && stricter(own->required, own->international, strictest, any_international)) {
            strictest = own->required;
            any_international = own->international;
          }
        }
        const auto together = required_procedure(input_.thresholds, sum, purchases[i].first->procurement_type,
                                                  purchases[i].first->award_to);
        if (!together || !stricter(together->required, together->international, strictest, any_international)) continue;
        for (std::size_t k = i; k < j; ++k) {
          const auto* m = purchases[k].second;
          if (!flagged.insert(m->intent).second) continue;
          reason r{codes::splitting_risk,
                   {{"sum", sum}, {"purchases", static_cast<std::int64_t>(j - i)}, {"own_value", m->value},
                    {"international", together->international ? 1 : 0}},
                   {{"procedure", std::string{to_string(together->required)}},
                    {"own_procedure", std::string{to_string(m->own_procedure)}},
                    {"key", owner_key}}};
          result_.flags.push_back({m->intent, m->organisation, std::move(r)});
        }
      }
    }
  }

  // DOMAIN.md §4.6: the smallest shift of an individual purchase's window that lets it join a
  // proposed joint tender of its key, when joining raises the tender's savings.
  void suggest_window_shifts() {
    std::unordered_map<std::size_t, figures<std::string>::shared_entries> shift_texts;
    for (const auto& p : individual_) {
      const auto& home = result_.bundles[p.bundle_index];
      const auto& tenders = joint_by_key_[p.source->key_rank];
      if (tenders.empty()) continue;
      const auto& m = home.members[p.member_index];
      const auto* source = p.source->source;
      // A key's award windows are disjoint and rise (each tender's members all start after the
      // previous tender's date), so the nearest one is the first ending on or after this purchase's
      // earliest date, or the one before it; a tie goes to the earlier tender.
      const auto shift_to = [&](const tender_totals& t) -> std::int64_t {
        if (source->latest < t.award_from) return (t.award_from - source->latest).count();
        if (source->earliest > t.award_to) return (t.award_to - source->earliest).count();
        return 0;
      };
      const auto after = std::partition_point(tenders.begin(), tenders.end(),
                                              [&](const tender_totals& t) { return t.award_to < source->earliest; });
      const tender_totals* best = after == tenders.end() ? &tenders.back() : &*after;
      std::int64_t best_shift = shift_to(*best);
      if (after != tenders.begin() && after != tenders.end()) {
        const auto& before = *std::prev(after);
        if (std::llabs(shift_to(before)) <= std::llabs(best_shift)) {
          best = &before;
          best_shift = shift_to(before);
        }
      }
      const auto& tender = result_.bundles[best->bundle_index];
      const bool new_buyer = !std::binary_search(best->buyer_ranks.begin(), best->buyer_ranks.end(), p.source->buyer_rank);
      const rappen value = best->value + m.value;
      const std::int64_t quantity = best->quantity + m.quantity;
      const int buyers = tender.buyers + (new_buyer ? 1 : 0);
      const auto ruling = required_procedure(input_.thresholds, value, tender.procurement_type, tender.award_to);
      const auto own = required_procedure(input_.thresholds, m.value, tender.procurement_type, tender.award_to);
      if (!ruling || !own) continue;
      const rappen standalone = best->standalone_sum + standalone_cost(m.value, m.quantity, tiers_of(*p.source->terms, input_.costs), *own, input_.costs);
      const rappen savings = standalone - joint_cost(value, quantity, buyers, *best->tiers, *ruling, input_.costs);
      const rappen change = savings - tender.estimated_savings;
      if (change <= 0) continue;
      // The tender's texts once per tender, shared by every purchase it is suggested to.
      auto& texts = shift_texts[best->bundle_index];
      if (!texts) {
        texts = figures<std::string>{{"bundle", tender.id}, {"award_from", format_iso_date(tender.award_from)},
                                     {"award_to", format_iso_date(tender.award_to)}}
                    .share();
      }
      reason r{codes::window_shift, {{"shift_days", best_shift}, {"savings_change", change}}, figures<std::string>{texts}};
      result_.flags.push_back({m.intent, m.organisation, std::move(r)});
    }
  }

  // DOMAIN.md §4.8, on the purchases bought individually.
  void route_to_agreements() {
    std::vector<individual_purchase> purchases;
    purchases.reserve(individual_.size());
    for (const auto& p : individual_) {
      const auto& priced = *p.source;
      purchases.push_back({priced.source, priced.terms, priced.value, priced.key_rank, priced.buyer_rank,
                           result_.bundles[p.bundle_index].award_to});
    }
    route_hardware(input_, purchases, result_.flags);
  }

  void finish() {
    // Bundles come out in (key, date) order already: keys are grouped in order and each key's tender
    // dates rise. Flags come from several passes and are ordered here.
    // Order flags by intent and code (then by the order they were made): sort indices, move each flag once.
    // The sort keys are copied into a compact array, so that sorting reads no flag.
    struct sort_key {
      std::int64_t intent;
      std::string_view code;
      std::size_t index;
    };
    std::vector<sort_key> order;
    order.reserve(result_.flags.size());
    for (std::size_t k = 0; k < result_.flags.size(); ++k) order.push_back({result_.flags[k].intent, result_.flags[k].reason.code, k});
    std::sort(order.begin(), order.end(), [](const sort_key& x, const sort_key& y) {
      if (x.intent != y.intent) return x.intent < y.intent;
      if (x.code != y.code) return x.code < y.code;
      return x.index < y.index;
    });
    // Each flag moved to its place along the permutation's cycles: no second vector of flags.
    for (std::size_t k = 0; k < order.size(); ++k) {
      if (order[k].index == k) continue;
      flag held = std::move(result_.flags[k]);
      std::size_t at = k;
      while (order[at].index != k) {
        const std::size_t from = order[at].index;
        result_.flags[at] = std::move(result_.flags[from]);
        order[at].index = at;
        at = from;
      }
      result_.flags[at] = std::move(held);
      order[at].index = at;
    }
    auto& s = result_.summary;
    s.intents = static_cast<std::int64_t>(input_.intents.size());
    s.bundles = static_cast<std::int64_t>(result_.bundles.size());
    for (const auto& b : result_.bundles) {
      if (b.verdict != verdict::joint_tender) continue;
      ++s.joint_tenders;
      s.intents_in_joint_tenders += static_cast<std::int64_t>(b.members.size());
      s.value_in_joint_tenders += b.value;
      s.estimated_savings += b.estimated_savings;
    }
    std::map<std::string_view, std::int64_t> by_code;
    for (const auto& f : result_.flags) ++by_code[f.reason.code];
    for (const auto& [code, count] : by_code) s.flags_by_code.emplace(code, count);
  }

  const bundling_input& input_;
  std::vector<priced> priced_;
  bundling_result result_;
  // Bought individually: the bundle, the member in it, and the intent it stands for.
  struct individual_member {
    std::size_t bundle_index;
    std::size_t member_index;
    const priced* source;
  };
  std::vector<individual_member> individual_;
  // The joint tenders of each compatibility key, by key rank.
  std::vector<std::vector<tender_totals>> joint_by_key_;
  // Scratch for evaluate(): one buyer's value in the tender being evaluated.
  struct share {
    std::uint32_t buyer_rank;
    rappen value;
    const std::string* organisation;
  };
  std::vector<share> shares_;
  // The PROCEDURE_REQUIRED texts made so far (a handful: periods × procedures × types).
  struct known_procedure_texts {
    const threshold_period* period;
    procedure required;
    engine::procurement_type type;
    figures<std::string>::shared_entries texts;
  };
  std::vector<known_procedure_texts> procedure_texts_;
};

}  // namespace

std::optional<rappen> intent_value(const intent& i, const item_terms& terms) {
  return purchase_value(i.quantity, i.unit_price, terms.reference_price, terms.billing, i.contract_years,
                        terms.default_contract_years);
}

void check_preconditions(const bundling_input& input) {
  std::vector<std::int64_t> ids;
  ids.reserve(input.intents.size());
  for (const auto& i : input.intents) {
    if (i.latest < i.earliest) {
      throw invalid_input(invalid_input::rule::window_reversed, i.id,
                          "intent " + std::to_string(i.id) + ": its window ends (" + format_iso_date(i.latest) + ") before it begins (" +
                              format_iso_date(i.earliest) + ")");
    }
    if (input.items.find(i.item) == input.items.end()) {
      throw invalid_input(invalid_input::rule::unknown_item, i.id, "intent " + std::to_string(i.id) + ": the item " + i.item + " is unknown");
    }
    ids.push_back(i.id);
  }
  std::sort(ids.begin(), ids.end());
  if (const auto twice = std::adjacent_find(ids.begin(), ids.end()); twice != ids.end()) {
    throw invalid_input(invalid_input::rule::duplicate_id, *twice, "intent " + std::to_string(*twice) + ": the id is given more than once");
  }
  std::vector<std::int64_t> agreements;
  for (const auto& a : input.agreements) {
    std::string broken;
    if (a.valid_to < a.valid_from) broken = "its validity ends before it begins";
    if (a.ceiling < 0 || a.consumed < 0 || a.consumed_quantity < 0 || (a.ceiling_quantity && *a.ceiling_quantity < 0)) {
      broken = "its ceiling or consumption is negative";
    }
    for (const auto& p : a.prices) {
      if (p.unit_price < 0) broken = "a price is negative";
    }
    if (!broken.empty()) {
      std::string message = "agreement ";
      message.append(std::to_string(a.id)).append(": ").append(broken);
      throw invalid_input(invalid_input::rule::invalid_agreement, a.id, message);
    }
    agreements.push_back(a.id);
  }
  std::sort(agreements.begin(), agreements.end());
  if (const auto twice = std::adjacent_find(agreements.begin(), agreements.end()); twice != agreements.end()) {
    throw invalid_input(invalid_input::rule::invalid_agreement, *twice, "agreement " + std::to_string(*twice) + ": the id is given more than once");
  }
}

bundling_result run_bundling(const bundling_input& input) {
  check_preconditions(input);
  return run{input}.execute();
}

tender_evaluation evaluate_tender(const bundling_input& input, date award_date) {
  check_preconditions(input);
  if (input.intents.empty()) throw invalid_input(invalid_input::rule::no_intents, 0, "a tender needs at least one intent");
  const auto& key = input.items.at(input.intents.front().item).compatibility_key;
  for (const auto& i : input.intents) {
    if (input.items.at(i.item).compatibility_key != key) {
      throw invalid_input(invalid_input::rule::mixed_keys, i.id,
                          "intent " + std::to_string(i.id) + ": its item is not compatible with the tender's (" + key + ")");
    }
    if (award_date < i.earliest || i.latest < award_date) {
      throw invalid_input(invalid_input::rule::outside_window, i.id,
                          "intent " + std::to_string(i.id) + ": its window does not contain the award date " + format_iso_date(award_date));
    }
  }
  return run{input}.evaluate_one(award_date);
}

std::optional<date> common_award_date(const std::vector<intent>& intents) {
  if (intents.empty()) return std::nullopt;
  date award = intents.front().latest, start = intents.front().earliest;
  for (const auto& i : intents) {
    award = std::min(award, i.latest);
    start = std::max(start, i.earliest);
  }
  if (award < start) return std::nullopt;
  return award;
}

reason reevaluation(std::string_view change, std::string subject, std::string by, const bundle& before) {
  reason r{codes::reevaluated, {}, {}};
  r.texts["change"] = std::string{change};
  r.texts["subject"] = std::move(subject);
  r.texts["by"] = std::move(by);
  r.amounts["value_before"] = before.value;
  r.amounts["savings_before"] = before.estimated_savings;
  return r;
}

std::string_view to_string(verdict value) { return value == verdict::joint_tender ? "joint_tender" : "individual"; }

std::optional<verdict> parse_verdict(std::string_view text) {
  if (text == "joint_tender") return verdict::joint_tender;
  if (text == "individual") return verdict::individual;
  return std::nullopt;
}

}  // namespace jointbuy::engine
