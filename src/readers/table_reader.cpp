#include "orgchart/readers/table_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "orgchart/model/validate.hpp"
#include "orgchart/readers/whitespace.hpp"
#include "orgchart/readers/table_columns.hpp"
#include "orgchart/readers/table_xlsx.hpp"

namespace orgchart {

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '@' || c == '+';
}

/// An id our data format accepts: letters, digits, `-_.@+`, starting with a letter or digit. Other characters
/// become `-`; "" when nothing is left.
std::string slug(const std::string& s, bool lower_case) {
  std::string out;
  for (char c : s) {
    if (id_char(c)) out.push_back(lower_case ? lower(std::string(1, c))[0] : c);
    else if (!out.empty() && out.back() != '-') out.push_back('-');
  }
  while (!out.empty() && !std::isalnum(static_cast<unsigned char>(out.front()))) out.erase(out.begin());
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

/// "31.12.2020" (or "1.2.2020", with a time after it): the day-first date of German, Russian, Polish... HR
/// exports, as ISO "2020-12-31"; "" for anything else. Dots leave no doubt about the order, unlike slashes.
std::string dotted_date(const std::string& text) {
  int part[3] = {0, 0, 0}, digits[3] = {0, 0, 0};
  std::size_t i = 0;
  for (int k = 0; k < 3; ++k) {
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits[k] < 4) {
      part[k] = part[k] * 10 + (text[i] - '0');
      ++digits[k];
      ++i;
    }
    if (k < 2 && (i >= text.size() || text[i] != '.')) return "";
    if (k < 2) ++i;
  }
  if (i < text.size() && text[i] != ' ' && text[i] != 'T') return "";
  if (digits[0] < 1 || digits[0] > 2 || digits[1] < 1 || digits[1] > 2 || digits[2] != 4) return "";
  if (part[0] < 1 || part[0] > 31 || part[1] < 1 || part[1] > 12) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", part[2], part[1], part[0]);
  return buf;
}

std::optional<Date> table_date(const std::string& text) {
  // Spreadsheets and databases write a time after the date: "2021-03-04 00:00:00", "2021-03-04T09:00".
  std::string s = text;
  if (const std::string iso = dotted_date(text); !iso.empty()) s = iso;
  if (s.size() > 10 && (s[10] == ' ' || s[10] == 'T')) s.resize(10);
  return parse_date(s);
}

enum class Truth { kYes, kNo, kUnknown };
Truth truth(const std::string& text) {
  const std::string s = lower(std::string(trim(text)));
  for (const char* y : {"yes", "y", "true", "1", "x", "side", "assistant", "staff", "wahr", "oui", "ja"})
    if (s == y) return Truth::kYes;
  for (const char* n : {"", "no", "n", "false", "0", "-", "falsch", "non", "nein"})
    if (s == n) return Truth::kNo;
  return Truth::kUnknown;
}

/// What databases and spreadsheets write for "no manager" (when no row has it as its id).
bool no_parent_marker(const std::string& text) {
  const std::string s = lower(std::string(trim(text)));
  for (const char* v : {"null", "none", "-", "n/a", "#n/a", "0", "(none)", "root"})
    if (s == v) return true;
  return false;
}

bool vacancy_marker(const std::string& name) {
  const std::string s = lower(std::string(trim(name)));
  for (const char* v : {"vacant", "(vacant)", "[vacant]", "vacancy", "open position", "open", "tbd", "tbh", "to be hired", "n/a"})
    if (s == v) return true;
  return false;
}

/// A reference to another row as written in a cell, resolved once every row is known.
struct PendingRef {
  std::size_t unit;       // index of the row's unit
  std::string text;       // as written
  SourceLoc loc;
  bool dotted = false;
};

}  // namespace

/// Rows of the wrong shape reported one by one; those after them are counted in one error.
constexpr std::size_t kMaxShapeErrors = 20;

