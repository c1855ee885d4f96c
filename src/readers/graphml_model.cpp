#include "graphml_model.hpp"

#include <algorithm>
#include <numeric>
#include <set>
#include <type_traits>

#include "graphml_json.hpp"
#include "graphml_roles.hpp"
#include "graphml_text.hpp"
#include "orgchart/model/ids.hpp"
#include "orgchart/model/validate.hpp"
#include "orgchart/readers/whitespace.hpp"

namespace orgchart::detail {

namespace {
constexpr int kMaxSuggestions = 100;  // as in validation: keeps a file full of broken ids linear
}  // namespace

std::string what(bool has_id, std::string_view id, const char* element) {
  return has_id ? std::string(element) + " '" + std::string(id) + "'" : std::string("this ") + element;
}

void GraphmlModelBuilder::root(bool graphml, int line, int column) {
  graphml_ = graphml;
  root_ = loc(line, column);
}

void GraphmlModelBuilder::leading_comment(std::string text) { comment_ = std::move(text); }

void GraphmlModelBuilder::key(GraphmlKey key) {
  if (seeded_) return;
  if (items_read_) late_key_ = true;
  keys_.declare(std::move(key), file_, parse_diags_);
}

std::string GraphmlModelBuilder::suggest(const std::string& word, const std::vector<std::string>& candidates) {
  if (suggestions_++ >= kMaxSuggestions) return "";
  const std::string s = did_you_mean(word, candidates);
  return s.empty() ? "" : " (did you mean '" + s + "'?)";
}

std::span<const GraphmlDatum> GraphmlModelBuilder::views(const GraphmlItem& item) {
  views_.clear();
  for (const GraphmlData& d : item.data()) views_.push_back({d.key, d.value, d.line, d.column});
  return views_;
}

void GraphmlModelBuilder::open(GraphmlElement element, GraphmlItem& item) {
  if (element == GraphmlElement::kGraph) {
    item.slot = graphs_.size();
    graphs_.emplace_back();
    if (!open_nodes_.empty()) nodes_[open_nodes_.back()].has_graph = true;
    return;
  }
  if (element == GraphmlElement::kEdge) return;
  // Node ids are registered in document order, so that "first at line" names the first.
  item.slot = nodes_.size();
  NodeInfo& info = nodes_.emplace_back();
  info.line = item.line;
  info.container = open_nodes_.empty() ? kNone : open_nodes_.back();
  open_nodes_.push_back(item.slot);
  if (!item.has_id) {
    error(loc(item.line, item.column), "this <node> has no 'id'");
    return;
  }
  if (auto [it, fresh] = node_at_.emplace(item.id, item.slot); !fresh) {
    error(loc(item.line, item.column), "duplicate node id '" + item.id + "' (first at line " +
                                           std::to_string(nodes_[it->second].line) + "); give each node its own id");
    info.line = -1;  // refused: not read when it closes
    return;
  }
  node_ids_.push_back(item.id);
}

void GraphmlModelBuilder::close(GraphmlElement element, GraphmlItem& item) {
  if (element != GraphmlElement::kGraph) items_read_ = true;
  switch (element) {
    case GraphmlElement::kGraph: graphs_[item.slot] = item; break;
    case GraphmlElement::kNode:
      if (!open_nodes_.empty()) open_nodes_.pop_back();
      if (item.has_id && nodes_[item.slot].line >= 0) read_node(item);
      break;
    case GraphmlElement::kEdge:
      // Edges are read as they come while every edge so far could be; after one that names a node still to
      // come, all are kept for the end, so that they are read in the document's order.
      if (stored_edges_.empty() && ready(item)) {
        read_edge({item.id, item.source, item.target, item.has_id, item.has_ends, item.line, item.column}, views(item));
      } else {
        store_edge(item);
      }
      break;
  }
}

bool GraphmlModelBuilder::ready(const GraphmlItem& e) const {
  if (!e.has_ends) return true;
  for (const std::string* id : {&e.source, &e.target}) {
    auto it = node_at_.find(*id);
    if (it == node_at_.end() || !nodes_[it->second].closed) return false;
  }
  return true;
}

void GraphmlModelBuilder::store_edge(const GraphmlItem& e) {
  auto keep = [&](std::string_view s) {
    const Span span{arena_.size(), s.size()};
    arena_.append(s);
    return span;
  };
  StoredEdge& s = stored_edges_.emplace_back();
  s.id = keep(e.id);
  s.source = keep(e.source);
  s.target = keep(e.target);
  s.has_id = e.has_id;
  s.has_ends = e.has_ends;
  s.line = e.line;
  s.column = e.column;
  s.first = stored_data_.size();
  for (const GraphmlData& d : e.data()) stored_data_.push_back({keep(d.key), keep(d.value), d.line, d.column});
  s.count = stored_data_.size() - s.first;
}

/// Every value the attribute table knows how to put back on `target` (a unit or relation), each error
/// reported at its value.
template <typename T>
void GraphmlModelBuilder::read_attributes(AttributeFor domain, T& target) {
  const auto list = domain == AttributeFor::kNode ? node_attributes() : edge_attributes();
  for (const Attribute& a : list) {
    std::string (*read)(T&, std::string_view) = nullptr;
    if constexpr (std::is_same_v<T, Unit>) read = a.read_unit;
    else read = a.read_relation;
    if (!read || !(a.formats & kGraphml)) continue;
    const GraphmlValue& v = fields_.get(a.name);
    if (!v.present) continue;
    if (std::string why = read(target, v.text); !why.empty()) error(loc(v), "'" + std::string(a.name) + "' " + why);
  }
}

/// A role's validity, read as a relation's.
Validity GraphmlModelBuilder::validity() {
  Relation r;
  read_attributes(AttributeFor::kEdge, r);
  return r.valid;
}

void GraphmlModelBuilder::read_graph(const GraphmlItem& g) {
  fields_.read("graph", g.line, g.column, views(g), file_, diags_);
  if (const GraphmlValue& t = fields_.get("title"); !t.text.empty() && model_.title.empty()) model_.title = t.text;
  if (const GraphmlValue& d = fields_.get("description"); !d.text.empty() && model_.description.empty())
    model_.description = d.text;
  if (const GraphmlValue& s = fields_.get("sources"); !s.text.empty() && !declared_sources_) read_sources(s);
}

/// The graph's `sources` data: the data format's `sources` list as JSON, e.g.
/// `[{"id": "s1", "title": "...", "date": "2024", "url": "...", "file": "...", "notes": "..."}]`.
void GraphmlModelBuilder::read_sources(const GraphmlValue& v) {
  std::string why;
  const auto records = json_records(v.text, why);
  if (!records) {
    error(loc(v), "the graph's 'sources' is not a list of sources" + why);
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
    s.loc = loc(v);
    for (auto [name, member] : {std::pair{"id", &Source::id}, {"title", &Source::title}, {"url", &Source::url},
                                {"file", &Source::file}, {"notes", &Source::notes}})
      s.*member = field(name);
    if (const std::string d = field("date"); !d.empty() && !(s.date = parse_date(d)))
      error(loc(v), "source '" + s.id + "' has an invalid date '" + d + "'; write " + kDateForms);
    if (!valid_id(s.id)) {
      error(loc(v), "source " + std::to_string(n + 1) + " of the graph's 'sources' has no valid 'id'");
      continue;
    }
    if (s.title.empty()) s.title = s.id;
    model_.sources.push_back(std::move(s));
  }
}

bool GraphmlModelBuilder::foreign() const {
  for (const char* ours : {"kind", "relation", "node_type", "unit_id", "parent_id"})
    if (keys_.name_id(ours) >= 0) return false;
  return true;
}

namespace {
/// A node id of another program ("Alice Smith", "n0::n1") as one of our ids: other characters become '-'.
std::string foreign_id(std::string_view id) {
  std::string out;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.' || c == '@' || c == '+';
    if (ok) out.push_back(c);
    else if (!out.empty() && out.back() != '-') out.push_back('-');
  }
  while (!out.empty() && !valid_id(out)) out.erase(out.begin());
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "node" : out;
}
}  // namespace

