#include "orgchart/model/validate.hpp"

#include <algorithm>
#include <climits>
#include <string_view>
#include <unordered_map>

namespace orgchart {

namespace {

/// Suggestions cost O(candidates) each; past this many misses we stop offering them so that a file with
/// thousands of broken references still validates in O(n log n).
constexpr int kMaxSuggestions = 100;

std::string where(const SourceLoc& l) { return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column); }

class Validator {
 public:
  explicit Validator(const OrgModel& m) : m_(m) {}

  std::vector<Diagnostic> run() {
    index_sources();
    index_units();
    check_units();
    check_cycles();
    check_people();
    check_relations();
    return std::move(diags_);
  }

 private:
  void add(Severity s, const SourceLoc& l, std::string msg) { diags_.push_back({s, l, std::move(msg), {}}); }
  void error(const SourceLoc& l, std::string msg) { add(Severity::kError, l, std::move(msg)); }

  /// `ids` is unit_ids() or source_ids(): the candidate lists are built on the first miss only.
  template <typename Ids>
  std::string suggest(const std::string& word, Ids ids) {
    if (suggestions_++ >= kMaxSuggestions) return "";
    std::string s = did_you_mean(word, (this->*ids)());
    return s.empty() ? "" : " (did you mean '" + s + "'?)";
  }

  const std::vector<std::string>& source_ids() {
    if (source_ids_.size() != m_.sources.size())
      for (const auto& s : m_.sources) source_ids_.push_back(s.id);
    return source_ids_;
  }
  const std::vector<std::string>& unit_ids() {
    if (unit_ids_.size() != m_.units.size())
      for (const auto& u : m_.units) unit_ids_.push_back(u.id);
    return unit_ids_;
  }

  // The indexes view the model's ids (no copies): a million units cost no second set of strings.
  void index_sources() {
    source_at_.reserve(m_.sources.size());
    for (const auto& s : m_.sources) {
      auto [it, fresh] = source_at_.emplace(s.id, &s);
      if (!fresh && !s.id.empty())
        error(s.loc, "duplicate source id '" + s.id + "' (first defined at " + where(it->second->loc) +
                         "); give each source its own id");
    }
  }

  void index_units() {
    unit_at_.reserve(m_.units.size());
    for (std::size_t i = 0; i < m_.units.size(); ++i) {
      const Unit& u = m_.units[i];
      auto [it, fresh] = unit_at_.emplace(u.id, i);
      if (!fresh && !u.id.empty())
        error(u.loc, "duplicate unit id '" + u.id + "' (first defined at " + where(m_.units[it->second].loc) +
                         "); give each unit its own id, or merge the two");
    }
  }

  /// `what` names the record (a callable giving a string): built only for a message.
  template <typename What>
  void check_sources(const std::vector<std::string>& ids, const SourceLoc& l, const What& what) {
    for (const auto& id : ids)
      if (!source_at_.count(id))
        error(l, "unknown source '" + id + "' cited by " + what() + suggest(id, &Validator::source_ids) +
                     "; declare it under 'sources:'");
    if (ids.empty() && !m_.sources.empty())
      add(Severity::kWarning, l, what() + " cites no source; add 'sources: [<source id>]'");
  }

  template <typename What>
  void check_validity(const Validity& v, const SourceLoc& l, const What& what) {
    // Uncertain bounds are wrong only when every day of `until`'s window is at or before every day of `from`'s.
    if (v.from && v.until && v.until->latest <= v.from->earliest)
      error(l, what() + " has 'until: " + v.until->str() + "' not after 'from: " + v.from->str() +
                   "'; 'until' is the first date on which it no longer holds");
  }