struct TableMapper::Impl {
  std::string file;
  FileName file_name;  // `file`, named once: every location of the table shares it
  TableOptions options;
  std::vector<Diagnostic> diags;
  TableColumns cols;
  std::optional<LabelTemplate> label;
  ReadResult result;
  std::vector<PendingRef> refs;
  std::vector<std::string> emails;  // per unit, lower-cased ("" = none)
  std::vector<int> rows;            // per unit, its row number
  std::string source_id;
  bool header_seen = false;
  std::unordered_set<std::string> made_ids;  // ids made from names (no id column)
  bool header_failed = false;  // no column holds names: rows are not read
  TableLimits limits;
  std::size_t cells = 0;  // filled cells kept as attributes so far
  bool full = false;      // past a limit: no more rows are read
  std::size_t rows_held = 0;  // data rows with something in them
  std::size_t misshapen = 0;  // rows whose fields do not match the header's, reported or not
  SourceLoc last_misshapen;

  SourceLoc loc_of(const TableField& f) const { return {file_name, f.line, f.column}; }
  void error(const SourceLoc& l, std::string msg) { diags.push_back({Severity::kError, l, std::move(msg), {}}); }

  std::string cell(const TableRecord& r, ColumnRole role) const {
    const auto c = cols[role];
    return c && *c < r.fields.size() ? std::string(trim(r.fields[*c].text)) : std::string();
  }
  SourceLoc cell_loc(const TableRecord& r, ColumnRole role) const {
    const auto c = cols[role];
    if (c && *c < r.fields.size()) return loc_of(r.fields[*c]);
    return {file_name, r.line, 1};
  }
  const std::string& header(ColumnRole role) const { return cols.headers[*cols[role]]; }

  void add_header(const TableRecord& r) {
    cols = detect_columns(r, options.columns, file, diags);
    // Without names every row would only repeat that; other header problems are reported with the rows'.
    header_failed = !cols[ColumnRole::kName] && !cols[ColumnRole::kFirstName] && !cols[ColumnRole::kLastName];
    if (!options.label.empty()) label.emplace(options.label, cols.headers, file, diags);
    std::string stem = std::filesystem::path(file).stem().string();
    source_id = slug(stem, true);
    if (source_id.empty()) source_id = "table";
    Source s;
    s.id = source_id;
    s.title = stem.empty() ? "table" : stem;
    s.loc = {file, r.line, 1};
    result.model.sources.push_back(std::move(s));
  }