Unit& GraphmlModelBuilder::add_unit(const GraphmlItem& n, NodeInfo& info, const SourceLoc& at) {
  info.kind = NodeKind::kUnit;
  info.index = model_.units.size();
  Unit& u = model_.units.emplace_back();
  unit_extra_.emplace_back().slot = n.slot;
  u.loc = u.parent_loc = u.photo_loc = at;
  return u;
}

void GraphmlModelBuilder::read_foreign_node(const GraphmlItem& n, NodeInfo& info) {
  const SourceLoc at = loc(n.line, n.column);
  // The name: a label datum, yEd's label, a name datum, else the id (NetworkX often has nothing else).
  std::string name(trim(fields_.get("label").text));
  if (name.empty() && n.yed_label) name = *n.yed_label;
  if (name.empty()) name = trim(fields_.get("name").text);
  if (name.empty()) name = n.id;
  if (info.has_graph) {
    // A yEd group (or folder): a frame around its members, not a card.
    info.kind = NodeKind::kGroup;
    group_names_[n.slot] = name;
    return;
  }
  Unit& u = add_unit(n, info, at);
  std::string id = valid_id(n.id) ? n.id : foreign_id(n.id);
  // Two ids may become one ("a b", "a-b"): the later gets a suffix.
  if (!foreign_ids_.try_emplace(id, 2).second) {
    int& next = foreign_ids_[id];  // stays valid: an unordered_map does not move its elements
    std::string candidate;
    do candidate = id + "-" + std::to_string(next++);
    while (!foreign_ids_.try_emplace(candidate, 2).second);
    id = std::move(candidate);
  }
  u.id = std::move(id);
  u.name = std::move(name);
  u.kind = "unit";
  read_attributes(AttributeFor::kNode, u);
  u.attributes = fields_.except(AttributeFor::kNode);
  if (u.id != n.id) u.attributes["graphml id"] = n.id;
}

