#include "orgchart/writers/graphml_writer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <span>

#include "orgchart/writers/card.hpp"
#include "orgchart/writers/number.hpp"
#include "orgchart/writers/style.hpp"
#include "orgchart/writers/text.hpp"

namespace orgchart {

namespace {

struct Key {
  const char* name;
  const char* domain;  // "graph" | "node" | "edge"
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
    {"b", "node", "int"},              {"direct_reports", "node", "int"}, {"total_reports", "node", "int"},
};
constexpr Key kEdgeKeys[] = {
    {"label", "edge", "string"},   {"relation", "edge", "string"}, {"weight", "edge", "double"},
    {"amount", "edge", "string"},  {"notes", "edge", "string"},    {"sources", "edge", "string"},
    {"valid_from", "edge", "string"}, {"valid_until", "edge", "string"},
};

// On the graph, read back by our GraphML reader: the chart's title and description, and its sources.
constexpr Key kGraphKeys[] = {
    {"title", "graph", "string"}, {"description", "graph", "string"}, {"sources", "graph", "string"}};

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
                                 std::span<const Key> ours) {
  std::set<std::string> names;
  for (const Attributes* a : attributes)
    for (const auto& [name, value] : *a)
      if (!value.empty()) names.insert(name);
  std::vector<ExtraKey> keys;
  for (const std::string& name : names) {
    const bool taken = name.empty() || name == "id" ||
                       std::any_of(ours.begin(), ours.end(), [&](const Key& k) { return name == k.name; });
    if (!taken) keys.push_back({extra_key_id(prefix, name), name});
  }
  return keys;
}

/// A JSON string: `"` and `\` escaped, control characters as \n, \r, \t or \u00XX, other UTF-8 as it is.
std::string json_string(std::string_view raw) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  // Cleaned as every other text in the file: what is left of the control characters is tab, CR and LF.
  for (char ch : clean_text(raw)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out + '"';
}

/// The sources as a JSON list of records, fields in a fixed order, empty ones left out.
std::string sources_json(const std::vector<Source>& sources) {
  std::string out = "[";
  for (const Source& s : sources) {
    std::string record;
    auto field = [&](const char* name, const std::string& value) {
      if (!value.empty()) record += (record.empty() ? "" : ", ") + json_string(name) + ": " + json_string(value);
    };
    field("id", s.id);
    field("title", s.title);
    field("date", s.date ? s.date->str() : "");
    field("url", s.url);
    field("file", s.file);
    field("notes", s.notes);
    out += (out.size() > 1 ? ", {" : "{") + record + "}";
  }
  return out + "]";
}

/// Element content escaped for XML, but for quotes, which need none there: the JSON stays readable.
std::string xml_content(std::string_view s) {
  std::string out;
  for (char c : clean_text(s)) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
  return out;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

std::string date_or_empty(const std::optional<Date>& d) { return d ? d->str() : std::string(); }

class GraphmlWriter {
 public:
  GraphmlWriter(std::ostream& out, const OrgGraph& g, const Layout& layout, const GraphmlOptions& o)
      : out_(out), g_(g), layout_(layout), yed_(o.dialect == GraphmlDialect::kYed), colours_(g.model, g.color_by) {}

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
    std::vector<const Attributes*> unit_attributes, relation_attributes;
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph)))
      if (g_.graph[v].type == NodeType::kUnit) unit_attributes.push_back(&g_.unit(v).attributes);
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph)))
      if (g_.graph[e].type == EdgeType::kRelation)
        relation_attributes.push_back(&g_.model.relations[g_.graph[e].index].attributes);
    node_extras_ = extra_keys(unit_attributes, "n_x_", kNodeKeys);
    edge_extras_ = extra_keys(relation_attributes, "e_x_", kEdgeKeys);
    for (const Key& k : kGraphKeys) key("g_", k);
    for (const Key& k : kNodeKeys) key("n_", k);
    for (const ExtraKey& k : node_extras_) extra_key(k, "node");
    for (const Key& k : kEdgeKeys) key("e_", k);
    for (const ExtraKey& k : edge_extras_) extra_key(k, "edge");
    out_ << "  <graph id=\"orgchart\" edgedefault=\"directed\">\n";
    out_ << "    <data key=\"g_title\">" << xml_escape(g_.model.title) << "</data>\n";
    out_ << "    <data key=\"g_description\">" << xml_escape(g_.model.description) << "</data>\n";
    out_ << "    <data key=\"g_sources\">" << xml_content(sources_json(g_.model.sources)) << "</data>\n";
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

  void extra_key(const ExtraKey& k, const char* domain) {
    out_ << "  <key id=\"" << k.id << "\" for=\"" << domain << "\" attr.name=\"" << xml_escape(k.name)
         << "\" attr.type=\"string\"/>\n";
  }

  void data(const char* prefix, const char* name, const std::string& value) {
    out_ << "      <data key=\"" << prefix << name << "\">" << xml_escape(value) << "</data>\n";
  }

  /// Every extra key's value, "" where `attributes` (null: none) has none.
  void extra_data(const std::vector<ExtraKey>& keys, const Attributes* attributes) {
    for (const ExtraKey& k : keys) {
      std::string value;
      if (auto it = attributes ? attributes->find(k.name) : Attributes::const_iterator{}; attributes && it != attributes->end())
        value = it->second;
      out_ << "      <data key=\"" << k.id << "\">" << xml_escape(value) << "</data>\n";
    }
  }

  void node(Vertex v) {
    const OrgNode& n = g_.graph[v];
    const bool has_layout = !layout_.empty();
    const Point c = has_layout ? layout_.centre[v] : Point{};
    const Size sz = has_layout ? layout_.size[v] : Size{};
    const double height = has_layout ? layout_.bounds.height : 0;
    std::string kind = n.type == NodeType::kUnit ? g_.unit(v).kind : n.type == NodeType::kPerson ? "person" : "stub";
    const Rgb colour = n.type == NodeType::kUnit ? colours_.entry_of(g_.unit(v)).style.border : Rgb{0x88, 0x88, 0x88};
    const Rgb fill = n.type == NodeType::kUnit ? colours_.entry_of(g_.unit(v)).style.fill : Rgb{0xff, 0xff, 0xff};
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
    data("n_", "direct_reports", std::to_string(n.direct_reports));
    data("n_", "total_reports", std::to_string(n.total_reports));
    extra_data(node_extras_, n.type == NodeType::kUnit ? &g_.unit(v).attributes : nullptr);
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
    extra_data(edge_extras_, rel ? &rel->attributes : nullptr);
    out_ << "    </edge>\n";
  }

  std::ostream& out_;
  const OrgGraph& g_;
  const Layout& layout_;
  bool yed_;
  ColourScheme colours_;  ///< the same colours as the drawn chart's
  std::vector<ExtraKey> node_extras_, edge_extras_;
};

}  // namespace

double node_importance(std::size_t subtree_size) {
  return 10.0 + 6.0 * std::log2(static_cast<double>(subtree_size < 1 ? 1 : subtree_size));
}

void write_graphml(std::ostream& out, const OrgGraph& g, const Layout& layout, const GraphmlOptions& options) {
  GraphmlWriter(out, g, layout, options).write();
}

}  // namespace orgchart