  void add_row(const TableRecord& r) {
    // Without a name column every row would repeat the header's error: report it once.
    if (header_failed) return;
    const std::size_t width = cols.headers.size();
    // Spreadsheets export rows they once formatted as delimiters only (";;;;"): nothing to read there.
    if (std::all_of(r.fields.begin(), r.fields.end(), [](const TableField& f) { return trim(f.text).empty(); })) return;
    // Trailing delimiters ("a,b,c,") add empty fields past the header: harmless.
    const bool only_empty_extra =
        r.fields.size() > width && std::all_of(r.fields.begin() + static_cast<std::ptrdiff_t>(width), r.fields.end(),
                                               [](const TableField& f) { return trim(f.text).empty(); });
    const bool misshapen = r.fields.size() != width && !only_empty_extra;
    // The first rows of the wrong shape are reported one by one, the rest counted (a table whose every row is
    // short made a million errors and hundreds of megabytes on the terminal).
    if (misshapen && ++this->misshapen > kMaxShapeErrors) {
      last_misshapen = {file_name, r.line, 1};
    } else if (misshapen) {
      const TableField& at = r.fields.size() > width ? r.fields[width] : r.fields.back();
      error(loc_of(at), "row " + std::to_string(r.row) + " has " + std::to_string(r.fields.size()) +
                            (r.fields.size() == 1 ? " field" : " fields") + " but the header has " +
                            std::to_string(width) +
                            (r.fields.size() > width ? "; quote a value that contains the delimiter (\"a, b\")"
                                                     : "; add the missing fields (empty ones too)"));
    }
    // A row of the wrong shape has its cells under the wrong headers: what they would say is noise.
    const std::size_t diags_before = diags.size();
    Unit u;
    const std::size_t index = result.model.units.size();
    u.loc = cols[ColumnRole::kId] ? cell_loc(r, ColumnRole::kId) : SourceLoc{file_name, r.line, 1};
    // Name: the name column, else first + last name.
    if (cols[ColumnRole::kName]) u.name = cell(r, ColumnRole::kName);
    if (u.name.empty()) {
      const std::string first = cell(r, ColumnRole::kFirstName), last = cell(r, ColumnRole::kLastName);
      u.name = trim(first + " " + last);
    }
    u.title = cell(r, ColumnRole::kTitle);
    u.group = cell(r, ColumnRole::kGroup);
    u.photo = cell(r, ColumnRole::kPhoto);
    const Truth vacant_cell = truth(cell(r, ColumnRole::kVacant));
    if (vacant_cell == Truth::kUnknown)
      error(cell_loc(r, ColumnRole::kVacant), "'" + cell(r, ColumnRole::kVacant) + "' in column '" +
                                                  header(ColumnRole::kVacant) + "' is not yes or no");
    u.vacant = vacant_cell == Truth::kYes || vacancy_marker(u.name) || (u.name.empty() && !u.title.empty());
    if (u.vacant && vacancy_marker(u.name)) u.name.clear();
    const std::string name_header = cols[ColumnRole::kName]        ? header(ColumnRole::kName)
                                    : cols[ColumnRole::kFirstName] ? header(ColumnRole::kFirstName)
                                    : cols[ColumnRole::kLastName]  ? header(ColumnRole::kLastName)
                                                                   : "name";
    const SourceLoc name_loc = cell_loc(r, cols[ColumnRole::kName] ? ColumnRole::kName
                                           : cols[ColumnRole::kFirstName] ? ColumnRole::kFirstName
                                                                          : ColumnRole::kLastName);
    if (u.name.empty() && !u.vacant)
      error(name_loc, "row " + std::to_string(r.row) + " has no name in column '" + name_header +
                          "'; write one (or a title alone, or 'vacant', for a vacancy)");
    if (u.vacant && u.name.empty()) u.name = u.title.empty() ? "Vacant" : u.title;
    // Id: the id column, else the e-mail, else one made from the name.
    if (cols[ColumnRole::kId] || cols.email_is_id) {
      const ColumnRole key = cols[ColumnRole::kId] ? ColumnRole::kId : ColumnRole::kEmail;
      const std::string raw = cell(r, key);
      if (raw.empty())
        error(cell_loc(r, key), "row " + std::to_string(r.row) + " has an empty id in column '" + header(key) +
                                    "'; give every row an id of its own");
      u.id = slug(raw, false);
      if (!raw.empty() && u.id.empty()) u.id = "row-" + std::to_string(r.row);
      if (u.id != raw && !raw.empty()) u.attributes[header(key)] = raw;
    } else {
      u.id = slug(u.name, true);
      // Two people of one name get two ids: the table gave none, so a clash is ours to avoid.
      if (u.id.empty() || u.vacant || made_ids.count(u.id)) u.id = (u.id.empty() ? "row" : u.id) + "-" + std::to_string(r.row);
      made_ids.insert(u.id);
    }
    u.kind = cell(r, ColumnRole::kKind);
    if (u.kind.empty()) u.kind = u.vacant ? "position" : "person";
    // Placement.
    if (cols[ColumnRole::kAssistant]) {
      const std::string a = cell(r, ColumnRole::kAssistant);
      const Truth t = truth(a);
      if (t == Truth::kUnknown)
        error(cell_loc(r, ColumnRole::kAssistant), "'" + a + "' in column '" + header(ColumnRole::kAssistant) +
                                                      "' is not yes or no; write yes (or 'side') for an assistant or "
                                                      "staff position, or leave it empty");
      if (t == Truth::kYes) u.placement = "side";
    }
    // Time.
    for (ColumnRole role : {ColumnRole::kFrom, ColumnRole::kUntil}) {
      const std::string text = cell(r, role);
      if (text.empty()) continue;
      auto d = table_date(text);
      if (!d) {
        std::string why;
        parse_date(text, &why);
        error(cell_loc(r, role), "'" + text + "' in column '" + header(role) + "' is not a date (" + why + "); write " +
                                     kDateForms);
        continue;
      }
      (role == ColumnRole::kFrom ? u.valid.from : u.valid.until) = d;
    }
    if (label) u.label = label->fill(r);
    // Every other column, by its header; empty cells left out.
    for (std::size_t i = 0; i < r.fields.size() && i < cols.headers.size(); ++i) {
      if (cols.is_field(i)) continue;
      const std::string v(trim(r.fields[i].text));
      if (!v.empty()) u.attributes.emplace(cols.headers[i], v);
    }
    u.sources.push_back(source_id);
    u.notes = "row " + std::to_string(r.row);
    emails.push_back(lower(cell(r, ColumnRole::kEmail)));
    rows.push_back(r.row);
    if (misshapen) {
      diags.resize(diags_before);
      result.model.units.push_back(std::move(u));
      return;
    }
    // References, resolved in finish().
    if (const std::string p = cell(r, ColumnRole::kParent); !p.empty()) {
      u.parent_loc = cell_loc(r, ColumnRole::kParent);
      refs.push_back({index, p, u.parent_loc, false});
    }
    if (const std::string d = cell(r, ColumnRole::kDottedLine); !d.empty()) {
      const SourceLoc at = cell_loc(r, ColumnRole::kDottedLine);
      std::size_t b = 0;
      while (b <= d.size()) {
        auto e = d.find_first_of(";,", b);
        if (e == std::string::npos) e = d.size();
        const std::string one(trim(d.substr(b, e - b)));
        if (!one.empty()) refs.push_back({index, one, at, true});
        b = e + 1;
      }
    }
    result.model.units.push_back(std::move(u));
  }

