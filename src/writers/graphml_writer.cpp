#include "orgchart/writers/graphml_writer.hpp"

#include <cmath>

#include "orgchart/writers/card.hpp"
#include "orgchart/writers/number.hpp"
#include "orgchart/writers/style.hpp"
#include "orgchart/writers/text.hpp"

namespace orgchart {

namespace {

struct Key {
  const char* name;
  const char* domain;  // "node" | "edge"
  const char* type;    // "string" | "int" | "double" | "float" | "boolean"
};

// Gephi matches label, x, y, size, r, g, b, weight by these exact lowercase names; igraph rejects "integer"
// and list types; nobody gets a key named "id".
constexpr Key kNodeKeys[] = {
    {"label", "node", "string"},       {"kind", "node", "string"},        {"group", "node", "string"},
    {"unit_id", "node", "string"},     {"parent_id", "node", "string"},   {"node_type", "node", "string"},
    {"native_name", "node", "string"}, {"romanized_name", "node", "string"}, {"abbreviation", "node", "string"},
    {"aliases", "node", "string"},     {"tags", "node", "string"},        {"unit_type", "node", "string"},
    {"level", "node", "string"},       {"founded", "node", "string"},     {"headquarters", "node", "string"},
    {"website", "node", "string"},     {"notes", "node", "string"},       {"leaders", "node", "string"},
    {"sources", "node", "string"},     {"valid_from", "node", "string"},  {"valid_until", "node", "string"},
    {"depth", "node", "int"},          {"subtree_size", "node", "int"},   {"x", "node", "float"},
    {"y", "node", "float"},            {"width", "node", "float"},        {"height", "node", "float"},
    {"size", "node", "float"},         {"r", "node", "int"},              {"g", "node", "int"},
    {"b", "node", "int"},
};
constexpr Key kEdgeKeys[] = {
    {"label", "edge", "string"},   {"relation", "edge", "string"}, {"weight", "edge", "double"},
    {"amount", "edge", "string"},  {"notes", "edge", "string"},    {"sources", "edge", "string"},
    {"valid_from", "edge", "string"}, {"valid_until", "edge", "string"},
};

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

std::string date_or_empty(const std::optional<Date>& d) { return d ? d->str() : std::string(); }

class GraphmlWriter {
 public:
  GraphmlWriter(std::ostream& out, const OrgGraph& g, const Layout& layout, const GraphmlOptions& o)
      : out_(out), g_(g), layout_(layout), yed_(o.dialect == GraphmlDialect::kYed) {}

