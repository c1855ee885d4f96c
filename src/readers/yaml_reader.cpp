#include "orgchart/readers/yaml_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <new>
#include <set>
#include <sstream>

#include <sys/stat.h>

#include "orgchart/model/ids.hpp"
#include "orgchart/model/validate.hpp"
#include "orgchart/readers/text_file.hpp"
#include "yaml_guard.hpp"
#include "yaml_tree.hpp"

namespace orgchart {

namespace {

namespace fs = std::filesystem;
using detail::YamlMark;
using detail::YamlNode;

using FieldSet = std::vector<std::string>;

const FieldSet kTopFields = {"title", "description", "include", "sources", "units", "people", "relations", "styles"};
const FieldSet kStyleFields = {"fill", "outline"};
const FieldSet kSourceFields = {"id", "title", "date", "url", "file", "notes"};
const FieldSet kUnitFields = {"id",       "name",         "kind",    "parent",  "group",   "native_name",
                              "romanized_name", "abbreviation", "aliases", "tags",    "type",    "level",
                              "founded",  "headquarters", "website", "notes",   "sources", "from",
                              "until", "placement", "title", "photo", "vacant", "label", "attributes"};
const FieldSet kRoleFields = {"unit", "role", "title", "from", "until", "sources"};
const FieldSet kPersonFields = {"name", "native_name", "notes", "roles", "unit", "role", "title", "from", "until",
                                "sources"};
const FieldSet kRelationFields = {"unit", "kind", "target", "label", "amount", "notes", "sources", "from", "until"};

/// Reads one file's YAML tree into the model, reporting against that file's name.
class DocumentReader {
 public:
  /// `more_bytes` / `bytes`: the size of the files still to read after this one, and of this one's text.
  DocumentReader(std::string file, OrgModel& model, std::vector<Diagnostic>& diags, std::uintmax_t bytes = 0,
                 std::uintmax_t more_bytes = 0)
      : file_(std::move(file)), model_(model), diags_(diags), bytes_(bytes), more_bytes_(more_bytes) {}

  /// Returns the include paths as written (resolved by the caller).
  std::vector<std::pair<std::string, SourceLoc>> read(const YamlNode& root) {
    std::vector<std::pair<std::string, SourceLoc>> includes;
    if (root.IsNull()) return includes;  // an empty file is an empty chart
    if (!root.IsMap()) {
      error(root, "the file must be a mapping with keys such as 'units:' and 'people:', not " + kind_of(root));
      ours_ = false;
      return includes;
    }
    // A file none of whose keys we know is not a data file with typos but some other file (a password file
    // is a YAML mapping too): one error, and none of its text repeated.
    bool known = root.size() == 0;
    for (auto it = root.begin(); it != root.end() && !known; ++it)
      known = it->first.IsScalar() && std::find(kTopFields.begin(), kTopFields.end(), it->first.Scalar()) != kTopFields.end();
    if (!known) {
      error(root, "this is not an orgchart data file: none of its top-level keys is one of title, description, "
                  "include, sources, units, people or relations");
      ours_ = false;
      return includes;
    }
    check_fields(root, kTopFields, "at the top level");
    for (auto it = root.begin(); it != root.end(); ++it) {
      const std::string key = it->first.Scalar();
      const YamlNode v = it->second;
      if (key == "title") read_string(v, key, model_.title);
      else if (key == "description") read_string(v, key, model_.description);
      else if (key == "include") {
        for (const auto& [path, loc] : string_list(v, key)) includes.emplace_back(path, loc);
      } else if (key == "sources") each_map(v, key, "source", [&](const YamlNode& n) { read_source(n); });
      else if (key == "units") {
        // A unit is large: no moves while the list grows. Units split over included files would be moved once per
        // file (old and new buffers both live), so room is also made for the files still to read, estimated from
        // this file's units per byte; room never used is address space only, never touched.
        std::size_t more = 0;
        if (bytes_ > 0 && more_bytes_ > 0)
          more = static_cast<std::size_t>(std::min<std::uintmax_t>(more_bytes_, 1ull << 40) * v.size() / bytes_);
        if (model_.units.capacity() < model_.units.size() + v.size()) {
          try {
            model_.units.reserve(model_.units.size() + v.size() + more);
          } catch (const std::bad_alloc&) {
            // The room is only there to spare moves: when the address space cannot give it (ulimit -v), the
            // list grows as the units come.
          }
        }
        each_map(v, key, "unit", [&](const YamlNode& n) { read_unit(n); });
      }
      else if (key == "people") each_map(v, key, "person", [&](const YamlNode& n) { read_person(n); });
      else if (key == "relations") each_map(v, key, "relation", [&](const YamlNode& n) { read_relation(n); });
      else if (key == "styles") read_styles(v);
    }
    return includes;
  }

