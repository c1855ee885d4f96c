#include "orgchart/writers/json_writer.hpp"

#include <optional>

#include "orgchart/writers/attribute_values.hpp"
#include "orgchart/writers/card.hpp"
#include "orgchart/writers/json_object.hpp"
#include "orgchart/writers/number.hpp"
#include "orgchart/writers/text.hpp"
#include "text_out.hpp"

namespace orgchart {

namespace {

std::string number_or_null(const std::optional<double>& v) { return v ? format_number(*v) : "null"; }

/// A diff chart's mark on a node, leader or edge.
const char* change_name(Change c) {
  switch (c) {
    case Change::kAdded: return "added";
    case Change::kRemoved: return "removed";
    case Change::kChanged: return "changed";
    case Change::kNone: break;
  }
  return "";
}

/// A table's other columns (Unit::attributes) as one object, by name; written only where a unit has some.
std::string attributes(const std::map<std::string, std::string>& a) {
  JsonObject o;
  for (const auto& [k, v] : a) o.str(k.c_str(), v);
  return o.done();
}

class JsonWriter {
 public:
  JsonWriter(std::ostream& out, const OrgGraph& g, const Layout& layout, const JsonOptions& o)
      : out_(out), g_(g), layout_(layout), options_(o) {}

  void write() {
    const bool has_layout = !layout_.empty();
    const auto maybe = [&](double v) { return has_layout ? std::optional<double>(v) : std::nullopt; };
    out_ << "{\n";
    write_json_member(out_, "title", json_quote(g_.model.title));
    write_json_member(out_, "description", json_quote(g_.model.description));
    write_json_member(out_, "width", number_or_null(maybe(layout_.bounds.width)));
    write_json_member(out_, "height", number_or_null(maybe(layout_.bounds.height)));

    // parentId follows what the chart draws below what (OrgGraph::children), so stubs and people nodes
    // hang in the tree as well.
    const std::size_t n = boost::num_vertices(g_.graph);
    std::vector<std::optional<Vertex>> parent(n);
    for (std::size_t v = 0; v < g_.children.size(); ++v)
      for (Vertex c : g_.children[v]) parent[c] = v;
    // d3.stratify (and so d3-org-chart and d3-flextree users) accepts exactly one node without a parent:
    // several roots, or none in an empty chart, get one synthetic root above them.
    std::size_t roots = 0;
    for (std::size_t v = 0; v < n; ++v) roots += !parent[v];
    const bool synthetic = options_.single_root && roots != 1;
    // Each object is written as soon as it is made: a million of them are never in memory at once.
    o_.raw(JsonArrayText::open("nodes"));
    std::size_t count = 0;
    const auto item = [&](const std::string& text) { o_.raw(JsonArrayText::before(count++)).raw(text); };
    if (synthetic) {
      item(JsonObject()
                          .str("id", kJsonRootId)
                          .raw("parentId", "null")
                          .str("name", g_.model.title)
                          .str("kind", "root")
                          .str("role", "")
                          .str("group", "")
                          .str("nativeName", "")
                          .str("abbreviation", "")
                          .raw("abbreviations", "[]")
                          .raw("leaders", "[]")
                          .raw("sources", "[]")
                          .raw("x", number_or_null(maybe(layout_.bounds.x + layout_.bounds.width / 2)))
                          .raw("y", number_or_null(maybe(layout_.bounds.y)))
                          .raw("width", number_or_null(maybe(0)))
                          .raw("height", number_or_null(maybe(0)))
                          .raw("depth", "-1")
                          .raw("directReports", std::to_string(roots))
                          .raw("totalReports", std::to_string(g_.model.units.size()))
                          .done());
    }
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph))) {
      const OrgNode& node = g_.graph[v];
      const Unit* u = node.type == NodeType::kUnit ? &g_.unit(v) : nullptr;
      const std::string kind = u ? u->kind : node.type == NodeType::kPerson ? "person" : "stub";
      std::string native = u ? u->native_name : node.type == NodeType::kPerson ? g_.person(v).native_name : "";
      std::string leaders = "[";
      for (const auto& l : node.leaders)
        leaders += (leaders.size() > 1 ? ", " : "") + JsonObject().str("title", l.title).str("name", l.name).done();
      leaders += "]";
      const std::string parent_id =
          parent[v] ? json_quote(g_.graph[*parent[v]].id) : synthetic ? json_quote(kJsonRootId) : "null";
      JsonObject object = JsonObject()
                          .str("id", node.id)
                          .raw("parentId", parent_id)
                          .str("name", display_name(g_, v))
                          .str("kind", kind)
                          .str("role", tree_role(v, parent[v]))
                          .str("group", u ? u->group : "")
                          .str("nativeName", native)
                          .str("abbreviation", u && !u->abbreviations.empty() ? u->abbreviations.front() : "")
                          .raw("abbreviations", json_string_array(u ? u->abbreviations : std::vector<std::string>{}))
                          .raw("leaders", leaders)
                          .raw("sources", json_string_array(g_.sources_of(v)))
                          .raw("x", number_or_null(has_layout ? std::optional(layout_.centre[v].x) : std::nullopt))
                          .raw("y", number_or_null(has_layout ? std::optional(layout_.centre[v].y) : std::nullopt))
                          .raw("width", number_or_null(has_layout ? std::optional(layout_.size[v].width) : std::nullopt))
                          .raw("height", number_or_null(has_layout ? std::optional(layout_.size[v].height) : std::nullopt))
                          .raw("depth", std::to_string(node.depth))
                          .raw_if(u && !u->attributes.empty(), "attributes", u ? attributes(u->attributes) : "")
                          .raw("directReports", std::to_string(node.direct_reports))
                          .raw("totalReports", std::to_string(node.total_reports))
                          .raw_if(g_.is_diff, "change", json_quote(change_name(node.change)));
      for (const Attribute& a : node_attributes())  // what the attribute table gives a JSON key
        if (a.json) object.raw(a.json, value_json(a.value(node_item(g_, v, {}))));
      item(object.done());
    }
    o_.raw(JsonArrayText::close(count, false));