  /// Resolves every parent and dotted-line manager: by id, else by a unique name, else by a unique e-mail.
  void resolve() {
    auto& units = result.model.units;
    // Keys view the units' own strings (the vector no longer grows). Most tables name parents by id: the
    // name and e-mail indexes are built only when an id is not found.
    std::unordered_map<std::string_view, std::size_t> by_id;
    by_id.reserve(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) by_id.emplace(units[i].id, i);
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_name, by_email;
    std::unordered_map<std::string, std::vector<std::size_t>> by_name_ci;
    bool indexed = false;
    auto index_names = [&] {
      indexed = true;
      for (std::size_t i = 0; i < units.size(); ++i) {
        if (!units[i].vacant) {
          by_name[units[i].name].push_back(i);
          by_name_ci[lower(units[i].name)].push_back(i);
        }
        if (!emails[i].empty()) by_email[emails[i]].push_back(i);
      }
    };
    std::vector<std::string> ids;  // for suggestions, only when needed
    int suggestions = 0;
    for (const PendingRef& ref : refs) {
      Unit& u = units[ref.unit];
      const std::string& column = header(ref.dotted ? ColumnRole::kDottedLine : ColumnRole::kParent);
      const std::vector<std::size_t>* found = nullptr;
      std::vector<std::size_t> one;
      auto by_id_it = by_id.find(ref.text);
      // An id with characters our ids do not take ("E 001") was stored as its slug ("E-001").
      if (by_id_it == by_id.end()) by_id_it = by_id.find(slug(ref.text, false));
      if (by_id_it != by_id.end() && !ref.dotted && by_id_it->second != ref.unit) {
        u.parent = units[by_id_it->second].id;  // the usual case, without a candidate list
        continue;
      }
      if (by_id_it == by_id.end() && !indexed) index_names();
      if (auto it = by_id_it; it != by_id.end()) {
        if (!ref.dotted && it->second == ref.unit) {
          // HR exports often have the top person report to themselves: that is a root, not a cycle.
          diags.push_back({Severity::kWarning, ref.loc,
                           "row " + std::to_string(rows[ref.unit]) + " names itself in column '" + column +
                               "': drawn as a root (leave the cell empty to say so)",
                           {}});
          u.parent.clear();
          continue;
        }
        one = {it->second};
        found = &one;
      } else if (!ref.dotted && no_parent_marker(ref.text)) {
        u.parent.clear();
        continue;
      } else if (auto n = by_name.find(ref.text); n != by_name.end()) {
        found = &n->second;
      } else if (auto c = by_name_ci.find(lower(ref.text)); c != by_name_ci.end()) {
        found = &c->second;
      } else if (auto e = by_email.find(lower(ref.text)); e != by_email.end()) {
        found = &e->second;
      }
      if (!found) {
        if (ids.empty())
          for (const auto& x : units) ids.push_back(x.id);
        std::string hint = suggestions++ < 100 ? did_you_mean(ref.text, ids) : "";
        if (hint.empty() && suggestions < 100) {
          std::vector<std::string> names;
          for (const auto& [n, list] : by_name) names.emplace_back(n);
          std::sort(names.begin(), names.end());
          hint = did_you_mean(ref.text, names);
        }
        error(ref.loc, std::string(ref.dotted ? "unknown dotted-line manager '" : "unknown parent '") + ref.text +
                           "' in column '" + column + "': no row has that id, name or e-mail" +
                           (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        if (!ref.dotted) u.parent.clear();
        continue;
      }
      if (found->size() > 1) {
        std::string cands;
        for (std::size_t k = 0; k < found->size() && k < 5; ++k)
          cands += (k ? ", " : "") + std::string("'") + units[(*found)[k]].id + "' (row " +
                   std::to_string(rows[(*found)[k]]) + ")";
        if (found->size() > 5) cands += " and " + std::to_string(found->size() - 5) + " more";
        error(ref.loc, std::string(ref.dotted ? "dotted-line manager '" : "parent '") + ref.text + "' in column '" +
                           column + "' is ambiguous: " + std::to_string(found->size()) +
                           " rows have that name: " + cands +
                           (cols[ColumnRole::kId] || cols.email_is_id
                                ? "; write the id instead"
                                : "; add an id column and write the manager's id, or tell the namesakes apart"));
        continue;
      }
      const Unit& target = units[found->front()];
      if (!ref.dotted) {
        u.parent = target.id;
      } else {
        Relation rel;
        rel.unit = u.id;
        rel.kind = "dotted-line";
        rel.target = target.id;
        rel.loc = ref.loc;
        rel.unit_loc = u.loc;
        rel.target_loc = ref.loc;
        rel.sources.push_back(source_id);
        result.model.relations.push_back(std::move(rel));
      }
    }
    refs.clear();
    refs.shrink_to_fit();
  }
};

TableMapper::TableMapper(std::string file, const TableOptions& options, const TableLimits& limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->limits = limits;
  impl_->file = std::move(file);
  impl_->file_name = impl_->file;
  impl_->options = options;
  impl_->result.model.files.push_back(impl_->file);
}

TableMapper::~TableMapper() = default;

std::vector<Diagnostic>& TableMapper::diagnostics() { return impl_->diags; }

void TableMapper::reserve(std::size_t rows) {
  impl_->result.model.units.reserve(rows);
  impl_->emails.reserve(rows);
  impl_->rows.reserve(rows);
}

bool TableMapper::add(const TableRecord& record) {
  Impl& m = *impl_;
  if (m.full) return false;
  if (!m.header_seen) {
    // Blank lines above the header (spaces only, or delimiters only) are not the header.
    if (std::all_of(record.fields.begin(), record.fields.end(), [](const TableField& f) { return trim(f.text).empty(); }))
      return true;
    m.header_seen = true;
    m.add_header(record);
    return true;
  }
  // Rows of delimiters only are not held (add_row skips them) and do not count: a table may have millions.
  if (std::all_of(record.fields.begin(), record.fields.end(), [](const TableField& f) { return trim(f.text).empty(); }))
    return true;
  // The caps are checked before the row is held: memory stays within them whatever the rows look like.
  std::size_t cells = 0;
  for (std::size_t i = 0; i < record.fields.size() && i < m.cols.headers.size(); ++i)
    cells += !m.header_failed && !m.cols.is_field(i) && !trim(record.fields[i].text).empty();
  const SourceLoc at{m.file_name, record.line, record.fields.empty() ? 1 : record.fields.front().column};
  auto thousands = [](std::size_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
  };
  if (++m.rows_held + 1 > m.limits.rows) {  // the header is a row too
    m.error(at, "the table has more than " + thousands(m.limits.rows) +
                    " rows, the most orgchart reads (a spreadsheet's limit); row " + std::to_string(record.row) +
                    " and those after it are not read: chart a part of it (e.g. one division per file)");
    m.full = true;
    return false;
  }
  if (cells > 0 && m.cells + cells > m.limits.attribute_cells) {
    m.error(at, "the table has more than " + thousands(m.limits.attribute_cells) +
                    " filled cells in columns kept as attributes, the most orgchart holds; row " +
                    std::to_string(record.row) +
                    " and those after it are not read: leave out the columns the chart does not need, or chart a "
                    "part of the table");
    m.full = true;
    return false;
  }
  m.cells += cells;
  m.add_row(record);
  return true;
}

ReadResult TableMapper::finish() {
  Impl& m = *impl_;
  if (m.misshapen > kMaxShapeErrors)
    m.error(m.last_misshapen, std::to_string(m.misshapen - kMaxShapeErrors) + " more rows (the last one here) have " +
                                  "more or fewer fields than the header's " + std::to_string(m.cols.headers.size()) +
                                  ", as those above; fix those first (is the delimiter right?)");
  if (!m.header_seen)
    m.error({m.file, 0, 0}, "the table is empty: write a header row (e.g. id,name,title,parent) and one row per person or unit");
  else if (m.result.model.units.empty() && !m.header_failed && !has_errors(m.diags))
    m.error({m.file, 0, 0}, "the table has a header but no rows");
  // A manager column under a header we do not know makes a flat chart of roots: say why (a note, as are those
  // on each root: dropped when there are errors to fix).
  if (!has_errors(m.diags) && !m.header_failed && !m.cols[ColumnRole::kParent] && m.result.model.units.size() > 1)
    m.diags.push_back({Severity::kNote, m.result.model.sources.front().loc,
                       "no column names each row's parent (manager): every row is drawn as a top-level box; call "
                       "one 'manager' or 'parent', or say which with --columns parent=HEADER; the columns are " +
                           header_list(m.cols.headers),
                       {}});
  m.resolve();
  m.result.diagnostics = std::move(m.diags);
  return std::move(m.result);
}

ReadResult read_table_string(const std::string& bytes, const std::string& file, const TableOptions& options,
                             std::string* decoded) {
  TableMapper mapper(file, options);
  std::vector<Diagnostic> decode_diags;
  const std::string text = decode_table_text(bytes, file, decode_diags);
  if (decoded) *decoded = text;
  if (has_errors(decode_diags)) {
    ReadResult r;
    r.model.files.push_back(file);
    r.diagnostics = std::move(decode_diags);
    return r;
  }
  // One line per row in the usual table: growing the units vector once is cheaper than moving them on the way.
  // Lines with nothing but spaces and delimiters are not rows: a file of millions of them must not reserve
  // gigabytes for units that never come.
  const char delimiter = sniff_delimiter(text);
  std::size_t rows = 0;
  bool content = false;
  for (const char c : text) {
    if (c == '\n' || c == '\r') {
      rows += content;
      content = false;
    } else if (c != ' ' && c != delimiter) {
      content = true;
    }
  }
  mapper.reserve(std::min(rows + content, TableLimits{}.rows));
  CsvParser parser(text, delimiter, file, mapper.diagnostics());
  TableRecord record;
  while (parser.next(record) && mapper.add(record)) {
  }
  ReadResult r = mapper.finish();
  r.diagnostics.insert(r.diagnostics.begin(), decode_diags.begin(), decode_diags.end());
  return r;
}

ReadResult read_xlsx_string(const std::string& bytes, const std::string& file, const TableOptions& options) {
  TableMapper mapper(file, options);
  std::size_t width = 0;
  bool header = true;
  // The empty cells added count as the reader counts cells (XlsxLimits::cell_bytes: 8 bytes each): a header of
  // 16384 columns over a million one-cell rows made 16 billion fields (no end in 120 s).
  const XlsxLimits limits;
  std::size_t padding = 0;
  bool ok = read_xlsx_rows(bytes, file, options.sheet, [&](const TableRecord& r) {
    if (header) {
      width = r.fields.size();
      header = false;
      return mapper.add(r);
    }
    // A sheet stores no empty cells: pad the row to the header's width, as a CSV export would.
    if (r.fields.size() < width && (padding += 8 * (width - r.fields.size())) > limits.cell_bytes) {
      mapper.diagnostics().push_back(
          {Severity::kError, {file, r.row, 1},
           "the rows up to this one leave out more than " + std::to_string(limits.cell_bytes >> 23) +
               " million of the header's cells: a damaged file, or a header far wider than its rows (delete the "
               "columns to the right of the table in the spreadsheet program)",
           {}});
      return false;
    }
    TableRecord padded = r;
    while (padded.fields.size() < width)
      padded.fields.push_back({"", r.row, static_cast<int>(padded.fields.size()) + 1});
    return mapper.add(padded);  // false past the limits: the rest of the sheet is not read
  }, mapper.diagnostics(), limits);
  ok = ok && padding <= limits.cell_bytes;
  if (!ok) {
    ReadResult r;
    r.model.files.push_back(file);
    r.diagnostics = std::move(mapper.diagnostics());
    return r;
  }
  return mapper.finish();
}

}  // namespace orgchart