  /// False once the file turned out not to be one of ours: its lines are not shown in diagnostics.
  bool ours() const { return ours_; }

 private:
  SourceLoc loc(const YamlNode& n) const {
    const auto m = n.Mark();
    return SourceLoc{file_, m.is_null() ? 0 : m.line + 1, m.is_null() ? 0 : m.column + 1};
  }
  void error(const YamlNode& n, std::string msg) { diags_.push_back({Severity::kError, loc(n), std::move(msg), {}}); }

  void check_fields(const YamlNode& map, const FieldSet& allowed, const std::string& where) {
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar()) {
        error(it->first, "a key must be a plain word " + where);
        continue;
      }
      const std::string key = it->first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string hint = did_you_mean(key, allowed);
        std::string msg = "unknown field '" + key + "' " + where;
        if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
        else {
          msg += "; allowed fields: ";
          for (std::size_t i = 0; i < allowed.size(); ++i) msg += (i ? ", " : "") + allowed[i];
        }
        error(it->first, msg);
      }
      if (!seen.insert(key).second) error(it->first, "field '" + key + "' is given twice " + where + "; keep one");
    }
  }

  template <typename F>
  void each_map(const YamlNode& list, const std::string& key, const std::string& what, F&& f) {
    if (list.IsNull()) return;
    if (!list.IsSequence()) {
      error(list, "'" + key + "' must be a list of " + what + "s (each item starting with '- ')");
      return;
    }
    for (const auto& item : list) {
      if (!item.IsMap()) {
        error(item, "each item of '" + key + "' must be a mapping of fields (e.g. 'name: ...'), not " +
                        describe(item));
        continue;
      }
      f(item);
    }
  }

  static std::string kind_of(const YamlNode& n) {
    return n.IsSequence() ? "a list" : n.IsScalar() ? "a single text" : "this";
  }

  static std::string describe(const YamlNode& n) {
    if (n.IsSequence()) return "a list";
    if (n.IsMap()) return "a mapping";
    if (n.IsNull()) return "nothing";
    return "the text '" + n.Scalar() + "'";
  }

  bool read_string(const YamlNode& v, const std::string& key, std::string& out) {
    if (!v.IsScalar()) {
      error(v, "'" + key + "' must be text, not " + describe(v));
      return false;
    }
    out = v.Scalar();
    return true;
  }

  /// A list of strings; a single string is accepted where `single_ok`.
  std::vector<std::pair<std::string, SourceLoc>> string_list(const YamlNode& v, const std::string& key,
                                                             bool single_ok = false) {
    std::vector<std::pair<std::string, SourceLoc>> out;
    if (v.IsScalar() && single_ok) {
      out.emplace_back(v.Scalar(), loc(v));
    } else if (v.IsSequence()) {
      for (const auto& item : v) {
        if (!item.IsScalar()) error(item, "each item of '" + key + "' must be text, not " + describe(item));
        else out.emplace_back(item.Scalar(), loc(item));
      }
    } else if (!v.IsNull()) {
      error(v, "'" + key + "' must be a list such as [a, b], not " + describe(v));
    }
    return out;
  }

  std::vector<std::string> strings(const YamlNode& v, const std::string& key, bool single_ok = false) {
    std::vector<std::string> out;
    for (auto& [s, l] : string_list(v, key, single_ok)) out.push_back(std::move(s));
    return out;
  }

  void read_bool(const YamlNode& v, const std::string& key, bool& out) {
    const std::string t = v.IsScalar() ? v.Scalar() : std::string();
    if (t == "true" || t == "yes") out = true;
    else if (t == "false" || t == "no") out = false;
    else error(v, "'" + key + "' must be true or false, not " + describe(v));
  }

  /// `#rgb` or `#rrggbb`, returned as `#rrggbb` in lower case; "" (with an error) otherwise.
  std::string read_colour(const YamlNode& v, const std::string& key) {
    std::string t;
    if (!read_string(v, key, t)) return "";
    auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
    const bool ok = (t.size() == 4 || t.size() == 7) && t[0] == '#' && std::all_of(t.begin() + 1, t.end(), hex);
    if (!ok) {
      error(v, "'" + key + "' must be a colour written #rrggbb (or #rgb), not '" + t + "'");
      return "";
    }
    std::string out = "#";
    for (std::size_t i = 1; i < t.size(); ++i) {
      const char c = static_cast<char>(t[i] >= 'A' && t[i] <= 'F' ? t[i] - 'A' + 'a' : t[i]);
      out += c;
      if (t.size() == 4) out += c;
    }
    return out;
  }

  /// `styles: {value: {fill: "#..", outline: "#.."}, ...}`: colours for the values of the colour-by column.
  void read_styles(const YamlNode& v) {
    if (v.IsNull()) return;
    if (!v.IsMap()) {
      error(v, "'styles' must be a mapping such as {ministry: {fill: \"#cfe2f3\", outline: \"#0b5394\"}}, not " +
                   describe(v));
      return;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!it->first.IsScalar()) {
        error(it->first, "a key of 'styles' must be a kind or value, not " + describe(it->first));
        continue;
      }
      ValueStyle st;
      st.value = it->first.Scalar();
      st.loc = loc(it->first);
      const YamlNode body = it->second;
      if (!body.IsMap()) {
        error(body.IsNull() ? it->first : body, "the style of '" + st.value + "' must be a mapping with 'fill' and/or 'outline'");
        continue;
      }
      check_fields(body, kStyleFields, "in the style of '" + st.value + "'");
      if (auto c = body["fill"]) st.fill = read_colour(c, "fill");
      if (auto c = body["outline"]) st.outline = read_colour(c, "outline");
      if (auto [first, fresh] = style_at_.emplace(st.value, st.loc); !fresh)
        error(it->first, "the style of '" + st.value + "' is given twice (first at " + first->second.file + ":" +
                             std::to_string(first->second.line) + ":" + std::to_string(first->second.column) +
                             "); keep one");
      else model_.styles.push_back(std::move(st));
    }
  }

  std::optional<Date> read_date(const YamlNode& v, const std::string& key) {
    if (!v.IsScalar()) {
      error(v, "'" + key + "' must be a date (" + std::string(kDateForms) + "), not " + describe(v));
      return std::nullopt;
    }
    std::size_t at = 0;
    auto d = parse_date(v.Scalar(), nullptr, &at);
    if (!d) {
      // Point at the offending character; a quoted scalar's mark is at its opening quote.
      SourceLoc l = loc(v);
      if (l.line) l.column += static_cast<int>(at) + (v.Quoted() ? 1 : 0);
      diags_.push_back({Severity::kError, l, date_error(key, v.Scalar()), {}});
    }
    return d;
  }

  /// A required id-valued field: present, text, and a well-formed id.
  void read_id(const YamlNode& map, const std::string& key, const std::string& what, std::string& out,
               SourceLoc* where = nullptr) {
    const YamlNode v = map[key];
    if (!v) {
      error(map, what + " has no '" + key + "'; add '" + key + ": <id>'");
      return;
    }
    if (where) *where = loc(v);
    if (!read_string(v, key, out)) return;
    if (!valid_id(out)) {
      error(v, "'" + out + "' is not a valid id for '" + key + "': " + kIdRule);
    }
  }

  void require_text(const YamlNode& map, const std::string& key, const std::string& what, std::string& out) {
    const YamlNode v = map[key];
    if (!v) {
      error(map, what + " has no '" + key + "'; add '" + key + ": ...'");
      return;
    }
    if (v.IsNull() || (v.IsScalar() && v.Scalar().find_first_not_of(" \t\r\n") == std::string::npos)) {
      error(v.IsNull() ? map : v, what + " has an empty '" + key + "'; write it after '" + key + ":'");
      return;
    }
    read_string(v, key, out);
  }

  void read_validity(const YamlNode& map, Validity& valid) {
    if (auto v = map["from"]) valid.from = read_date(v, "from");
    if (auto v = map["until"]) valid.until = read_date(v, "until");
  }

  void optional_text(const YamlNode& map, const char* key, std::string& out) {
    if (auto v = map[key]) read_string(v, key, out);
  }

  std::vector<std::string> read_sources(const YamlNode& map) {
    if (auto v = map["sources"]) return strings(v, "sources", true);
    return {};
  }

  /// A record of type T begun at `n`: its fields checked against `fields`, its location set.
  template <typename T>
  T record(const YamlNode& n, const FieldSet& fields, const char* where) {
    check_fields(n, fields, where);
    T t;
    t.loc = loc(n);
    return t;
  }

  void read_source(const YamlNode& n) {
    auto s = record<Source>(n, kSourceFields, "in a source");
    read_id(n, "id", "this source", s.id);
    require_text(n, "title", "source '" + s.id + "'", s.title);
    if (auto v = n["date"]) s.date = read_date(v, "date");
    optional_text(n, "url", s.url);
    optional_text(n, "file", s.file);
    optional_text(n, "notes", s.notes);
    model_.sources.push_back(std::move(s));
  }

  void read_unit(const YamlNode& n) {
    auto u = record<Unit>(n, kUnitFields, "in a unit");
    read_id(n, "id", "this unit", u.id);
    const std::string what = u.id.empty() ? std::string("this unit") : "unit '" + u.id + "'";
    require_text(n, "name", what, u.name);
    optional_text(n, "title", u.title);
    if (auto v = n["vacant"]) read_bool(v, "vacant", u.vacant);
    if (auto v = n["photo"]) {
      u.photo_loc = loc(v);
      read_string(v, "photo", u.photo);
    }
    optional_text(n, "label", u.label);
    // A person or a position may leave out its kind; anything else must say what it is.
    if (!n["kind"] && (!u.title.empty() || u.vacant || !u.photo.empty())) u.kind = u.vacant ? "position" : "person";
    else if (!n["kind"]) error(n, what + " has no 'kind'; add 'kind: ...' (any word: office, team, ...), or 'title: ...' for a person");
    else require_text(n, "kind", what, u.kind);
    if (auto v = n["parent"]) {
      u.parent_loc = loc(v);
      if (read_string(v, "parent", u.parent) && !valid_id(u.parent))
        error(v, "'" + u.parent + "' is not a valid id for 'parent'");
    }
    optional_text(n, "group", u.group);
    if (auto v = n["placement"]) {
      if (read_string(v, "placement", u.placement) && u.placement != "side")
        error(v, "unknown placement '" + u.placement + "'; use 'side' (an assistant or staff position beside its parent) or leave it out");
    }
    if (auto v = n["attributes"]) {
      if (!v.IsMap()) error(v, "'attributes' must be a mapping of names to text, not " + describe(v));
      else
        for (auto it = v.begin(); it != v.end(); ++it) {
          const YamlNode value = it->second;
          if (!it->first.IsScalar() || !value.IsScalar()) error(value, "each attribute must be a name and a text value");
          else u.attributes[it->first.Scalar()] = value.Scalar();
        }
    }
    optional_text(n, "native_name", u.native_name);
    optional_text(n, "romanized_name", u.romanized_name);
    optional_text(n, "type", u.type);
    optional_text(n, "level", u.level);
    optional_text(n, "headquarters", u.headquarters);
    optional_text(n, "website", u.website);
    optional_text(n, "notes", u.notes);
    if (auto v = n["abbreviation"]) u.abbreviations = strings(v, "abbreviation", true);
    if (auto v = n["aliases"]) u.aliases = strings(v, "aliases");
    if (auto v = n["tags"]) u.tags = strings(v, "tags");
    if (auto v = n["founded"]) u.founded = read_date(v, "founded");
    u.sources = read_sources(n);
    read_validity(n, u.valid);
    model_.units.push_back(std::move(u));
  }

  Role read_role(const YamlNode& n, const std::string& who) {
    Role r;
    r.loc = loc(n);
    read_id(n, "unit", "a role of " + who, r.unit, &r.unit_loc);
    read_id(n, "role", "a role of " + who, r.role);
    optional_text(n, "title", r.title);
    r.sources = read_sources(n);
    read_validity(n, r.valid);
    return r;
  }

  void read_person(const YamlNode& n) {
    auto p = record<Person>(n, kPersonFields, "in a person");
    require_text(n, "name", "this person", p.name);
    const std::string who = p.name.empty() ? std::string("this person") : "'" + p.name + "'";
    optional_text(n, "native_name", p.native_name);
    optional_text(n, "notes", p.notes);
    const bool shorthand = n["unit"] || n["role"] || n["title"] || n["from"] || n["until"] || n["sources"];
    if (auto roles = n["roles"]) {
      if (shorthand)
        error(n, who + " has both 'roles' and a single 'unit'/'role'; move the single role into the 'roles' list");
      each_map(roles, "roles", "role", [&](const YamlNode& r) {
        check_fields(r, kRoleFields, "in a role");
        p.roles.push_back(read_role(r, who));
      });
    } else if (shorthand) {
      p.roles.push_back(read_role(n, who));
    } else {
      error(n, who + " holds no role; add 'unit: <id>' and 'role: head' (or a 'roles:' list)");
    }
    model_.people.push_back(std::move(p));
  }

  void read_relation(const YamlNode& n) {
    auto r = record<Relation>(n, kRelationFields, "in a relation");
    read_id(n, "unit", "this relation", r.unit, &r.unit_loc);
    read_id(n, "kind", "this relation", r.kind);
    read_id(n, "target", "this relation", r.target, &r.target_loc);
    optional_text(n, "label", r.label);
    optional_text(n, "amount", r.amount);
    optional_text(n, "notes", r.notes);
    r.sources = read_sources(n);
    read_validity(n, r.valid);
    model_.relations.push_back(std::move(r));
  }

  FileName file_;  // named once: every location of this file shares it
  std::map<std::string, SourceLoc> style_at_;
  OrgModel& model_;
  std::vector<Diagnostic>& diags_;
  std::uintmax_t bytes_ = 0, more_bytes_ = 0;
  bool ours_ = true;
};