  void write() {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
            " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    if (yed_) out_ << " xmlns:y=\"http://www.yworks.com/xml/graphml\"";
    out_ << " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    if (!g_.model.title.empty()) out_ << "  <!-- " << comment(g_.model.title) << " -->\n";
    if (yed_) {
      out_ << "  <key id=\"yn\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n";
      out_ << "  <key id=\"ye\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n";
    }
    for (const Key& k : kNodeKeys) key("n_", k);
    for (const Key& k : kEdgeKeys) key("e_", k);
    out_ << "  <graph id=\"orgchart\" edgedefault=\"directed\">\n";
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph))) node(v);
    std::size_t i = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph))) edge(e, i++);
    out_ << "  </graph>\n</graphml>\n";
  }

 private:
  static std::string comment(const std::string& s) {
    std::string c = xml_escape(s);
    for (std::size_t p; (p = c.find("--")) != std::string::npos;) c.replace(p, 2, "- -");
    return c;
  }

  void key(const char* prefix, const Key& k) {
    out_ << "  <key id=\"" << prefix << k.name << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
         << "\" attr.type=\"" << k.type << "\"/>\n";
  }

  void data(const char* prefix, const char* name, const std::string& value) {
    out_ << "      <data key=\"" << prefix << name << "\">" << xml_escape(value) << "</data>\n";
  }

  void node(Vertex v) {
    const OrgNode& n = g_.graph[v];
    const bool has_layout = !layout_.empty();
    const Point c = has_layout ? layout_.centre[v] : Point{};
    const Size sz = has_layout ? layout_.size[v] : Size{};
    const double height = has_layout ? layout_.bounds.height : 0;
    std::string kind = n.type == NodeType::kUnit ? g_.unit(v).kind : n.type == NodeType::kPerson ? "person" : "stub";
    const Rgb colour = n.type == NodeType::kUnit ? kind_style(kind).border : Rgb{0x88, 0x88, 0x88};
    const Rgb fill = n.type == NodeType::kUnit ? kind_style(kind).fill : Rgb{0xff, 0xff, 0xff};
    const std::string label = display_name(g_, v);

    out_ << "    <node id=\"n" << v << "\">\n";
    // yEd graphics first: NetworkX applies <data> in document order, and the typed label/x/y must win.
    if (yed_) {
      out_ << "      <data key=\"yn\"><y:ShapeNode><y:Geometry x=\"" << format_number(c.x - sz.width / 2) << "\" y=\""
           << format_number(c.y - sz.height / 2) << "\" width=\"" << format_number(sz.width) << "\" height=\""
           << format_number(sz.height) << "\"/><y:Fill color=\"" << upper(fill.hex())
           << "\" transparent=\"false\"/><y:BorderStyle color=\"" << upper(colour.hex())
           << "\" type=\"" << (n.type == NodeType::kStub ? "dashed" : "line")
           << "\" width=\"1.2\"/><y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\" fontFamily=\""
           << kFontFamily << "\" fontSize=\"12\" modelName=\"internal\" modelPosition=\"c\" textColor=\"#000000\">"
           << xml_escape(card_text(v)) << "</y:NodeLabel><y:Shape type=\"roundrectangle\"/></y:ShapeNode></data>\n";
    }
    data("n_", "label", label);
    data("n_", "kind", kind);
    data("n_", "node_type", n.type == NodeType::kUnit ? "unit" : n.type == NodeType::kPerson ? "person" : "stub");
    std::string parent_id;
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g_.graph)))
      if (g_.graph[e].type == EdgeType::kHierarchy) parent_id = g_.graph[boost::source(e, g_.graph)].id;
    data("n_", "unit_id", n.id);
    data("n_", "parent_id", parent_id);
    if (n.type == NodeType::kUnit) {
      const Unit& u = g_.unit(v);
      data("n_", "group", u.group);
      data("n_", "native_name", u.native_name);
      data("n_", "romanized_name", u.romanized_name);
      data("n_", "abbreviation", join(u.abbreviations, "; "));
      data("n_", "aliases", join(u.aliases, "; "));
      data("n_", "tags", join(u.tags, " "));
      data("n_", "unit_type", u.type);
      data("n_", "level", u.level);
      data("n_", "founded", date_or_empty(u.founded));
      data("n_", "headquarters", u.headquarters);
      data("n_", "website", u.website);
      data("n_", "notes", u.notes);
      std::string leaders;
      for (const auto& l : n.leaders) leaders += (leaders.empty() ? "" : "; ") + l.title + ": " + l.name;
      data("n_", "leaders", leaders);
      data("n_", "valid_from", date_or_empty(u.valid.from));
      data("n_", "valid_until", date_or_empty(u.valid.until));
    } else {
      for (const char* k : {"group", "native_name", "romanized_name", "abbreviation", "aliases", "tags", "unit_type",
                            "level", "founded", "headquarters", "website", "notes", "leaders", "valid_from",
                            "valid_until"})
        data("n_", k, n.type == NodeType::kPerson && std::string(k) == "native_name" ? g_.person(v).native_name : "");
    }
    data("n_", "sources", join(g_.sources_of(v), " "));
    data("n_", "depth", std::to_string(n.depth));
    data("n_", "subtree_size", std::to_string(n.subtree_size));
    data("n_", "x", format_number(c.x));
    data("n_", "y", format_number(height - c.y));  // Gephi's y points up
    data("n_", "width", format_number(sz.width));
    data("n_", "height", format_number(sz.height));
    data("n_", "size", format_number(node_importance(n.subtree_size)));
    data("n_", "r", std::to_string(colour.r));
    data("n_", "g", std::to_string(colour.g));
    data("n_", "b", std::to_string(colour.b));
    out_ << "    </node>\n";
  }

  std::string card_text(Vertex v) const {
    std::string s;
    for (const auto& l : card_lines(g_, v)) s += (s.empty() ? "" : "\n") + l.text;
    return s;
  }

  static std::string upper(std::string s) {
    for (char& c : s)
      if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    return s;
  }

  void edge(Edge e, std::size_t i) {
    const OrgEdge& oe = g_.graph[e];
    const Vertex s = boost::source(e, g_.graph), t = boost::target(e, g_.graph);
    out_ << "    <edge id=\"e" << i << "\" source=\"n" << s << "\" target=\"n" << t << "\">\n";
    const Relation* rel = oe.type == EdgeType::kRelation ? &g_.model.relations[oe.index] : nullptr;
    if (yed_) {
      const bool dashed = oe.type != EdgeType::kHierarchy;
      out_ << "      <data key=\"ye\"><y:PolyLineEdge>";
      if (oe.type == EdgeType::kHierarchy && !layout_.empty() && layout_.hierarchy_route[t].size() > 2) {
        // Bends between the two end points, in yEd's absolute coordinates.
        const auto& route = layout_.hierarchy_route[t];
        out_ << "<y:Path sx=\"0\" sy=\"0\" tx=\"0\" ty=\"0\">";
        for (std::size_t k = 1; k + 1 < route.size(); ++k)
          out_ << "<y:Point x=\"" << format_number(route[k].x) << "\" y=\"" << format_number(route[k].y) << "\"/>";
        out_ << "</y:Path>";
      }
      out_ << "<y:LineStyle color=\"" << upper(relation_colour(oe.relation).hex()) << "\" type=\""
           << (dashed ? "dashed" : "line") << "\" width=\"1.2\"/><y:Arrows source=\"none\" target=\""
           << (oe.type == EdgeType::kRelation ? "standard" : "none") << "\"/>";
      if (!oe.label.empty()) out_ << "<y:EdgeLabel>" << xml_escape(oe.label) << "</y:EdgeLabel>";
      out_ << "<y:BendStyle smoothed=\"false\"/></y:PolyLineEdge></data>\n";
    }
    data("e_", "label", oe.type == EdgeType::kHierarchy ? std::string("parent") : oe.label);
    data("e_", "relation", oe.relation);
    data("e_", "weight", "1");
    data("e_", "amount", rel ? rel->amount : "");
    data("e_", "notes", rel ? rel->notes : "");
    data("e_", "sources", join(g_.sources_of(e), " "));
    const Validity* valid = rel ? &rel->valid : nullptr;
    if (oe.type == EdgeType::kRole) valid = &g_.model.people[g_.graph[t].index].roles[oe.index].valid;
    data("e_", "valid_from", valid ? date_or_empty(valid->from) : "");
    data("e_", "valid_until", valid ? date_or_empty(valid->until) : "");
    out_ << "    </edge>\n";
  }

  std::ostream& out_;
  const OrgGraph& g_;
  const Layout& layout_;
  bool yed_;
};

}  // namespace

double node_importance(std::size_t subtree_size) {
  return 10.0 + 6.0 * std::log2(static_cast<double>(subtree_size < 1 ? 1 : subtree_size));
}

void write_graphml(std::ostream& out, const OrgGraph& g, const Layout& layout, const GraphmlOptions& options) {
  GraphmlWriter(out, g, layout, options).write();
}

}  // namespace orgchart
