#include "orgchart/model/org.hpp"

#include <unordered_set>

namespace orgchart {

namespace {

std::string humanize(const std::string& id, bool capitalize) {
  std::string s = id;
  for (char& c : s)
    if (c == '-' || c == '_') c = ' ';
  if (capitalize && !s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  if (capitalize)
    for (std::size_t i = 1; i < s.size(); ++i)
      if (s[i - 1] == ' ' && s[i] >= 'a' && s[i] <= 'z') s[i] = static_cast<char>(s[i] - 'a' + 'A');
  return s;
}

}  // namespace

std::string Role::display_title() const {
  if (!title.empty()) return title;
  // "Co-head" (not "Co Head"), so that two of them read "Co-heads: A, B" on the card.
  if (role == "co-head") return "Co-head";
  return humanize(role, true);
}

std::string Relation::display_label() const { return label.empty() ? humanize(kind, false) : label; }

const Unit* OrgModel::find_unit(const std::string& id) const {
  for (const auto& u : units)
    if (u.id == id) return &u;
  return nullptr;
}

const Source* OrgModel::find_source(const std::string& id) const {
  for (const auto& s : sources)
    if (s.id == id) return &s;
  return nullptr;
}

const std::vector<std::string>& unit_kinds() {
  static const std::vector<std::string> kKinds = {
      "party-organ", "government",  "ministry", "commission", "department", "bureau",
      "office",      "committee",   "institution", "enterprise", "association", "foundation",
      "think-tank",  "school",      "university", "media",      "front",      "organization",
      "person",      "position"};
  return kKinds;
}

OrgModel snapshot(const OrgModel& model, const std::optional<Date>& as_of) {
  OrgModel out;
  out.title = model.title;
  out.description = model.description;
  out.sources = model.sources;
  out.files = model.files;
  out.styles = model.styles;
  std::unordered_set<std::string> present;
  for (const auto& u : model.units)
    if (u.valid.holds_at(as_of)) present.insert(u.id);
  for (const auto& u : model.units) {
    if (!present.count(u.id)) continue;
    out.units.push_back(u);
    out.units.back().uncertain = u.valid.at(as_of) == Holds::kUncertain;
    // A unit whose parent does not exist yet (or any more) is drawn as a root on that date.
    if (!u.parent.empty() && !present.count(u.parent)) out.units.back().parent.clear();
  }
  for (const auto& p : model.people) {
    Person q = p;
    q.roles.clear();
    for (const auto& r : p.roles)
      if (r.valid.holds_at(as_of) && present.count(r.unit)) {
        q.roles.push_back(r);
        q.roles.back().uncertain = r.valid.at(as_of) == Holds::kUncertain;
      }
    if (!q.roles.empty()) out.people.push_back(std::move(q));
  }
  for (const auto& r : model.relations)
    if (r.valid.holds_at(as_of) && present.count(r.unit) && present.count(r.target)) {
      out.relations.push_back(r);
      out.relations.back().uncertain = r.valid.at(as_of) == Holds::kUncertain;
    }
  return out;
}

OrgModel snapshot(OrgModel&& model, const std::optional<Date>& as_of) {
  OrgModel out;
  out.title = std::move(model.title);
  out.description = std::move(model.description);
  out.sources = std::move(model.sources);
  out.files = std::move(model.files);
  out.styles = std::move(model.styles);
  std::unordered_set<std::string_view> present;
  present.reserve(model.units.size());
  for (const auto& u : model.units)
    if (u.valid.holds_at(as_of)) present.insert(u.id);
  // Ids are looked up in `present` (views into model.units) before anything moves out of the model.
  std::vector<char> parent_gone(model.units.size(), 0);
  for (std::size_t i = 0; i < model.units.size(); ++i)
    parent_gone[i] = !model.units[i].parent.empty() && !present.count(model.units[i].parent);
  std::vector<char> role_kept, relation_kept(model.relations.size(), 0);
  for (std::size_t i = 0; i < model.relations.size(); ++i) {
    const Relation& r = model.relations[i];
    relation_kept[i] = r.valid.holds_at(as_of) && present.count(r.unit) && present.count(r.target);
  }
  for (auto& p : model.people) {
    std::vector<Role> roles;
    for (auto& r : p.roles)
      if (r.valid.holds_at(as_of) && present.count(r.unit)) {
        roles.push_back(std::move(r));
        roles.back().uncertain = roles.back().valid.at(as_of) == Holds::kUncertain;
      }
    p.roles = std::move(roles);
  }
  // Kept units and relations move down in place: no second vector of them (a unit is large), no move at all
  // when everything holds on the date.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < model.units.size(); ++i) {
    Unit& u = model.units[i];
    if (!u.valid.holds_at(as_of)) continue;
    // A unit whose parent does not exist yet (or any more) is drawn as a root on that date.
    if (parent_gone[i]) u.parent.clear();
    u.uncertain = u.valid.at(as_of) == Holds::kUncertain;
    if (kept != i) model.units[kept] = std::move(u);
    ++kept;
  }
  present.clear();
  model.units.erase(model.units.begin() + static_cast<std::ptrdiff_t>(kept), model.units.end());
  out.units = std::move(model.units);
  for (auto& p : model.people)
    if (!p.roles.empty()) out.people.push_back(std::move(p));
  kept = 0;
  for (std::size_t i = 0; i < model.relations.size(); ++i)
    if (relation_kept[i]) {
      Relation& r = model.relations[i];
      r.uncertain = r.valid.at(as_of) == Holds::kUncertain;
      if (kept != i) model.relations[kept] = std::move(r);
      ++kept;
    }
  model.relations.erase(model.relations.begin() + static_cast<std::ptrdiff_t>(kept), model.relations.end());
  out.relations = std::move(model.relations);
  model = OrgModel{};
  return out;
}

}  // namespace orgchart