SourceLoc at(const std::string& file, const YamlMark& m) { return {file, m.line + 1, m.column + 1}; }

/// Where `text` stops being UTF-8 text (a NUL, a byte that starts no UTF-8 sequence), as an error; nullopt when
/// it is text. yaml-cpp would read such bytes as text, or stop at a NUL with a message about escapes.
std::optional<Diagnostic> not_text(const std::string& text, const std::string& file) {
  const auto b0 = text.size() >= 2 ? static_cast<unsigned char>(text[0]) : 0;
  const auto b1 = text.size() >= 2 ? static_cast<unsigned char>(text[1]) : 0;
  if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF))
    return Diagnostic{Severity::kError, {file, 1, 1}, "the file is UTF-16 text; save it as UTF-8", {}};
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const std::size_t n = c == 0 ? 0 : utf8_sequence_length(text, i);
    if (n == 0) {
      const SourceLoc loc{file, line, static_cast<int>(i - line_start + 1)};
      if (c == 0) return Diagnostic{Severity::kError, loc, "a NUL byte: this is not a text file (save the data as UTF-8 text)", {}};
      static const char kHex[] = "0123456789abcdef";
      const auto u = static_cast<unsigned char>(c);
      return Diagnostic{Severity::kError, loc,
                        std::string("the byte 0x") + kHex[u >> 4] + kHex[u & 15] +
                            " is not UTF-8: save the file as UTF-8 (it may be Latin-1 or Windows-1252)", {}};
    }
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    }
    i += n;
  }
  return std::nullopt;
}

