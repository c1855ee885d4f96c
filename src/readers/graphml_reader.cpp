#include "orgchart/readers/graphml_reader.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <type_traits>
#include <unordered_map>

#include "graphml_document.hpp"
#include "orgchart/model/validate.hpp"
#include "orgchart/readers/text_file.hpp"

namespace orgchart {

namespace {

using namespace detail;

bool valid_id(const std::string& s) {
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (s.empty() || !alnum(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}

/// Role ids from displayed titles: "Head" -> head, "Deputy Head" -> deputy-head, "部长" -> leader.
std::string role_id_from_title(const std::string& title) {
  std::string id;
  bool gap = false;
  for (char c : title) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      gap = true;
      continue;
    }
    if (gap && !id.empty()) id += '-';
    gap = false;
    id += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return id.empty() ? "leader" : id;
}

/// As in build_graph: heads, then deputies, then the rest.
int role_rank(const std::string& role) { return role == "head" ? 0 : role == "deputy-head" ? 1 : 2; }

Role make_role(const std::string& unit, const std::string& title, const std::string& role_id, const SourceLoc& loc) {
  Role r;
  r.unit = unit;
  r.role = role_id;
  if (r.display_title() != title) r.title = title;
  r.loc = r.unit_loc = loc;
  return r;
}

using Value = GraphmlValue;
using Fields = GraphmlFields;

constexpr int kMaxSuggestions = 100;  // as in validation: keeps a file full of broken ids linear

class ModelBuilder {
 public:
  ModelBuilder(const GraphmlDocument& doc, const std::string& file, ReadResult& out)
      : doc_(doc), file_(file), model_(out.model), diags_(out.diagnostics) {}

  void build() {
    if (!doc_.graphml) return;  // reported
    if (doc_.graphs.empty()) {
      error(doc_.root, "the file has no <graph> element: there is nothing to draw");
      return;
    }
    read_graph();
    for (std::size_t i = 0; i < doc_.nodes.size(); ++i) read_node(i);
    for (const GraphmlItem& e : doc_.edges) read_edge(e);
    finish_units();
    collect_people();
    collect_sources();
  }

 private:
  enum class NodeKind { kUnit, kPerson, kStub, kSkipped };
  struct NodeInfo {
    NodeKind kind = NodeKind::kSkipped;
    std::size_t index = 0;  // into model_.units (kUnit) or persons_ (kPerson)
  };
  /// What a unit node says beyond its Unit: needed once all edges are known.
  struct UnitExtra {
    std::vector<std::string> node_sources;
    std::optional<std::vector<std::string>> own_sources;  // from the hierarchy edge, which cites the unit only
    bool has_parent_edge = false;
    SourceLoc parent_edge_loc;
    Value parent_id, leaders;
  };

  void error(const SourceLoc& loc, std::string msg) { diags_.push_back({Severity::kError, loc, std::move(msg), {}}); }

  std::string suggest(const std::string& word, const std::vector<std::string>& candidates) {
    if (suggestions_++ >= kMaxSuggestions) return "";
    const std::string s = did_you_mean(word, candidates);
    return s.empty() ? "" : " (did you mean '" + s + "'?)";
  }

  Fields fields(const GraphmlItem& item, const std::string& domain) { return fields_of(doc_, item, domain, diags_); }

  /// Every value the attribute table knows how to put back on `target` (a unit or relation), each error
  /// reported at its value.
  template <typename T>
  void read_attributes(const Fields& f, AttributeFor domain, T& target) {
    const auto list = domain == AttributeFor::kNode ? node_attributes() : edge_attributes();
    for (const Attribute& a : list) {
      std::string (*read)(T&, std::string_view) = nullptr;
      if constexpr (std::is_same_v<T, Unit>) read = a.read_unit;
      else read = a.read_relation;
      const Value& v = get(f, a.name);
      if (!read || !(a.formats & kGraphml) || !v.present) continue;
      if (std::string why = read(target, v.text); !why.empty()) error(v.loc, "'" + std::string(a.name) + "' " + why);
    }
  }

  /// A role's validity, read as a relation's.
  Validity validity(const Fields& f) {
    Relation r;
    read_attributes(f, AttributeFor::kEdge, r);
    return r.valid;
  }

  void read_graph() {
    for (const GraphmlItem& g : doc_.graphs) {
      const Fields f = fields(g, "graph");
      if (const Value& t = get(f, "title"); !t.text.empty() && model_.title.empty()) model_.title = t.text;
      if (const Value& d = get(f, "description"); !d.text.empty() && model_.description.empty())
        model_.description = d.text;
      if (const Value& s = get(f, "sources"); !s.text.empty() && !declared_sources_) read_sources(s);
    }
    // Files written before the graph had a 'title' carry it in their leading comment only.
    if (model_.title.empty() && doc_.leading_comment) model_.title = *doc_.leading_comment;
  }

  /// The graph's `sources` data: the data format's `sources` list as JSON, e.g.
  /// `[{"id": "s1", "title": "...", "date": "2024", "url": "...", "file": "...", "notes": "..."}]`.
  void read_sources(const Value& v) {
    std::string why;
    const auto records = json_records(v.text, why);
    if (!records) {
      error(v.loc, "the graph's 'sources' is not a list of sources" + why);
      return;
    }
    declared_sources_ = true;
    for (std::size_t n = 0; n < records->size(); ++n) {
      const auto& record = (*records)[n];
      auto field = [&](const char* name) {
        auto it = record.find(name);
        return it == record.end() ? std::string() : it->second;
      };
      Source s;
      s.loc = v.loc;
      for (auto [name, member] : {std::pair{"id", &Source::id}, {"title", &Source::title}, {"url", &Source::url},
                                  {"file", &Source::file}, {"notes", &Source::notes}})
        s.*member = field(name);
      if (const std::string d = field("date"); !d.empty() && !(s.date = parse_date(d)))
        error(v.loc, "source '" + s.id + "' has an invalid date '" + d + "'; write " + kDateForms);
      if (!valid_id(s.id)) {
        error(v.loc, "source " + std::to_string(n + 1) + " of the graph's 'sources' has no valid 'id'");
        continue;
      }
      if (s.title.empty()) s.title = s.id;
      model_.sources.push_back(std::move(s));
    }
  }

  void read_node(std::size_t i) {
    const GraphmlItem& n = doc_.nodes[i];
    NodeInfo& info = nodes_.emplace_back();
    if (!n.has_id) {
      error(n.loc, "this <node> has no 'id'");
      return;
    }
    if (auto [it, fresh] = node_at_.emplace(n.id, i); !fresh) {
      error(n.loc, "duplicate node id '" + n.id + "' (first at line " + std::to_string(doc_.nodes[it->second].loc.line) +
                       "); give each node its own id");
      return;
    }
    node_ids_.push_back(n.id);
    const Fields f = fields(n, "node");
    const std::string type = get(f, "node_type").text;
    if (type == "stub") {  // "+N units": stands for units that are not in the file
      info.kind = NodeKind::kStub;
      return;
    }
    std::string name = trim(get(f, "label").text).empty() ? n.yed_label.value_or("") : get(f, "label").text;
    if (trim(name).empty()) error(n.loc, what(n, "node") + " has no label; give it a 'label' (or a yEd label)");
    if (type == "person") {
      info = {NodeKind::kPerson, persons_.size()};
      Person& p = persons_.emplace_back();
      p.name = name;
      p.native_name = get(f, "native_name").text;
      p.loc = n.loc;
      return;
    }
    if (!type.empty() && type != "unit") {
      error(get(f, "node_type").loc, what(n, "node") + " has the unknown node_type '" + type + "'; use unit, person or stub");
      return;
    }
    info = {NodeKind::kUnit, model_.units.size()};
    Unit& u = model_.units.emplace_back();
    UnitExtra& x = unit_extra_.emplace_back();
    u.loc = u.parent_loc = u.photo_loc = n.loc;
    const Value& unit_id = get(f, "unit_id");
    u.id = unit_id.text.empty() ? n.id : unit_id.text;
    if (!valid_id(u.id))
      error(unit_id.present ? unit_id.loc : n.loc,
            "'" + u.id + "' is not a valid unit id: use letters, digits, '-', '_' or '.', starting with a letter or "
                         "digit (set 'unit_id')");
    u.name = name;
    u.kind = get(f, "kind").text;
    if (trim(u.kind).empty())
      error(n.loc, what(n, "node") + " has no 'kind'; give it one of the unit kinds, such as 'department'");
    read_attributes(f, AttributeFor::kNode, u);
    x.node_sources = words(get(f, "sources").text);
    x.parent_id = get(f, "parent_id");
    x.leaders = get(f, "leaders");
    u.attributes = fields_except(f, AttributeFor::kNode);
  }

  /// The node an edge end names, or null (reported) when there is none.
  const NodeInfo* end(const GraphmlItem& e, const std::string& id, const char* which) {
    auto it = node_at_.find(id);
    if (it != node_at_.end()) return &nodes_[it->second];
    error(e.loc, what(e, "edge") + " has the unknown " + which + " node '" + id + "'" + suggest(id, node_ids_));
    return nullptr;
  }

  void read_edge(const GraphmlItem& e) {
    if (!e.has_ends) {
      error(e.loc, what(e, "edge") + " needs both 'source' and 'target'");
      return;
    }
    const NodeInfo* s = end(e, e.source, "source");
    const NodeInfo* t = end(e, e.target, "target");
    if (!s || !t) return;
    if (s->kind == NodeKind::kStub || t->kind == NodeKind::kStub) return;
    if (s->kind == NodeKind::kSkipped || t->kind == NodeKind::kSkipped) return;  // already reported
    const Fields f = fields(e, "edge");
    const Value& relation = get(f, "relation");
    const std::string link = what(e, "edge") + " from '" + e.source + "' to '" + e.target + "'";
    if (relation.text.empty()) {
      error(e.loc, link + " has no 'relation'; write 'parent' for the hierarchy or a relation kind such as 'funds'");
      return;
    }
    const bool units = s->kind == NodeKind::kUnit && t->kind == NodeKind::kUnit;
    if (relation.text == "role") {
      const NodeInfo* unit = s->kind == NodeKind::kUnit ? s : t;
      const NodeInfo* person = s->kind == NodeKind::kPerson ? s : t;
      if (unit->kind != NodeKind::kUnit || person->kind != NodeKind::kPerson) {
        error(e.loc, link + " is a 'role' but does not link a unit and a person");
        return;
      }
      const std::string title = get(f, "label").text;
      Role r = make_role(model_.units[unit->index].id, title, role_id_from_title(title), e.loc);
      r.sources = words(get(f, "sources").text);
      r.valid = validity(f);
      persons_[person->index].roles.push_back(std::move(r));
      return;
    }
    if (!units) {
      error(e.loc, link + " is a '" + relation.text + "' but does not link two units");
      return;
    }
    if (relation.text == "parent") {
      UnitExtra& x = unit_extra_[t->index];
      Unit& child = model_.units[t->index];
      if (x.has_parent_edge) {
        error(e.loc, "unit '" + child.id + "' has a second parent edge (the first is at line " +
                         std::to_string(x.parent_edge_loc.line) + "); a unit has one parent");
        return;
      }
      x.has_parent_edge = true;
      x.parent_edge_loc = e.loc;
      child.parent = model_.units[s->index].id;
      child.parent_loc = e.loc;
      if (get(f, "sources").present) x.own_sources = words(get(f, "sources").text);
      return;
    }
    Relation r;
    r.loc = r.unit_loc = r.target_loc = e.loc;
    r.unit = model_.units[s->index].id;
    r.target = model_.units[t->index].id;
    r.kind = relation.text;
    if (!valid_id(r.kind))
      error(relation.loc, "'" + r.kind + "' is not a valid relation kind: use letters, digits, '-', '_' or '.'");
    // The writer always writes a label; an implied one ("secretariat-of" -> "secretariat of") is no label.
    if (const std::string& label = get(f, "label").text; label != r.display_label()) r.label = label;
    r.sources = words(get(f, "sources").text);
    read_attributes(f, AttributeFor::kEdge, r);
    r.attributes = fields_except(f, AttributeFor::kEdge);
    model_.relations.push_back(std::move(r));
  }

  void finish_units() {
    for (std::size_t i = 0; i < model_.units.size(); ++i) {
      Unit& u = model_.units[i];
      UnitExtra& x = unit_extra_[i];
      // A copy whose hierarchy edge was lost (or never drawn) still knows the parent's id.
      if (!x.has_parent_edge && !x.parent_id.text.empty()) {
        u.parent = x.parent_id.text;
        u.parent_loc = x.parent_id.loc;
      }
      // The node cites its own sources and its leaders'; the hierarchy edge cites the unit's own only.
      u.sources = x.own_sources.value_or(x.node_sources);
    }
  }

  /// Leaders written inline ("Head: A; Deputy Head: B") become one person each, so that the cards come out
  /// the same: build_graph orders leaders head, deputy, rest, and the order written must survive that sort.
  void add_leaders(std::size_t unit) {
    const Unit& u = model_.units[unit];
    const UnitExtra& x = unit_extra_[unit];
    std::vector<std::pair<std::string, std::string>> entries;  // title, name
    for (const std::string& piece : split(x.leaders.text, "; ")) {
      const auto colon = piece.find(": ");
      if (colon == std::string::npos && !entries.empty()) entries.back().second += "; " + piece;  // "; " in a name
      else if (colon == std::string::npos || colon + 2 == piece.size())
        error(x.leaders.loc, "unit '" + u.id + "' has the leader '" + piece + "' without a title or a name; write 'Title: Name'");
      else entries.emplace_back(piece.substr(0, colon), piece.substr(colon + 2));
    }
    // A title we cannot place ("Director" before "Deputy Head") ranks as high as the entries after it.
    std::vector<std::string> roles(entries.size());
    int allowed = 2;
    for (std::size_t i = entries.size(); i-- > 0;) {
      std::string id = role_id_from_title(entries[i].first);
      if (role_rank(id) > allowed) id = allowed == 0 ? "head" : "deputy-head";
      allowed = role_rank(id);
      roles[i] = id;
    }
    // The sources the unit's node cites beyond the unit's own are its leaders'.
    std::vector<std::string> leader_sources;
    for (const auto& s : x.node_sources)
      if (std::find(u.sources.begin(), u.sources.end(), s) == u.sources.end()) leader_sources.push_back(s);
    if (leader_sources.empty()) leader_sources = x.node_sources;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      Person p;
      p.name = entries[i].second;
      p.loc = x.leaders.loc;
      Role r = make_role(u.id, entries[i].first, roles[i], x.leaders.loc);
      r.sources = leader_sources;
      p.roles.push_back(std::move(r));
      model_.people.push_back(std::move(p));
    }
  }

  void collect_people() {
    for (const NodeInfo& n : nodes_) {
      if (n.kind == NodeKind::kUnit) add_leaders(n.index);
      // A person whose role edges were all deleted (in yEd, say) is no longer on the chart.
      else if (n.kind == NodeKind::kPerson && !persons_[n.index].roles.empty())
        model_.people.push_back(std::move(persons_[n.index]));
    }
  }

  /// The GraphML we write carries source ids only: without the graph's 'sources' data, each id cited becomes a
  /// source titled by its id, so that the model validates and the ids reach the outputs again.
  void collect_sources() {
    if (declared_sources_) return;
    std::set<std::string> seen;
    auto add = [&](const std::vector<std::string>& ids) {
      for (const auto& id : ids)
        if (seen.insert(id).second) {
          Source s;
          s.id = s.title = id;
          s.loc = {file_, 0, 0};
          model_.sources.push_back(std::move(s));
        }
    };
    for (const Unit& u : model_.units) add(u.sources);
    for (const Person& p : model_.people)
      for (const Role& r : p.roles) add(r.sources);
    for (const Relation& r : model_.relations) add(r.sources);
  }

  const GraphmlDocument& doc_;
  const std::string& file_;
  OrgModel& model_;
  std::vector<Diagnostic>& diags_;
  std::vector<NodeInfo> nodes_;
  std::vector<UnitExtra> unit_extra_;  // parallel to model_.units
  std::vector<Person> persons_;
  std::unordered_map<std::string, std::size_t> node_at_;
  std::vector<std::string> node_ids_;
  bool declared_sources_ = false;
  int suggestions_ = 0;
};

}  // namespace

ReadResult read_graphml_string(const std::string& text, const std::string& file) {
  ReadResult result;
  result.model.files.push_back(file);
  const TextLines lines(text);
  const GraphmlParse parse = parse_graphml(text, file, lines, result.diagnostics);
  if (parse.well_formed) ModelBuilder(parse.doc, file, result).build();
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.line, a.loc.column) < std::tie(b.loc.line, b.loc.column);
  });
  // Source lines for the caret display, which counts bytes of UTF-8 (a Latin-1 line would print as garbage);
  // a window around the column, bytes that are not text escaped. Only for what is GraphML: the lines of some
  // other file given by mistake are not repeated.
  const bool xml = parse.doc.graphml || (parse.doc.root.line == 0 && text.find_first_not_of(" \t\r\n\xEF\xBB\xBF") != std::string::npos &&
                                         text[text.find_first_not_of(" \t\r\n\xEF\xBB\xBF")] == '<');
  if (parse.utf8 && xml)
    for (auto& d : result.diagnostics) set_source_line(d, lines.line_view(d.loc.line));
  return result;
}

ReadResult read_graphml_file(const std::string& path) {
  std::string why;
  auto file = read_input_file(path, why);
  if (!file) return {{}, {{Severity::kError, SourceLoc{path, 0, 0}, "cannot read file: " + why, {}}}};
  return read_graphml_string(file->text, path);
}

}  // namespace orgchart
