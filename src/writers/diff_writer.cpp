#include "orgchart/writers/diff_writer.hpp"

#include "orgchart/writers/json_writer.hpp"

namespace orgchart {

namespace {

std::string name_of(const OrgModel& before, const OrgModel& after, const std::string& id) {
  if (const Unit* u = after.find_unit(id)) return u->name;
  if (const Unit* u = before.find_unit(id)) return u->name;
  return id;
}

const char* unit_change_name(UnitDiff::Kind k) {
  switch (k) {
    case UnitDiff::Kind::kAdded: return "added";
    case UnitDiff::Kind::kRemoved: return "removed";
    case UnitDiff::Kind::kRenamed: return "renamed";
    case UnitDiff::Kind::kMoved: return "moved";
  }
  return "";
}

/// " between 2024-01-30 and 2025-12-31 (uncertain)" after a change line; "" for an exactly dated, certain change.
std::string window_text(const ChangeWindow& w) {
  std::string s;
  if (w.when) s += ", " + w.when->describe();
  if (!w.certain) s += w.when ? "; the sources give no exact date, so it may fall outside the two dates"
                              : " (uncertain: it may or may not hold at one of the two dates)";
  return s;
}

/// The mark before a change line: "?" when the change is not certain.
const char* mark(const ChangeWindow& w, const char* certain) { return w.certain ? certain : "  ? "; }

/// `, "window": {...}` for a JSON change record; "" for an exactly dated, certain change.
std::string window_json(const ChangeWindow& w) {
  if (!w.when && w.certain) return "";
  std::string s = ", \"certain\": ";
  s += w.certain ? "true" : "false";
  if (w.when) {
    auto day = [](int key) {
      const std::string t = day_text(key);
      return t.empty() ? std::string("null") : json_quote(t);
    };
    s += ", \"window\": {\"date\": " + json_quote(w.when->str()) + ", \"earliest\": " + day(w.when->earliest) +
         ", \"latest\": " + day(w.when->latest) + "}";
  }
  return s;
}

}  // namespace

void write_diff_text(std::ostream& out, const OrgDiff& d, const OrgModel& before, const OrgModel& after,
                     const DiffLabels& labels) {
  out << "Changes from " << labels.before << " to " << labels.after << ":\n";
  if (d.empty()) {
    out << "  no changes\n";
    return;
  }
  auto unit = [&](const std::string& id) { return name_of(before, after, id) + " [" + id + "]"; };
  if (!d.units.empty()) {
    out << "\nUnits\n";
    for (const auto& u : d.units) {
      switch (u.kind) {
        case UnitDiff::Kind::kAdded: out << mark(u.window, "  + ") << "added   " << unit(u.id) << window_text(u.window) << "\n"; break;
        case UnitDiff::Kind::kRemoved:
          out << mark(u.window, "  - ") << "removed " << u.before << " [" << u.id << "]" << window_text(u.window) << "\n";
          break;
        case UnitDiff::Kind::kRenamed:
          out << "  ~ renamed [" << u.id << "]: " << u.before << " -> " << u.after << "\n";
          break;
        case UnitDiff::Kind::kMoved:
          out << "  ~ moved   " << unit(u.id) << ": parent " << (u.before.empty() ? "(none)" : unit(u.before)) << " -> "
              << (u.after.empty() ? "(none)" : unit(u.after)) << "\n";
          break;
      }
    }
  }
  if (!d.roles.empty()) {
    out << "\nPeople\n";
    for (const auto& r : d.roles)
      out << mark(r.window, r.kind == RoleDiff::Kind::kTook ? "  + " : "  - ") << r.person
          << (r.kind == RoleDiff::Kind::kTook ? " took the role " : " left the role ") << r.title << " of "
          << unit(r.unit) << window_text(r.window) << "\n";
  }
  if (!d.relations.empty()) {
    out << "\nRelations\n";
    for (const auto& r : d.relations)
      out << mark(r.window, r.kind == RelationDiff::Kind::kAdded ? "  + " : "  - ") << unit(r.unit) << " " << r.label
          << " " << unit(r.target) << window_text(r.window)
          << "\n";
  }
  out << "\n" << d.units.size() << " unit, " << d.roles.size() << " role and " << d.relations.size()
      << " relation changes\n";
}

void write_diff_json(std::ostream& out, const OrgDiff& d, const DiffLabels& labels) {
  out << "{\n  \"before\": " << json_quote(labels.before) << ",\n  \"after\": " << json_quote(labels.after)
      << ",\n  \"units\": [";
  for (std::size_t i = 0; i < d.units.size(); ++i) {
    const auto& u = d.units[i];
    out << (i ? "," : "") << "\n    {\"change\": \"" << unit_change_name(u.kind) << "\", \"id\": " << json_quote(u.id)
        << ", \"before\": " << json_quote(u.before) << ", \"after\": " << json_quote(u.after) << window_json(u.window)
        << "}";
  }
  out << (d.units.empty() ? "" : "\n  ") << "],\n  \"roles\": [";
  for (std::size_t i = 0; i < d.roles.size(); ++i) {
    const auto& r = d.roles[i];
    out << (i ? "," : "") << "\n    {\"change\": \"" << (r.kind == RoleDiff::Kind::kTook ? "took" : "left")
        << "\", \"person\": " << json_quote(r.person) << ", \"unit\": " << json_quote(r.unit)
        << ", \"role\": " << json_quote(r.role) << ", \"title\": " << json_quote(r.title) << window_json(r.window)
        << "}";
  }
  out << (d.roles.empty() ? "" : "\n  ") << "],\n  \"relations\": [";
  for (std::size_t i = 0; i < d.relations.size(); ++i) {
    const auto& r = d.relations[i];
    out << (i ? "," : "") << "\n    {\"change\": \"" << (r.kind == RelationDiff::Kind::kAdded ? "added" : "removed")
        << "\", \"unit\": " << json_quote(r.unit) << ", \"relation\": " << json_quote(r.relation)
        << ", \"target\": " << json_quote(r.target) << ", \"label\": " << json_quote(r.label)
        << window_json(r.window) << "}";
  }
  out << (d.relations.empty() ? "" : "\n  ") << "]\n}\n";
}

}  // namespace orgchart