void GraphmlModelBuilder::read_node(const GraphmlItem& n) {
  NodeInfo& info = nodes_[n.slot];
  info.closed = true;
  const SourceLoc at = loc(n.line, n.column);
  fields_.read("node", n.line, n.column, views(n), file_, diags_);
  if (foreign()) return read_foreign_node(n, info);
  const GraphmlValue& type_value = fields_.get("node_type");
  const std::string_view type = type_value.text;
  if (type == "stub") {  // "+N units": stands for units that are not in the file
    info.kind = NodeKind::kStub;
    return;
  }
  const GraphmlValue& label = fields_.get("label");
  std::string name = trim(label.text).empty() ? n.yed_label.value_or("") : std::string(label.text);
  if (trim(name).empty()) error(at, what(n.has_id, n.id, "node") + " has no label; give it a 'label' (or a yEd label)");
  if (type == "person") {
    info.kind = NodeKind::kPerson;
    info.index = persons_.size();
    Person& p = persons_.emplace_back();
    p.name = std::move(name);
    p.native_name = fields_.get("native_name").text;
    p.loc = at;
    return;
  }
  if (!type.empty() && type != "unit") {
    error(loc(type_value), what(n.has_id, n.id, "node") + " has the unknown node_type '" + std::string(type) +
                               "'; use unit, person or stub");
    return;
  }
  Unit& u = add_unit(n, info, at);
  UnitExtra& x = unit_extra_.back();
  const GraphmlValue& unit_id = fields_.get("unit_id");
  u.id = unit_id.text.empty() ? n.id : std::string(unit_id.text);
  if (!valid_id(u.id))
    error(unit_id.present ? loc(unit_id) : at,
          "'" + u.id + "' is not a valid unit id: " + kIdRule + " (set 'unit_id')");
  u.name = std::move(name);
  u.kind = fields_.get("kind").text;
  if (trim(u.kind).empty())
    error(at, what(n.has_id, n.id, "node") + " has no 'kind'; give it one of the unit kinds, such as 'department'");
  read_attributes(AttributeFor::kNode, u);
  x.node_sources = words(fields_.get("sources").text);
  const GraphmlValue& parent_id = fields_.get("parent_id");
  x.parent_id = parent_id.text;
  x.parent_id_loc = loc(parent_id);
  const GraphmlValue& leaders = fields_.get("leaders");
  x.leaders = leaders.text;
  x.leaders_loc = loc(leaders);
  u.attributes = fields_.except(AttributeFor::kNode);
}

/// The node an edge end names, or null (reported) when there is none.
const GraphmlModelBuilder::NodeInfo* GraphmlModelBuilder::end(const EdgeHead& e, std::string_view id, const char* which) {
  auto it = node_at_.find(std::string(id));
  if (it != node_at_.end()) return &nodes_[it->second];
  error(loc(e.line, e.column), what(e.has_id, e.id, "edge") + " has the unknown " + which + " node '" + std::string(id) +
                                   "'" + suggest(std::string(id), node_ids_));
  return nullptr;
}