    // What the tree does not already draw, as d3-org-chart reads it: relations, and the further roles of a
    // person who hangs below the unit of their first role.
    o_.raw(JsonArrayText::open("connections"));
    count = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph))) {
      const OrgEdge& oe = g_.graph[e];
      const Vertex s = boost::source(e, g_.graph), t = boost::target(e, g_.graph);
      if (oe.type == EdgeType::kHierarchy || (oe.type == EdgeType::kRole && is_tree_role(e, parent[t]))) continue;
      item(JsonObject()
                                .str("from", g_.graph[s].id)
                                .str("to", g_.graph[t].id)
                                .str("label", oe.label.empty() ? oe.relation : oe.label)
                                .str("relation", oe.relation)
                                .raw("sources", json_string_array(g_.sources_of(e)))
                                .raw_if(g_.is_diff, "change", json_quote(change_name(oe.change)))
                                .done());
    }
    o_.raw(JsonArrayText::close(count, false));

    o_.raw(JsonArrayText::open("links"));
    count = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph))) {
      const OrgEdge& oe = g_.graph[e];
      item(JsonObject()
                          .str("source", g_.graph[boost::source(e, g_.graph)].id)
                          .str("target", g_.graph[boost::target(e, g_.graph)].id)
                          .str("relation", oe.relation)
                          .str("label", oe.type == EdgeType::kHierarchy ? std::string("parent") : oe.label)
                          .raw("sources", json_string_array(g_.sources_of(e)))
                          .done());
    }
    o_.raw(JsonArrayText::close(count, false));

    o_.raw(JsonArrayText::open("sources"));
    count = 0;
    for (const Source& s : g_.model.sources) {
      JsonObject record;
      for (const auto& [name, value] : source_fields(s)) record.str(name, value);
      item(record.done());
    }
    o_.raw(JsonArrayText::close(count, true)).raw("}\n");
    o_.flush();
  }

 private:
  /// The role edge a person node hangs by is the first one from its tree parent (build_graph's order).
  bool is_tree_role(Edge e, const std::optional<Vertex>& tree_parent) const {
    const Vertex t = boost::target(e, g_.graph);
    if (!tree_parent || boost::source(e, g_.graph) != *tree_parent) return false;
    for (auto in : boost::make_iterator_range(boost::in_edges(t, g_.graph)))
      if (g_.graph[in].type == EdgeType::kRole && boost::source(in, g_.graph) == *tree_parent) return in == e;
    return false;
  }

  /// A person node's title in the unit it hangs below; "" for units and stubs.
  std::string tree_role(Vertex v, const std::optional<Vertex>& tree_parent) const {
    if (g_.graph[v].type != NodeType::kPerson) return "";
    for (auto in : boost::make_iterator_range(boost::in_edges(v, g_.graph)))
      if (is_tree_role(in, tree_parent)) return g_.graph[in].label;
    return "";
  }

  std::ostream& out_;  // the top-level members, written before anything goes through o_
  detail::TextOut o_{out_};
  const OrgGraph& g_;
  const Layout& layout_;
  JsonOptions options_;
};

}  // namespace

void write_json(std::ostream& out, const OrgGraph& g, const Layout& layout, const JsonOptions& options) {
  JsonWriter(out, g, layout, options).write();
}

}  // namespace orgchart