struct Document {
  std::vector<std::pair<std::string, SourceLoc>> includes;  ///< as written, with where
  bool ours = true;  ///< false: not text, or not a data file of ours; its lines are never shown
};

/// Parses one document into `model`.
Document read_document(const std::string& text, const std::string& file, OrgModel& model, std::vector<Diagnostic>& diags,
                       std::uintmax_t more_bytes = 0) {
  if (auto d = not_text(text, file)) {
    diags.push_back(std::move(*d));
    return {{}, false};
  }
  // libfyaml first (fast, no tree of its own); where it finds a syntax error, yaml-cpp reads the text again, so
  // that the message is the one this reader has always given (or yaml-cpp's tree, where it accepts the text).
  detail::YamlParse parsed = detail::parse_yaml_fy(text);
  if (parsed.error_mark) parsed = detail::parse_yaml_cpp(text);
  if (parsed.too_deep) {
    diags.push_back({Severity::kError, at(file, *parsed.too_deep),
                     "the YAML is nested more than " + std::to_string(detail::kMaxYamlDepth) +
                         " levels deep here, the most orgchart reads (a data file needs a few: units, a unit, its "
                         "sources); close the brackets opened before, or check that this is the file you meant",
                     {}});
    return {};
  }
  if (parsed.error_mark) {
    std::string msg = parsed.error;
    // yaml-cpp reports nesting beyond its depth guard as "bad file"; say what it is.
    if (msg.rfind("bad file", 0) == 0) msg = "the YAML is nested too deeply to read";
    diags.push_back({Severity::kError, at(file, *parsed.error_mark), "YAML syntax error: " + msg, {}});
    return {};
  }
  // A second document, or aliases that would expand without bound, are found before the tree is walked.
  if (parsed.alias_overflow) {
    diags.push_back({Severity::kError, at(file, *parsed.alias_overflow),
                     "the aliases (*name) of this file would expand it to more than " +
                         std::to_string(std::max(detail::kAliasNodeFloor, parsed.nodes) + parsed.nodes) +
                         " nodes (this alias passes the bound; the file itself has " + std::to_string(parsed.nodes) +
                         "): aliases may add at most as many nodes as the file has, or " +
                         std::to_string(detail::kAliasNodeFloor) + "; write the shared part out, or split the file",
                     {}});
    return {{}, true};
  }
  if (parsed.second_document)
    diags.push_back({Severity::kError, at(file, *parsed.second_document),
                     "a second YAML document starts here: orgchart reads one document per file; remove the '---' "
                     "line, or move what follows to a file of its own and list it under 'include:'",
                     {}});
  const YamlNode root = parsed.tree.root();
  DocumentReader reader(file, model, diags, text.size(), more_bytes);
  Document doc{reader.read(root), true};
  doc.ours = reader.ours();
  return doc;
}

