#include "orgchart/writers/graphml_writer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <span>

#include "orgchart/writers/attribute_values.hpp"
#include "orgchart/writers/card.hpp"
#include "orgchart/writers/escape.hpp"
#include "orgchart/writers/json_object.hpp"
#include "orgchart/writers/number.hpp"
#include "orgchart/writers/style.hpp"
#include "chart_writer.hpp"
#include "text_out.hpp"

namespace orgchart {

namespace {

struct GraphKey {
  const char* name;
  const char* type;
};

// On the graph, read back by our GraphML reader: the chart's title and description, and its sources.
constexpr GraphKey kGraphKeys[] = {{"title", "string"}, {"description", "string"}, {"sources", "string"}};

using Attributes = std::map<std::string, std::string>;

/// Keys of the data a reader kept that no key of ours holds (Unit/Relation::attributes): NMTOKEN ids, the
/// name exact.
struct ExtraKey {
  std::string id, name;
};

/// `prefix` + `name` with every byte but ASCII letters, digits, '_' and '.' written as '-' and two hex
/// digits: an NMTOKEN, and two names never share an id ("Modularity Class" -> "n_x_Modularity-20Class").
std::string extra_key_id(const char* prefix, const std::string& name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string id = prefix;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.') {
      id += ch;
    } else {
      id += '-';
      id += kHex[c >> 4];
      id += kHex[c & 0xF];
    }
  }
  return id;
}

/// The extra keys for the `attributes` maps given, sorted by name. A name that one of `ours` already has
/// (a foreign `label`, `x`, ...) is left out: our key wins, since the reader takes its data from ours. So is
/// `id`, which GraphML readers confuse with the element's id. A name that is no NMTOKEN (Gephi's "Modularity
/// Class") stays exact all the same: Gephi writes it so and NetworkX, igraph, yEd read it; only graphml.xsd,
/// whose attr.name is an NMTOKEN, refuses it, as it refuses Gephi's own file.
std::vector<ExtraKey> extra_keys(const std::vector<const Attributes*>& attributes, const char* prefix,
                                 AttributeFor domain) {
  std::set<std::string> names;
  for (const Attributes* a : attributes)
    for (const auto& [name, value] : *a)
      if (!value.empty()) names.insert(name);
  std::vector<ExtraKey> keys;
  for (const std::string& name : names) {
    const bool taken = name.empty() || name == "id" || is_graphml_attribute(name, domain);
    if (!taken) keys.push_back({extra_key_id(prefix, name), name});
  }
  return keys;
}

/// The sources as a JSON list of records, fields in a fixed order, empty ones left out.
std::string sources_json(const std::vector<Source>& sources) {
  std::string out = "[";
  for (const Source& s : sources) {
    JsonObject record;
    for (const auto& [name, value] : source_fields(s)) record.raw_if(!value.empty(), name, json_quote(value));
    out += (out.size() > 1 ? ", " : "") + record.done();
  }
  return out + "]";
}

class GraphmlWriter : detail::ChartWriter<GraphmlOptions> {
 public:
  GraphmlWriter(std::ostream& out, const OrgGraph& g, const Layout& layout, const GraphmlOptions& o)
      : ChartWriter(out, g, layout, o), yed_(o.dialect == GraphmlDialect::kYed) {}