void GraphmlModelBuilder::read_edge(const EdgeHead& e, std::span<const GraphmlDatum> data) {
  const SourceLoc at = loc(e.line, e.column);
  if (!e.has_ends) {
    error(at, what(e.has_id, e.id, "edge") + " needs both 'source' and 'target'");
    return;
  }
  const NodeInfo* s = end(e, e.source, "source");
  const NodeInfo* t = end(e, e.target, "target");
  if (!s || !t) return;
  if (s->kind == NodeKind::kStub || t->kind == NodeKind::kStub) return;
  if (s->kind == NodeKind::kSkipped || t->kind == NodeKind::kSkipped) return;  // already reported
  fields_.read("edge", e.line, e.column, data, file_, diags_);
  const GraphmlValue& relation = fields_.get("relation");
  const std::string link =
      what(e.has_id, e.id, "edge") + " from '" + std::string(e.source) + "' to '" + std::string(e.target) + "'";
  if (s->kind == NodeKind::kGroup || t->kind == NodeKind::kGroup) {
    const auto it = group_names_.find(static_cast<std::size_t>((s->kind == NodeKind::kGroup ? s : t) - nodes_.data()));
    error(at, link + " ends at the group '" + (it == group_names_.end() ? std::string() : it->second) +
                  "', which is drawn as a frame around its members, not as a card; connect the edge to a member");
    return;
  }
  if (relation.text.empty() && foreign()) {
    // Another program's edge: from the parent (manager) to the child (report), as org charts are drawn.
    UnitExtra& x = unit_extra_[t->index];
    Unit& child = model_.units[t->index];
    if (s == t) {
      error(at, link + " is a loop: a unit cannot be its own parent; delete the edge");
      return;
    }
    if (x.has_parent_edge) {
      error(at, link + " gives unit '" + child.id + "' a second parent (the first edge is at line " +
                    std::to_string(x.parent_edge_loc.line) + "); an org chart has one parent per unit: delete one of the edges");
      return;
    }
    x.has_parent_edge = true;
    x.parent_edge_loc = at;
    child.parent = model_.units[s->index].id;
    child.parent_loc = at;
    return;
  }
  if (relation.text.empty()) {
    error(at, link + " has no 'relation'; write 'parent' for the hierarchy or a relation kind such as 'funds'");
    return;
  }
  const bool units = s->kind == NodeKind::kUnit && t->kind == NodeKind::kUnit;
  if (relation.text == "role") {
    const NodeInfo* unit = s->kind == NodeKind::kUnit ? s : t;
    const NodeInfo* person = s->kind == NodeKind::kPerson ? s : t;
    if (unit->kind != NodeKind::kUnit || person->kind != NodeKind::kPerson) {
      error(at, link + " is a 'role' but does not link a unit and a person");
      return;
    }
    const std::string title(fields_.get("label").text);
    Role r = make_role(model_.units[unit->index].id, title, role_id_from_title(title), at);
    r.sources = words(fields_.get("sources").text);
    r.valid = validity();
    persons_[person->index].roles.push_back(std::move(r));
    return;
  }
  if (!units) {
    error(at, link + " is a '" + std::string(relation.text) + "' but does not link two units");
    return;
  }
  if (relation.text == "parent") {
    UnitExtra& x = unit_extra_[t->index];
    Unit& child = model_.units[t->index];
    if (x.has_parent_edge) {
      error(at, "unit '" + child.id + "' has a second parent edge (the first is at line " +
                    std::to_string(x.parent_edge_loc.line) + "); a unit has one parent");
      return;
    }
    x.has_parent_edge = true;
    x.parent_edge_loc = at;
    child.parent = model_.units[s->index].id;
    child.parent_loc = at;
    if (fields_.get("sources").present) x.own_sources = words(fields_.get("sources").text);
    return;
  }
  Relation r;
  r.loc = r.unit_loc = r.target_loc = at;
  r.unit = model_.units[s->index].id;
  r.target = model_.units[t->index].id;
  r.kind = relation.text;
  if (!valid_id(r.kind))
    error(loc(relation), "'" + r.kind + "' is not a valid relation kind: " + kIdRule);
  // The writer always writes a label; an implied one ("secretariat-of" -> "secretariat of") is no label.
  if (const std::string_view label = fields_.get("label").text; label != r.display_label()) r.label = label;
  r.sources = words(fields_.get("sources").text);
  read_attributes(AttributeFor::kEdge, r);
  r.attributes = fields_.except(AttributeFor::kEdge);
  model_.relations.push_back(std::move(r));
}

