#include "orgchart/writers/gexf_writer.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "orgchart/writers/attribute_values.hpp"
#include "orgchart/writers/card.hpp"
#include "orgchart/writers/escape.hpp"
#include "orgchart/writers/number.hpp"
#include "orgchart/writers/style.hpp"
#include "chart_writer.hpp"
#include "text_out.hpp"

namespace orgchart {

namespace {

/// A date as GEXF's timeformat="date" wants it: YYYY-MM-DD, a partial date standing for its first day.
std::string gexf_date(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

/// ` start="…" end="…"` for a validity (`from <= D < until`): GEXF's end is inclusive, so it is the day
/// before `until`. Nothing for an open bound; nothing at all without validity. An uncertain bound (a window,
/// model/date.hpp) is placed at its first possible day, the day charts and diffs order it by (Date::key), so
/// a change dated "between" ends the old fact the day before the new one starts.
std::string spell(const std::optional<Date>& from, const std::optional<Date>& until) {
  std::string out;
  if (from && from->key() != kFirstDay) out += " start=\"" + day_text(from->key()) + "\"";
  if (until && until->key() != kFirstDay && until->key() != kLastDay) {
    int y = until->key() / 10000, m = until->key() / 100 % 100, d = until->key() % 100;
    if (--d == 0) {
      if (--m == 0) m = 12, --y;
      static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
      d = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
    }
    out += " end=\"" + gexf_date(y, m, d) + "\"";
  }
  return out;
}

/// The later of two starts, the earlier of two ends (an open bound loses to a given one).
Validity overlap(const Validity* a, const Validity* b) {
  if (!a || !b) return a ? *a : b ? *b : Validity{};
  Validity v = *a;
  if (b->from && (!v.from || before(*v.from, *b->from))) v.from = b->from;
  if (b->until && (!v.until || before(*b->until, *v.until))) v.until = b->until;
  return v;
}

class GexfWriter : detail::ChartWriter<GexfOptions> {
 public:
  using ChartWriter::ChartWriter;

  void write() {
    o_.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    // No xsi:schemaLocation: the RELAX NG grammar allows no attribute on <gexf> but version and variant.
    o_.raw("<gexf xmlns=\"http://gexf.net/1.3\"");
    if (options_.viz) o_.raw(" xmlns:viz=\"http://gexf.net/1.3/viz\"");
    o_.raw(" version=\"1.3\">\n");
    // No lastmodifieddate: it would change the bytes from run to run.
    o_.raw("  <meta>\n    <creator>orgchart</creator>\n");
    const std::string description = g_.model.title.empty() || g_.model.description.empty()
                                        ? g_.model.title + g_.model.description
                                        : g_.model.title + " \xE2\x80\x94 " + g_.model.description;
    o_.raw("    <description>").text(description).raw("</description>\n  </meta>\n");
    o_.raw("  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" idtype=\"string\">\n");
    collect_extras();
    attributes("node", node_attributes(), true);
    attributes("edge", edge_attributes());
    o_.raw("    <nodes count=\"").integer(boost::num_vertices(g_.graph)).raw("\">\n");
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph))) node(v);
    o_.raw("    </nodes>\n    <edges count=\"").integer(boost::num_edges(g_.graph)).raw("\">\n");
    std::size_t i = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph))) edge(e, i++);
    o_.raw("    </edges>\n  </graph>\n</gexf>\n");
    o_.flush();
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

  void attributes(const char* cls, std::span<const Attribute> list, bool with_extras = false) {
    o_.raw("    <attributes class=\"").raw(cls).raw("\" mode=\"static\">\n");
    std::set<std::string> titles;
    for (const Attribute& a : list) {
      if (!(a.formats & kGexf)) continue;
      o_.raw("      <attribute id=\"").raw(a.name).raw("\" title=\"").raw(a.name).raw("\" type=\"");
      o_.raw(gexf_type(a.type)).raw("\"/>\n");
      titles.insert(a.name);
    }
    // A column named like one of ours, or like a viz value graphology would merge with, gets a prefix.
    for (const char* reserved : {"label", "x", "y", "z", "size", "color", "id"}) titles.insert(reserved);
    if (with_extras)
      for (const auto& [name, id] : extras_) {
        o_.raw("      <attribute id=\"").raw(id).raw("\" title=\"");
        o_.escaped(append_xml_attribute, titles.count(name) ? "attr_" + name : name).raw("\" type=\"string\"/>\n");
      }
    o_.raw("    </attributes>\n");
  }

  /// `          <attvalue for="id" value="`: how every value begins.
  void value_head(std::string_view id) { o_.raw("          <attvalue for=\"").raw(id).raw("\" value=\""); }

  void value(std::string_view id, std::string_view v) {
    value_head(id);
    o_.escaped(append_xml_attribute, v).raw("\"/>\n");
  }

  /// Every attribute of the table that GEXF carries; a text is escaped where it is, without a copy.
  void values(std::span<const Attribute> list, const AttributeItem& item) {
    for (const Attribute& a : list) {
      if (!(a.formats & kGexf)) continue;
      const AttributeValue v = a.value(item);
      if (const auto s = value_string(v)) value(a.name, *s);
      else value(a.name, value_text(v));
    }
  }

  void colour(const Drawn& d) {
    o_.raw("        <viz:color r=\"").integer(int(d.r)).raw("\" g=\"").integer(int(d.g)).raw("\" b=\"");
    o_.integer(int(d.b)).raw("\"/>\n");
  }

  void node(Vertex v) {
    const OrgNode& n = g_.graph[v];
    const Drawn drawn = drawn_node(g_, layout_, colours_, v);
    const Validity* valid = g_.validity(v);
    o_.raw("      <node id=\"n").integer(v).raw("\" label=\"").escaped(append_xml_attribute, g_.display_name(v));
    o_.ch('"');
    if (valid) o_.raw(spell(valid->from, valid->until));
    o_.raw(">\n        <attvalues>\n");
    values(node_attributes(), node_item(g_, v, drawn));
    if (n.type == NodeType::kUnit)
      for (const auto& [k, v] : g_.unit(v).attributes) value(extras_.at(k), v);
    o_.raw("        </attvalues>\n");
    if (options_.viz) {
      if (!layout_.empty()) {
        o_.raw("        <viz:position x=\"").number(drawn.x).raw("\" y=\"").number(drawn.y);
        o_.raw("\" z=\"0\"/>\n");
      }
      o_.raw("        <viz:size value=\"").number(node_importance(n.subtree_size)).raw("\"/>\n");
      colour(drawn);
    }
    o_.raw("      </node>\n");
  }

  void edge(Edge e, std::size_t i) {
    const OrgEdge& oe = g_.graph[e];
    const Vertex s = boost::source(e, g_.graph), t = boost::target(e, g_.graph);
    // A hierarchy edge holds while both its units do; relations and roles have their own validity.
    const Validity valid = oe.type == EdgeType::kHierarchy ? overlap(g_.validity(s), g_.validity(t))
                                                           : overlap(g_.validity(e), nullptr);
    // Hierarchy edges carry no label (Gephi shows labels; `kind` and the `relation` attribute say "parent").
    o_.raw("      <edge id=\"e").integer(i).raw("\" source=\"n").integer(s).raw("\" target=\"n").integer(t);
    o_.raw("\" kind=\"").escaped(append_xml_attribute, oe.relation).ch('"');
    if (!oe.label.empty()) o_.raw(" label=\"").escaped(append_xml_attribute, oe.label).ch('"');
    o_.raw(" weight=\"1\"").raw(spell(valid.from, valid.until)).raw(">\n");
    const Drawn drawn = drawn_edge(g_, e);
    o_.raw("        <attvalues>\n");
    values(edge_attributes(), edge_item(g_, e, drawn));
    o_.raw("        </attvalues>\n");
    if (options_.viz) {
      colour(drawn);
      o_.raw("        <viz:shape value=\"").raw(oe.type == EdgeType::kHierarchy ? "solid" : "dashed").raw("\"/>\n");
    }
    o_.raw("      </edge>\n");
  }

  detail::TextOut o_{out_};
  std::map<std::string, std::string> extras_;  // attribute name -> GEXF attribute id
};

}  // namespace

void write_gexf(std::ostream& out, const OrgGraph& g, const Layout& layout, const GexfOptions& options) {
  GexfWriter(out, g, layout, options).write();
}

}  // namespace orgchart
