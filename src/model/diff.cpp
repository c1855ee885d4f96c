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

OrgDiff diff_models(const OrgModel& before, const OrgModel& after) {
  OrgDiff d;
  std::unordered_map<std::string, const Unit*> old_units, new_units;
  for (const auto& u : before.units) old_units.emplace(u.id, &u);
  for (const auto& u : after.units) new_units.emplace(u.id, &u);
  for (const auto& u : after.units) {
    auto it = old_units.find(u.id);
    if (it == old_units.end()) {
      d.units.push_back({UnitDiff::Kind::kAdded, u.id, "", u.name});
      continue;
    }
    if (it->second->name != u.name) d.units.push_back({UnitDiff::Kind::kRenamed, u.id, it->second->name, u.name});
    if (it->second->parent != u.parent) d.units.push_back({UnitDiff::Kind::kMoved, u.id, it->second->parent, u.parent});
  }
  for (const auto& u : before.units)
    if (!new_units.count(u.id)) d.units.push_back({UnitDiff::Kind::kRemoved, u.id, u.name, ""});

  const auto old_roles = roles_of(before), new_roles = roles_of(after);
  std::set<RoleKey> old_keys, new_keys;
  for (const auto& [k, r] : old_roles) old_keys.insert(k);
  for (const auto& [k, r] : new_roles) new_keys.insert(k);
  for (const auto& [k, r] : new_roles)
    if (!old_keys.count(k)) d.roles.push_back({RoleDiff::Kind::kTook, std::get<0>(k), r->unit, r->role, r->display_title()});
  for (const auto& [k, r] : old_roles)
    if (!new_keys.count(k)) d.roles.push_back({RoleDiff::Kind::kLeft, std::get<0>(k), r->unit, r->role, r->display_title()});

  std::set<RelationKey> old_rel, new_rel;
  for (const auto& r : before.relations) old_rel.insert(key_of(r));
  for (const auto& r : after.relations) new_rel.insert(key_of(r));
  for (const auto& r : after.relations)
    if (!old_rel.count(key_of(r))) d.relations.push_back({RelationDiff::Kind::kAdded, r.unit, r.kind, r.target, r.display_label()});
  for (const auto& r : before.relations)
    if (!new_rel.count(key_of(r))) d.relations.push_back({RelationDiff::Kind::kRemoved, r.unit, r.kind, r.target, r.display_label()});
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