/// Units in their nodes' document order: a node inside a group's <graph> closes before its group.
void GraphmlModelBuilder::order_units() {
  const bool sorted = std::is_sorted(unit_extra_.begin(), unit_extra_.end(),
                                     [](const UnitExtra& a, const UnitExtra& b) { return a.slot < b.slot; });
  if (sorted) return;
  std::vector<std::size_t> order(unit_extra_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return unit_extra_[a].slot < unit_extra_[b].slot; });
  std::vector<Unit> units;
  std::vector<UnitExtra> extra;
  units.reserve(order.size());
  extra.reserve(order.size());
  for (std::size_t i : order) {
    units.push_back(std::move(model_.units[i]));
    extra.push_back(std::move(unit_extra_[i]));
  }
  model_.units = std::move(units);
  unit_extra_ = std::move(extra);
  for (std::size_t i = 0; i < unit_extra_.size(); ++i) nodes_[unit_extra_[i].slot].index = i;
}

void GraphmlModelBuilder::finish() {
  if (!graphml_) return;  // reported
  if (graphs_.empty()) {
    error(root_, "the file has no <graph> element: there is nothing to draw");
    return;
  }
  for (const GraphmlItem& g : graphs_) read_graph(g);
  // Files written before the graph had a 'title' carry it in their leading comment only.
  if (model_.title.empty() && comment_) model_.title = *comment_;
  order_units();
  std::vector<GraphmlDatum> data;
  for (const StoredEdge& s : stored_edges_) {
    auto view = [&](Span span) { return std::string_view(arena_).substr(span.at, span.size); };
    data.clear();
    for (std::size_t i = s.first; i < s.first + s.count; ++i)
      data.push_back({view(stored_data_[i].key), view(stored_data_[i].value), stored_data_[i].line, stored_data_[i].column});
    read_edge({view(s.id), view(s.source), view(s.target), s.has_id, s.has_ends, s.line, s.column}, data);
  }
  finish_units();
  collect_people();
  collect_sources();
}

void GraphmlModelBuilder::finish_units() {
  for (std::size_t i = 0; i < model_.units.size(); ++i) {
    Unit& u = model_.units[i];
    UnitExtra& x = unit_extra_[i];
    // A member of a foreign group (innermost first) is in that group, unless its data says another.
    if (u.group.empty())
      for (std::size_t c = nodes_[x.slot].container; c != kNone; c = nodes_[c].container)
        if (auto g = group_names_.find(c); g != group_names_.end()) {
          u.group = g->second;
          break;
        }
    // A copy whose hierarchy edge was lost (or never drawn) still knows the parent's id.
    if (!x.has_parent_edge && !x.parent_id.empty()) {
      u.parent = x.parent_id;
      u.parent_loc = x.parent_id_loc;
    }
    // The node cites its own sources and its leaders'; the hierarchy edge cites the unit's own only.
    u.sources = x.own_sources.value_or(x.node_sources);
  }
}

/// Leaders written inline ("Head: A; Deputy Head: B") become one person each, so that the cards come out
/// the same: build_graph orders leaders head, deputy, rest, and the order written must survive that sort.
void GraphmlModelBuilder::add_leaders(std::size_t unit) {
  const Unit& u = model_.units[unit];
  const UnitExtra& x = unit_extra_[unit];
  if (x.leaders.empty()) return;
  std::vector<std::string> bad;
  const std::vector<LeaderEntry> entries = leader_entries(x.leaders, bad);
  for (const std::string& piece : bad)
    error(x.leaders_loc, "unit '" + u.id + "' has the leader '" + piece + "' without a title or a name; write 'Title: Name'");
  // The sources the unit's node cites beyond the unit's own are its leaders'.
  std::vector<std::string> leader_sources;
  for (const auto& s : x.node_sources)
    if (std::find(u.sources.begin(), u.sources.end(), s) == u.sources.end()) leader_sources.push_back(s);
  if (leader_sources.empty()) leader_sources = x.node_sources;
  for (const LeaderEntry& entry : entries) {
    Person p;
    p.name = entry.name;
    p.loc = x.leaders_loc;
    Role r = make_role(u.id, entry.title, entry.role, x.leaders_loc);
    r.sources = leader_sources;
    p.roles.push_back(std::move(r));
    model_.people.push_back(std::move(p));
  }
}

void GraphmlModelBuilder::collect_people() {
  for (const NodeInfo& n : nodes_) {
    if (n.kind == NodeKind::kUnit) add_leaders(n.index);
    // A person whose role edges were all deleted (in yEd, say) is no longer on the chart.
    else if (n.kind == NodeKind::kPerson && !persons_[n.index].roles.empty())
      model_.people.push_back(std::move(persons_[n.index]));
  }
}

/// The GraphML we write carries source ids only: without the graph's 'sources' data, each id cited becomes a
/// source titled by its id, so that the model validates and the ids reach the outputs again.
void GraphmlModelBuilder::collect_sources() {
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

}  // namespace orgchart::detail
