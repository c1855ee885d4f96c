#include "orgchart/model/diff.hpp"

#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace orgchart {

namespace {

using RoleKey = std::tuple<std::string, std::string, std::string>;      // person, unit, role
using RelationKey = std::tuple<std::string, std::string, std::string>;  // unit, kind, target

std::vector<std::pair<RoleKey, const Role*>> roles_of(const OrgModel& m) {
  std::vector<std::pair<RoleKey, const Role*>> out;
  for (const auto& p : m.people)
    for (const auto& r : p.roles) out.push_back({{p.name, r.unit, r.role}, &r});
  return out;
}

RelationKey key_of(const Relation& r) { return {r.unit, r.kind, r.target}; }

}  // namespace

namespace {

/// Dates an added (`from`) or removed (`until`) fact by its bound when that bound is uncertain and its window
/// meets [lo, hi].
class Windows {
 public:
  Windows(const std::optional<Date>& before, const std::optional<Date>& after)
      : lo_(before ? before->key() : kFirstDay), hi_(after ? after->key() : kLastDay) {}

  ChangeWindow of(const std::optional<Date>& bound, bool uncertain) const {
    ChangeWindow w;
    w.certain = !uncertain;
    if (relevant(bound)) w.when = bound;
    return w;
  }
  bool relevant(const std::optional<Date>& bound) const {
    return bound && !bound->exact() && bound->latest >= lo_ && bound->earliest <= hi_;
  }
  /// A fact in both states that may or may not hold at one of them: the uncertain start and end it may have had
  /// between the dates, as (start, end) windows.
  template <class Fact, class Add>
  void both(const Fact& b, const Fact& a, Add add) const {
    if (!b.uncertain && !a.uncertain) return;
    const Validity& v = a.uncertain ? a.valid : b.valid;
    if (relevant(v.from)) add(true, ChangeWindow{v.from, false});
    if (relevant(v.until)) add(false, ChangeWindow{v.until, false});
  }

 private:
  int lo_, hi_;
};

}  // namespace

OrgDiff diff_models(const OrgModel& before, const OrgModel& after, const std::optional<Date>& before_date,
                    const std::optional<Date>& after_date) {
  const Windows windows(before_date, after_date);
  OrgDiff d;
  std::unordered_map<std::string, const Unit*> old_units, new_units;
  for (const auto& u : before.units) old_units.emplace(u.id, &u);
  for (const auto& u : after.units) new_units.emplace(u.id, &u);
  for (const auto& u : after.units) {
    auto it = old_units.find(u.id);
    if (it == old_units.end()) {
      d.units.push_back({UnitDiff::Kind::kAdded, u.id, "", u.name, windows.of(u.valid.from, u.uncertain)});
      continue;
    }
    if (it->second->name != u.name) d.units.push_back({UnitDiff::Kind::kRenamed, u.id, it->second->name, u.name});
    if (it->second->parent != u.parent) d.units.push_back({UnitDiff::Kind::kMoved, u.id, it->second->parent, u.parent});
    windows.both(*it->second, u, [&](bool start, ChangeWindow w) {
      if (start) d.units.push_back({UnitDiff::Kind::kAdded, u.id, "", u.name, w});
      else d.units.push_back({UnitDiff::Kind::kRemoved, u.id, u.name, "", w});
    });
  }
  for (const auto& u : before.units)
    if (!new_units.count(u.id))
      d.units.push_back({UnitDiff::Kind::kRemoved, u.id, u.name, "", windows.of(u.valid.until, u.uncertain)});

  const auto old_roles = roles_of(before), new_roles = roles_of(after);
  std::map<RoleKey, const Role*> old_keys, new_keys;
  for (const auto& [k, r] : old_roles) old_keys.emplace(k, r);
  for (const auto& [k, r] : new_roles) new_keys.emplace(k, r);
  for (const auto& [k, r] : new_roles) {
    auto it = old_keys.find(k);
    if (it == old_keys.end()) {
      d.roles.push_back({RoleDiff::Kind::kTook, std::get<0>(k), r->unit, r->role, r->display_title(),
                         windows.of(r->valid.from, r->uncertain)});
      continue;
    }
    windows.both(*it->second, *r, [&, k = k, r = r](bool start, ChangeWindow w) {
      d.roles.push_back({start ? RoleDiff::Kind::kTook : RoleDiff::Kind::kLeft, std::get<0>(k), r->unit, r->role,
                         r->display_title(), w});
    });
  }
  for (const auto& [k, r] : old_roles)
    if (!new_keys.count(k))
      d.roles.push_back({RoleDiff::Kind::kLeft, std::get<0>(k), r->unit, r->role, r->display_title(),
                         windows.of(r->valid.until, r->uncertain)});

  std::map<RelationKey, const Relation*> old_rel, new_rel;
  for (const auto& r : before.relations) old_rel.emplace(key_of(r), &r);
  for (const auto& r : after.relations) new_rel.emplace(key_of(r), &r);
  for (const auto& r : after.relations) {
    auto it = old_rel.find(key_of(r));
    if (it == old_rel.end()) {
      d.relations.push_back({RelationDiff::Kind::kAdded, r.unit, r.kind, r.target, r.display_label(),
                             windows.of(r.valid.from, r.uncertain)});
      continue;
    }
    windows.both(*it->second, r, [&](bool start, ChangeWindow w) {
      d.relations.push_back({start ? RelationDiff::Kind::kAdded : RelationDiff::Kind::kRemoved, r.unit, r.kind,
                             r.target, r.display_label(), w});
    });
  }
  for (const auto& r : before.relations)
    if (!new_rel.count(key_of(r)))
      d.relations.push_back({RelationDiff::Kind::kRemoved, r.unit, r.kind, r.target, r.display_label(),
                             windows.of(r.valid.until, r.uncertain)});
  return d;
}

OrgModel merge_states(const OrgModel& before, const OrgModel& after) {
  OrgModel m;
  m.title = after.title;
  m.description = after.description;
  m.files = after.files;
  m.styles = after.styles;  // a diff chart keeps the data's colours
  m.sources = after.sources;
  std::set<std::string> source_ids;
  for (const auto& s : m.sources) source_ids.insert(s.id);
  for (const auto& s : before.sources)
    if (source_ids.insert(s.id).second) m.sources.push_back(s);

  std::set<std::string> ids;
  for (const auto& u : after.units) {
    m.units.push_back(u);
    ids.insert(u.id);
  }
  for (const auto& u : before.units)
    if (ids.insert(u.id).second) m.units.push_back(u);
  for (auto& u : m.units) {
    u.valid = {};
    if (!u.parent.empty() && !ids.count(u.parent)) u.parent.clear();
  }

  // People: every role of either state, each once, in after's order then before's.
  std::map<std::string, std::size_t> person_at;
  std::set<RoleKey> seen;
  for (const OrgModel* state : {&after, &before})
    for (const auto& p : state->people)
      for (const auto& r : p.roles) {
        if (!seen.insert({p.name, r.unit, r.role}).second) continue;
        auto [it, fresh] = person_at.emplace(p.name, m.people.size());
        if (fresh) {
          Person q = p;
          q.roles.clear();
          m.people.push_back(q);
        }
        Role role = r;
        role.valid = {};
        m.people[it->second].roles.push_back(role);
      }

  std::set<RelationKey> rel_seen;
  for (const OrgModel* state : {&after, &before})
    for (const auto& r : state->relations)
      if (rel_seen.insert(key_of(r)).second) {
        m.relations.push_back(r);
        m.relations.back().valid = {};
      }
  return m;
}

}  // namespace orgchart
