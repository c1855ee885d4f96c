#include "orgchart/writers/gexf_writer.hpp"

#include <map>
#include <set>

#include "orgchart/writers/card.hpp"
#include "orgchart/writers/graphml_writer.hpp"
#include "orgchart/writers/number.hpp"
#include "orgchart/writers/style.hpp"
#include "orgchart/writers/text.hpp"

namespace orgchart {

namespace {

struct Attribute {
  const char* name;  // both the id and the title: NetworkX and graphology key values by title
  const char* type;  // GEXF attrtype: "string" | "integer" | "double"
};

// No attribute is titled label, x, y, z, size or color: graphology-gexf merges attvalues with the viz
// values into one attribute map, and NetworkX puts `label` beside them. Position, size and colour live in
// viz:*, the relation also in each edge's `kind`.
constexpr Attribute kNodeAttributes[] = {
    {"kind", "string"},         {"node_type", "string"},    {"unit_id", "string"},     {"parent_id", "string"},
    {"group", "string"},        {"native_name", "string"},  {"romanized_name", "string"}, {"abbreviation", "string"},
    {"aliases", "string"},      {"tags", "string"},         {"unit_type", "string"},   {"level", "string"},
    {"founded", "string"},      {"headquarters", "string"}, {"website", "string"},     {"notes", "string"},
    {"leaders", "string"},      {"valid_from", "string"},   {"valid_until", "string"}, {"sources", "string"},
    {"depth", "integer"},       {"subtree_size", "integer"}, {"width", "double"},      {"height", "double"},
    {"direct_reports", "integer"}, {"total_reports", "integer"},
};
constexpr Attribute kEdgeAttributes[] = {
    {"relation", "string"}, {"amount", "string"},     {"notes", "string"},
    {"sources", "string"},  {"valid_from", "string"}, {"valid_until", "string"},
};

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

std::string date_or_empty(const std::optional<Date>& d) { return d ? d->str() : std::string(); }

/// An attribute value: xml_escape, plus tab, newline and CR as character references, which an XML parser's
/// attribute-value normalization would otherwise turn into spaces.
std::string attr(std::string_view s) {
  std::string out;
  for (char c : xml_escape(s)) {
    switch (c) {
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

class GexfWriter {
 public:
  GexfWriter(std::ostream& out, const OrgGraph& g, const Layout& layout, const GexfOptions& o)
      : out_(out), g_(g), layout_(layout), options_(o), colours_(g.model, g.color_by) {}

  void write() {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    // No xsi:schemaLocation: the RELAX NG grammar allows no attribute on <gexf> but version and variant.
    out_ << "<gexf xmlns=\"http://gexf.net/1.3\"";
    if (options_.viz) out_ << " xmlns:viz=\"http://gexf.net/1.3/viz\"";
    out_ << " version=\"1.3\">\n";
    // No lastmodifieddate: it would change the bytes from run to run.
    out_ << "  <meta>\n    <creator>orgchart</creator>\n";
    const std::string description = g_.model.title.empty() || g_.model.description.empty()
                                        ? g_.model.title + g_.model.description
                                        : g_.model.title + " \xE2\x80\x94 " + g_.model.description;
    out_ << "    <description>" << xml_escape(description) << "</description>\n  </meta>\n";
    out_ << "  <graph defaultedgetype=\"directed\" mode=\"static\" idtype=\"string\">\n";
    collect_extras();
    attributes("node", kNodeAttributes, true);
    attributes("edge", kEdgeAttributes);
    out_ << "    <nodes count=\"" << boost::num_vertices(g_.graph) << "\">\n";
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph))) node(v);
    out_ << "    </nodes>\n    <edges count=\"" << boost::num_edges(g_.graph) << "\">\n";
    std::size_t i = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph))) edge(e, i++);
    out_ << "    </edges>\n  </graph>\n</gexf>\n";
  }

 private:
  /// The names of the units' own attributes (a table's other columns), sorted, each with an id of ours.
  void collect_extras() {
    std::set<std::string> names;
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph)))
      if (g_.graph[v].type == NodeType::kUnit)
        for (const auto& [k, value] : g_.unit(v).attributes) names.insert(k);
    std::size_t i = 0;
    for (const auto& n : names) extras_.emplace(n, "x" + std::to_string(i++));
  }

  template <std::size_t N>
  void attributes(const char* cls, const Attribute (&list)[N], bool with_extras = false) {
    out_ << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
    std::set<std::string> titles;
    for (const Attribute& a : list) {
      out_ << "      <attribute id=\"" << a.name << "\" title=\"" << a.name << "\" type=\"" << a.type << "\"/>\n";
      titles.insert(a.name);
    }
    // A column named like one of ours, or like a viz value graphology would merge with, gets a prefix.
    for (const char* reserved : {"label", "x", "y", "z", "size", "color", "id"}) titles.insert(reserved);
    if (with_extras)
      for (const auto& [name, id] : extras_)
        out_ << "      <attribute id=\"" << id << "\" title=\"" << attr(titles.count(name) ? "attr_" + name : name)
             << "\" type=\"string\"/>\n";
    out_ << "    </attributes>\n";
  }

  void value(const char* name, const std::string& v) {
    out_ << "          <attvalue for=\"" << name << "\" value=\"" << attr(v) << "\"/>\n";
  }

  void colour(const Rgb& c) {
    out_ << "        <viz:color r=\"" << int(c.r) << "\" g=\"" << int(c.g) << "\" b=\"" << int(c.b) << "\"/>\n";
  }

  void node(Vertex v) {
    const OrgNode& n = g_.graph[v];
    const bool has_layout = !layout_.empty();
    const Size sz = has_layout ? layout_.size[v] : Size{};
    const std::string kind = n.type == NodeType::kUnit ? g_.unit(v).kind : n.type == NodeType::kPerson ? "person" : "stub";

    out_ << "      <node id=\"n" << v << "\" label=\"" << attr(display_name(g_, v)) << "\">\n";
    out_ << "        <attvalues>\n";
    value("kind", kind);
    value("node_type", n.type == NodeType::kUnit ? "unit" : n.type == NodeType::kPerson ? "person" : "stub");
    value("unit_id", n.id);
    std::string parent_id;
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g_.graph)))
      if (g_.graph[e].type == EdgeType::kHierarchy) parent_id = g_.graph[boost::source(e, g_.graph)].id;
    value("parent_id", parent_id);
    if (n.type == NodeType::kUnit) {
      const Unit& u = g_.unit(v);
      value("group", u.group);
      value("native_name", u.native_name);
      value("romanized_name", u.romanized_name);
      value("abbreviation", join(u.abbreviations, "; "));
      value("aliases", join(u.aliases, "; "));
      value("tags", join(u.tags, " "));
      value("unit_type", u.type);
      value("level", u.level);
      value("founded", date_or_empty(u.founded));
      value("headquarters", u.headquarters);
      value("website", u.website);
      value("notes", u.notes);
      std::string leaders;
      for (const auto& l : n.leaders) leaders += (leaders.empty() ? "" : "; ") + l.title + ": " + l.name;
      value("leaders", leaders);
      value("valid_from", date_or_empty(u.valid.from));
      value("valid_until", date_or_empty(u.valid.until));
    } else {
      for (const char* k : {"group", "native_name", "romanized_name", "abbreviation", "aliases", "tags", "unit_type",
                            "level", "founded", "headquarters", "website", "notes", "leaders", "valid_from",
                            "valid_until"})
        value(k, n.type == NodeType::kPerson && std::string(k) == "native_name" ? g_.person(v).native_name : "");
    }
    value("sources", join(g_.sources_of(v), " "));
    value("depth", std::to_string(n.depth));
    value("subtree_size", std::to_string(n.subtree_size));
    value("width", format_number(sz.width));
    value("height", format_number(sz.height));
    if (n.type == NodeType::kUnit)
      for (const auto& [k, v] : g_.unit(v).attributes) value(extras_.at(k).c_str(), v);
    value("direct_reports", std::to_string(n.direct_reports));
    value("total_reports", std::to_string(n.total_reports));
    out_ << "        </attvalues>\n";
    if (options_.viz) {
      if (has_layout) {
        const Point c = layout_.centre[v];
        out_ << "        <viz:position x=\"" << format_number(c.x) << "\" y=\""
             << format_number(layout_.bounds.height - c.y) << "\" z=\"0\"/>\n";  // Gephi's y points up
      }
      out_ << "        <viz:size value=\"" << format_number(node_importance(n.subtree_size)) << "\"/>\n";
      colour(n.type == NodeType::kUnit ? colours_.entry_of(g_.unit(v)).style.border : Rgb{0x88, 0x88, 0x88});
    }
    out_ << "      </node>\n";
  }

  void edge(Edge e, std::size_t i) {
    const OrgEdge& oe = g_.graph[e];
    const Vertex s = boost::source(e, g_.graph), t = boost::target(e, g_.graph);
    const std::string label = oe.type == EdgeType::kHierarchy ? std::string("parent") : oe.label;
    out_ << "      <edge id=\"e" << i << "\" source=\"n" << s << "\" target=\"n" << t << "\" kind=\"" << attr(oe.relation)
         << "\" label=\"" << attr(label) << "\" weight=\"1\">\n";
    const Relation* rel = oe.type == EdgeType::kRelation ? &g_.model.relations[oe.index] : nullptr;
    out_ << "        <attvalues>\n";
    value("relation", oe.relation);
    value("amount", rel ? rel->amount : "");
    value("notes", rel ? rel->notes : "");
    value("sources", join(g_.sources_of(e), " "));
    const Validity* valid = rel ? &rel->valid : nullptr;
    if (oe.type == EdgeType::kRole) valid = &g_.model.people[g_.graph[t].index].roles[oe.index].valid;
    value("valid_from", valid ? date_or_empty(valid->from) : "");
    value("valid_until", valid ? date_or_empty(valid->until) : "");
    out_ << "        </attvalues>\n";
    if (options_.viz) {
      colour(relation_colour(oe.relation));
      out_ << "        <viz:shape value=\"" << (oe.type == EdgeType::kHierarchy ? "solid" : "dashed") << "\"/>\n";
    }
    out_ << "      </edge>\n";
  }

  std::ostream& out_;
  const OrgGraph& g_;
  const Layout& layout_;
  GexfOptions options_;
  std::map<std::string, std::string> extras_;  // attribute name -> GEXF attribute id
  ColourScheme colours_;  ///< the same colours as the drawn chart's
};

}  // namespace

void write_gexf(std::ostream& out, const OrgGraph& g, const Layout& layout, const GexfOptions& options) {
  GexfWriter(out, g, layout, options).write();
}

}  // namespace orgchart