  void write() {
    o_.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    o_.raw("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
           " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
    if (yed_) o_.raw(" xmlns:y=\"http://www.yworks.com/xml/graphml\"");
    o_.raw(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    if (!g_.model.title.empty()) o_.raw("  <!-- ").raw(xml_comment(g_.model.title)).raw(" -->\n");
    if (yed_) {
      o_.raw("  <key id=\"yn\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
      o_.raw("  <key id=\"ye\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n");
    }
    std::vector<const Attributes*> unit_attributes, relation_attributes;
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph)))
      if (g_.graph[v].type == NodeType::kUnit) unit_attributes.push_back(&g_.unit(v).attributes);
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph)))
      if (const Relation* r = g_.relation(e)) relation_attributes.push_back(&r->attributes);
    node_extras_ = extra_keys(unit_attributes, "n_x_", AttributeFor::kNode);
    edge_extras_ = extra_keys(relation_attributes, "e_x_", AttributeFor::kEdge);
    for (const GraphKey& k : kGraphKeys) key("g_", k.name, "graph", k.type);
    keys("n_", node_attributes(), "node");
    for (const ExtraKey& k : node_extras_) extra_key(k, "node");
    keys("e_", edge_attributes(), "edge");
    for (const ExtraKey& k : edge_extras_) extra_key(k, "edge");
    o_.raw("  <graph id=\"orgchart\" edgedefault=\"directed\">\n");
    o_.raw("    <data key=\"g_title\">").text(g_.model.title).raw("</data>\n");
    o_.raw("    <data key=\"g_description\">").text(g_.model.description).raw("</data>\n");
    o_.raw("    <data key=\"g_sources\">").raw(xml_content(sources_json(g_.model.sources))).raw("</data>\n");
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph))) node(v);
    std::size_t i = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph))) edge(e, i++);
    o_.raw("  </graph>\n</graphml>\n");
    o_.flush();
  }

 private:
  void key(const char* prefix, const char* name, const char* domain, const char* type) {
    o_.raw("  <key id=\"").raw(prefix).raw(name).raw("\" for=\"").raw(domain).raw("\" attr.name=\"").raw(name);
    o_.raw("\" attr.type=\"").raw(type).raw("\"/>\n");
  }

  void keys(const char* prefix, std::span<const Attribute> list, const char* domain) {
    for (const Attribute& a : list)
      if (a.formats & kGraphml) key(prefix, a.name, domain, graphml_type(a.type));
  }

  void extra_key(const ExtraKey& k, const char* domain) {
    o_.raw("  <key id=\"").raw(k.id).raw("\" for=\"").raw(domain).raw("\" attr.name=\"").text(k.name);
    o_.raw("\" attr.type=\"string\"/>\n");
  }

  /// `      <data key="…">` as every value begins; the key is `prefix` + `name`.
  void data_head(std::string_view prefix, std::string_view name) {
    o_.raw("      <data key=\"").raw(prefix).raw(name).raw("\">");
  }

  /// A value as graphml_text spells it, escaped; a text is escaped where it is, without a copy.
  void value(const AttributeValue& v) {
    if (const auto s = value_string(v)) o_.text(*s);
    else o_.text(graphml_text(v));
  }

  /// Every attribute of the table that GraphML carries, then every extra key's value ("" where `attributes`
  /// (null: none) has none).
  void values(const char* prefix, std::span<const Attribute> list, const AttributeItem& item,
              const std::vector<ExtraKey>& extras, const Attributes* attributes) {
    for (const Attribute& a : list) {
      if (!(a.formats & kGraphml)) continue;
      data_head(prefix, a.name);
      value(a.value(item));
      o_.raw("</data>\n");
    }
    for (const ExtraKey& k : extras) {
      data_head("", k.id);
      if (attributes)
        if (const auto it = attributes->find(k.name); it != attributes->end()) o_.text(it->second);
      o_.raw("</data>\n");
    }
  }

  void node(Vertex v) {
    const OrgNode& n = g_.graph[v];
    const Drawn drawn = drawn_node(g_, layout_, colours_, v);
    o_.raw("    <node id=\"n").integer(v).raw("\">\n");
    // yEd graphics first: NetworkX applies <data> in document order, and the typed label/x/y must win.
    if (yed_) {
      const KindStyle& style = node_style(g_, colours_, v);
      o_.raw("      <data key=\"yn\"><y:ShapeNode><y:Geometry x=\"").number(drawn.x - drawn.width / 2);
      o_.raw("\" y=\"").number(layout_.empty() ? 0 : layout_.bounds.height - drawn.y - drawn.height / 2);
      o_.raw("\" width=\"").number(drawn.width).raw("\" height=\"").number(drawn.height);
      o_.raw("\"/><y:Fill color=\"").raw(upper(style.fill.hex())).raw("\" transparent=\"false\"/><y:BorderStyle color=\"");
      o_.raw(upper(Rgb{drawn.r, drawn.g, drawn.b}.hex())).raw("\" type=\"").raw(n.type == NodeType::kStub ? "dashed" : "line");
      o_.raw("\" width=\"1.2\"/><y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\" fontFamily=\"");
      o_.raw(kFontFamily).raw("\" fontSize=\"").number(kFontSize);
      o_.raw("\" modelName=\"internal\" modelPosition=\"c\" textColor=\"").raw(kBlack).raw("\">");
      o_.text(card_text(v)).raw("</y:NodeLabel><y:Shape type=\"roundrectangle\"/></y:ShapeNode></data>\n");
    }
    values("n_", node_attributes(), node_item(g_, v, drawn), node_extras_,
           n.type == NodeType::kUnit ? &g_.unit(v).attributes : nullptr);
    o_.raw("    </node>\n");
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
    const Drawn drawn = drawn_edge(g_, e);
    o_.raw("    <edge id=\"e").integer(i).raw("\" source=\"n").integer(s).raw("\" target=\"n").integer(t).raw("\">\n");
    if (yed_) {
      const bool dashed = oe.type != EdgeType::kHierarchy;
      o_.raw("      <data key=\"ye\"><y:PolyLineEdge>");
      if (oe.type == EdgeType::kHierarchy && !layout_.empty() && layout_.hierarchy_route[t].size() > 2) {
        // Bends between the two end points, in yEd's absolute coordinates.
        const auto& route = layout_.hierarchy_route[t];
        o_.raw("<y:Path sx=\"0\" sy=\"0\" tx=\"0\" ty=\"0\">");
        for (std::size_t k = 1; k + 1 < route.size(); ++k)
          o_.raw("<y:Point x=\"").number(route[k].x).raw("\" y=\"").number(route[k].y).raw("\"/>");
        o_.raw("</y:Path>");
      }
      o_.raw("<y:LineStyle color=\"").raw(upper(Rgb{drawn.r, drawn.g, drawn.b}.hex())).raw("\" type=\"");
      o_.raw(dashed ? "dashed" : "line").raw("\" width=\"1.2\"/><y:Arrows source=\"none\" target=\"");
      o_.raw(oe.type == EdgeType::kRelation ? "standard" : "none").raw("\"/>");
      if (!oe.label.empty()) o_.raw("<y:EdgeLabel>").text(oe.label).raw("</y:EdgeLabel>");
      o_.raw("<y:BendStyle smoothed=\"false\"/></y:PolyLineEdge></data>\n");
    }
    const Relation* rel = g_.relation(e);
    values("e_", edge_attributes(), edge_item(g_, e, drawn), edge_extras_, rel ? &rel->attributes : nullptr);
    o_.raw("    </edge>\n");
  }

  detail::TextOut o_{out_};
  bool yed_;
  std::vector<ExtraKey> node_extras_, edge_extras_;
};

}  // namespace

void write_graphml(std::ostream& out, const OrgGraph& g, const Layout& layout, const GraphmlOptions& options) {
  GraphmlWriter(out, g, layout, options).write();
}

}  // namespace orgchart