/// Folders includes may point into: the main file's, and those allowed by allow_includes_under.
std::vector<fs::path> include_roots(const std::string& main_file) {
  std::vector<fs::path> roots;
  std::error_code ec;
  const fs::path folder = fs::path(main_file).parent_path();
  fs::path root = fs::canonical(folder.empty() ? fs::path(".") : folder, ec);
  if (!ec) roots.push_back(std::move(root));
  for (const std::string& extra : extra_include_roots())
    if (fs::path r = fs::canonical(extra, ec); !ec) roots.push_back(std::move(r));
  return roots;
}

bool inside(const fs::path& p, const fs::path& root) {
  const std::string& s = p.native();
  const std::string& r = root.native();
  if (r == "/") return true;
  return s.size() > r.size() && s.compare(0, r.size(), r) == 0 && s[r.size()] == '/';
}

/// Reads the main document, then its includes breadth-first with a work list (no recursion); a file is read once
/// (by device and inode, so that links and symlink loops cannot make it twice); includes stay inside the roots.
ReadResult read_all(const std::string& main_text, const std::string& main_file,
                    std::map<std::string, std::string>* texts) {
  ReadResult result;
  std::set<std::pair<std::uint64_t, std::uint64_t>> seen;
  if (struct stat st {}; ::stat(main_file.c_str(), &st) == 0)
    seen.emplace(static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino));
  result.model.files.push_back(main_file);
  Document main = read_document(main_text, main_file, result.model, result.diagnostics);
  if (texts && main.ours) (*texts)[main_file] = main_text;
  std::vector<std::pair<std::string, SourceLoc>> work;
  // Sizes of the queued files (0 when unknown) and their sum past the one being read: the units' room is made for
  // them too (DocumentReader), so that units split over parts are not moved once per part.
  std::vector<std::uintmax_t> sizes;
  std::uintmax_t queued_bytes = 0;
  std::set<std::string> queued;  // a path named again counts once (it is read once; each naming is checked)
  auto queue = [&](const std::string& from, std::vector<std::pair<std::string, SourceLoc>>& includes) {
    const fs::path base = fs::path(from).parent_path();
    for (auto& [path, loc] : includes) {
      std::string normal = (base / path).lexically_normal().string();
      const bool first = queued.insert(normal).second;
      work.emplace_back(std::move(normal), loc);
      std::error_code ec;
      const std::uintmax_t size = first ? fs::file_size(work.back().first, ec) : 0;
      // No more than a data file may hold: a larger one (a sparse file of terabytes) is refused when its turn
      // comes, and must not make the room reserved for units terabytes first.
      sizes.push_back(ec ? 0 : std::min<std::uintmax_t>(size, kMaxInputBytes));
      queued_bytes += sizes.back();
    }
  };
  queue(main_file, main.includes);
  if (work.empty()) return result;
  const std::vector<fs::path> roots = include_roots(main_file);
  std::string title = result.model.title, description = result.model.description;
  for (std::size_t i = 0; i < work.size(); ++i) {
    const auto [path, where] = work[i];
    queued_bytes -= sizes[i];
    std::error_code ec;
    const fs::path real = fs::canonical(path, ec);
    if (ec) {
      result.diagnostics.push_back({Severity::kError, where, "cannot read included file '" + path + "': no such file; check the path", {}});
      continue;
    }
    if (std::none_of(roots.begin(), roots.end(), [&](const fs::path& r) { return inside(real, r); })) {
      result.diagnostics.push_back(
          {Severity::kError, where,
           "the included file '" + path + "' is outside the folder of '" + main_file +
               "': includes may name files in that folder and below only (--include-root DIR allows another folder)",
           {}});
      continue;
    }
    // A file already read through another name (a link) is not read again, however large.
    if (struct stat st {}; ::stat(real.c_str(), &st) == 0 &&
                           seen.count({static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)}))
      continue;
    std::string why;
    auto file = read_input_file(real.string(), why);
    if (!file) {
      result.diagnostics.push_back({Severity::kError, where, "cannot read included file '" + path + "': " + why, {}});
      continue;
    }
    if (!seen.emplace(file->device, file->inode).second) continue;  // included twice, or a cycle: read once
    result.model.files.push_back(path);
    Document doc = read_document(file->text, path, result.model, result.diagnostics, queued_bytes);
    if (texts && doc.ours) (*texts)[path] = std::move(file->text);
    queue(path, doc.includes);
  }
  // The main file's title wins over its includes'.
  if (!title.empty()) result.model.title = title;
  if (!description.empty()) result.model.description = description;
  return result;
}

}  // namespace

ReadResult read_yaml_string(const std::string& text, const std::string& file) { return read_all(text, file, nullptr); }

ReadResult read_yaml_string(const std::string& text, const std::string& file, std::map<std::string, std::string>& texts) {
  return read_all(text, file, &texts);
}

ReadResult read_yaml_file(const std::string& path) {
  ReadResult r;
  auto file = read_input_file(path, r.diagnostics);
  return file ? read_all(file->text, path, nullptr) : r;
}

}  // namespace orgchart
