#include "orgchart/writers/diff_writer.hpp"

#include "orgchart/error.hpp"
#include "orgchart/writers/escape.hpp"
#include "orgchart/writers/json_object.hpp"

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

/// A JSON change record with its window: `"certain"` and `"window": {...}` unless the change is exactly
/// dated and certain.
std::string with_window(JsonObject& o, const ChangeWindow& w) {
  auto day = [](int key) {
    const std::string t = day_text(key);
    return t.empty() ? std::string("null") : json_quote(t);
  };
  o.raw_if(w.when || !w.certain, "certain", w.certain ? "true" : "false");
  if (w.when)
    o.raw("window", JsonObject()
                        .str("date", w.when->str())
                        .raw("earliest", day(w.when->earliest))
                        .raw("latest", day(w.when->latest))
                        .done());
  return o.done();
}

// One JSON object per change record, its validity window last.
template <class Record, class Fill>
std::vector<std::string> json_records(const std::vector<Record>& records, Fill fill) {
  std::vector<std::string> out;
  out.reserve(records.size());
  for (const auto& r : records) {
    JsonObject o;
    fill(o, r);
    out.push_back(with_window(o, r.window));
  }
  return out;
}

}  // namespace

void write_diff_text(std::ostream& out, const OrgDiff& d, const OrgModel& before, const OrgModel& after,
                     const DiffLabels& labels) {
  // Data reaches a terminal here: each name, id and label on its line, control characters shown escaped (a
  // name holding a newline or an escape sequence could otherwise forge lines or drive the terminal).
  const auto t = [](std::string_view s) { return printable_line(s); };
  out << "Changes from " << t(labels.before) << " to " << t(labels.after) << ":\n";
  if (d.empty()) {
    out << "  no changes\n";
    return;
  }
  auto unit = [&](const std::string& id) { return t(name_of(before, after, id)) + " [" + t(id) + "]"; };
  if (!d.units.empty()) {
    out << "\nUnits\n";
    for (const auto& u : d.units) {
      switch (u.kind) {
        case UnitDiff::Kind::kAdded: out << mark(u.window, "  + ") << "added   " << unit(u.id) << window_text(u.window) << "\n"; break;
        case UnitDiff::Kind::kRemoved:
          out << mark(u.window, "  - ") << "removed " << t(u.before) << " [" << t(u.id) << "]" << window_text(u.window) << "\n";
          break;
        case UnitDiff::Kind::kRenamed:
          out << "  ~ renamed [" << t(u.id) << "]: " << t(u.before) << " -> " << t(u.after) << "\n";
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
      out << mark(r.window, r.kind == RoleDiff::Kind::kTook ? "  + " : "  - ") << t(r.person)
          << (r.kind == RoleDiff::Kind::kTook ? " took the role " : " left the role ") << t(r.title) << " of "
          << unit(r.unit) << window_text(r.window) << "\n";
  }
  if (!d.relations.empty()) {
    out << "\nRelations\n";
    for (const auto& r : d.relations)
      out << mark(r.window, r.kind == RelationDiff::Kind::kAdded ? "  + " : "  - ") << unit(r.unit) << " " << t(r.label)
          << " " << unit(r.target) << window_text(r.window)
          << "\n";
  }
  out << "\n" << d.units.size() << " unit, " << d.roles.size() << " role and " << d.relations.size()
      << " relation changes\n";
}

void write_diff_json(std::ostream& out, const OrgDiff& d, const DiffLabels& labels) {
  out << "{\n";
  write_json_member(out, "before", json_quote(labels.before));
  write_json_member(out, "after", json_quote(labels.after));
  const auto units = json_records(d.units, [](JsonObject& o, const UnitDiff& u) {
    o.str("change", unit_change_name(u.kind)).str("id", u.id).str("before", u.before).str("after", u.after);
  });
  const auto roles = json_records(d.roles, [](JsonObject& o, const RoleDiff& r) {
    o.str("change", r.kind == RoleDiff::Kind::kTook ? "took" : "left").str("person", r.person);
    o.str("unit", r.unit).str("role", r.role).str("title", r.title);
  });
  const auto relations = json_records(d.relations, [](JsonObject& o, const RelationDiff& r) {
    o.str("change", r.kind == RelationDiff::Kind::kAdded ? "added" : "removed").str("unit", r.unit);
    o.str("relation", r.relation).str("target", r.target).str("label", r.label);
  });
  write_json_array(out, "units", units, false);
  write_json_array(out, "roles", roles, false);
  write_json_array(out, "relations", relations, true);
  out << "}\n";
}

}  // namespace orgchart