  void check_units() {
    // Kinds are open: any kind is valid. A kind that is not a known one, is used by one unit only and is one or
    // two edits from a known kind is most likely a typo, so it gets a warning (not an error: it may be meant).
    const auto& kinds = unit_kinds();
    std::unordered_map<std::string_view, std::size_t> kind_uses;
    for (const Unit& u : m_.units) ++kind_uses[u.kind];
    for (const Unit& u : m_.units) {
      const auto what = [&u] { return "unit '" + u.id + "'"; };
      if (!u.kind.empty() && kind_uses[u.kind] == 1 && std::find(kinds.begin(), kinds.end(), u.kind) == kinds.end()) {
        const std::string close = suggestions_ < kMaxSuggestions ? did_you_mean(u.kind, kinds) : std::string();
        if (!close.empty()) {
          ++suggestions_;
          add(Severity::kWarning, u.loc,
              what() + " has kind '" + u.kind + "', used by no other unit (did you mean '" + close +
                  "'?); kinds are open, so it is drawn as a kind of its own");
        }
      }
      if (!u.parent.empty()) {
        if (u.parent == u.id) error(u.parent_loc, what() + " is its own parent; remove 'parent' or name another unit");
        else if (!unit_at_.count(u.parent))
          error(u.parent_loc, "unknown parent '" + u.parent + "'" + suggest(u.parent, &Validator::unit_ids));
      } else if (!u.id.empty()) {
        add(Severity::kNote, u.loc, what() + " has no parent: it is drawn as a separate root");
      }
      check_validity(u.valid, u.loc, what);
      check_sources(u.sources, u.loc, what);
    }
  }

  /// Follows parent links from every unit once, stamping each walk; meeting the current stamp again is a cycle.
  /// Every unit is visited a bounded number of times, so this is O(n) and uses no recursion.
  void check_cycles() {
    const std::size_t n = m_.units.size();
    std::vector<std::size_t> parent(n, SIZE_MAX);
    for (std::size_t i = 0; i < n; ++i) {
      const Unit& u = m_.units[i];
      if (u.parent.empty() || u.parent == u.id) continue;
      auto it = unit_at_.find(u.parent);
      auto self = unit_at_.find(u.id);
      if (it != unit_at_.end() && self != unit_at_.end() && self->second == i) parent[i] = it->second;
    }
    std::vector<std::size_t> stamp(n, 0);
    for (std::size_t start = 0; start < n; ++start) {
      if (stamp[start]) continue;
      std::size_t v = start;
      while (v != SIZE_MAX && !stamp[v]) {
        stamp[v] = start + 1;
        v = parent[v];
      }
      if (v == SIZE_MAX || stamp[v] != start + 1) continue;
      // v is on a cycle found in this walk: list it in order.
      std::string path = m_.units[v].id;
      for (std::size_t w = parent[v]; w != v; w = parent[w]) path += " -> " + m_.units[w].id;
      path += " -> " + m_.units[v].id;
      error(m_.units[v].parent_loc,
            "the hierarchy has a cycle: " + path + "; a unit cannot be its own ancestor, change one 'parent'");
    }
  }

  void check_unit_ref(const std::string& id, const SourceLoc& l, const std::string& what) {
    if (!id.empty() && !unit_at_.count(id)) error(l, "unknown unit '" + id + "' in " + what + suggest(id, &Validator::unit_ids));
  }

  void check_people() {
    std::unordered_map<std::string, std::vector<std::pair<const Role*, const Person*>>> heads;
    for (const Person& p : m_.people) {
      for (const Role& r : p.roles) {
        const std::string what = "the role of '" + p.name + "'";
        check_unit_ref(r.unit, r.unit_loc, what);
        check_validity(r.valid, r.loc, [&] { return what; });
        check_sources(r.sources, r.loc, [&] { return what + " as " + r.role + " of '" + r.unit + "'"; });
        if (r.role == "head" || r.role == "co-head") heads[r.unit].push_back({&r, &p});
      }
    }
    // Two heads of one unit at once are an error unless both are co-heads (role `co-head`). Sorted by start,
    // an interval overlaps an earlier one iff it starts before the latest end so far; co-heads are checked
    // against the latest plain head only. O(n log n).
    std::vector<std::string> units;
    for (const auto& [unit, list] : heads) units.push_back(unit);
    std::sort(units.begin(), units.end());
    // With uncertain dates only the days a role surely covers count: [latest possible start, earliest possible end).
    auto start = [](const Role* r) { return r->valid.from ? r->valid.from->latest : INT_MIN; };
    auto end = [](const Role* r) { return r->valid.until ? r->valid.until->earliest : INT_MAX; };
    using Holder = std::pair<const Role*, const Person*>;
    for (const auto& unit : units) {
      auto list = heads[unit];
      std::stable_sort(list.begin(), list.end(), [&](auto a, auto b) { return start(a.first) < start(b.first); });
      Holder latest{nullptr, nullptr}, latest_head{nullptr, nullptr};
      auto later = [&](Holder& keep, const Holder& cur) {
        if (!keep.first || end(cur.first) > end(keep.first)) keep = cur;
      };
      for (const auto& cur : list) {
        const bool co = cur.first->role == "co-head";
        const Holder& other = co ? latest_head : latest;
        if (other.first && start(cur.first) < end(other.first))
          error(cur.first->loc, "'" + cur.second->name + "' and '" + other.second->name + "' are both head of '" +
                                      unit + "' at the same time; give the earlier one an 'until' no later than the "
                                      "other's 'from', or make both 'role: co-head' if they lead it together");
        later(latest, cur);
        if (!co) later(latest_head, cur);
      }
    }
  }

  void check_relations() {
    for (const Relation& r : m_.relations) {
      const auto what = [&r] { return "relation '" + r.kind + "' from '" + r.unit + "' to '" + r.target + "'"; };
      check_unit_ref(r.unit, r.unit_loc, "the 'unit' of a relation");
      check_unit_ref(r.target, r.target_loc, "the 'target' of a relation");
      if (!r.unit.empty() && r.unit == r.target) error(r.target_loc, what() + " links a unit to itself");
      check_validity(r.valid, r.loc, what);
      check_sources(r.sources, r.loc, what);
    }
  }

  const OrgModel& m_;
  std::vector<Diagnostic> diags_;
  std::unordered_map<std::string_view, const Source*> source_at_;
  std::unordered_map<std::string_view, std::size_t> unit_at_;
  std::vector<std::string> unit_ids_, source_ids_;
  int suggestions_ = 0;
};

/// Words longer than this get no suggestion: a typo is fixed by eye in a short id, and comparing long ones
/// would cost their length squared.
constexpr std::size_t kMaxSuggestedLength = 128;

/// Levenshtein distance of `a` and `b` if it is at most `band`, else band + 1: the classic table restricted to
/// the diagonal band |i - j| <= band (Ukkonen), O(min(|a|, |b|) * band) time and O(|b|) space.
std::size_t bounded_edit_distance(const std::string& a, const std::string& b, std::size_t band) {
  const std::size_t over = band + 1;
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > band) return over;
  std::vector<std::size_t> prev(b.size() + 1, over), cur(b.size() + 1, over);
  for (std::size_t j = 0; j <= std::min(b.size(), band); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t lo = i > band ? i - band : 1, hi = std::min(b.size(), i + band);
    std::fill(cur.begin(), cur.end(), over);
    if (i <= band) cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = lo; j <= hi; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), over});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min >= over) return over;  // every path already costs more than the band
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], over);
}

}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  if (word.empty() || word.size() > kMaxSuggestedLength) return "";
  // A likely typo changes about a third of the word at most, and never all of it.
  const std::size_t budget = std::max<std::size_t>(1, word.size() / 3);
  std::string best;
  std::size_t best_d = SIZE_MAX;
  for (const auto& c : candidates) {
    // Lengths that differ by more than the budget cannot be close: skip before any work.
    const std::size_t diff = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (diff > budget) continue;
    const std::size_t d = bounded_edit_distance(word, c, std::min(budget, best_d == SIZE_MAX ? budget : best_d));
    if (d <= budget && d < word.size() && d < best_d) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

std::vector<Diagnostic> validate(const OrgModel& model) { return Validator(model).run(); }

}  // namespace orgchart
