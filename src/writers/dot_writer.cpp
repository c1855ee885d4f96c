#include "orgchart/writers/dot_writer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "orgchart/writers/card.hpp"
#include "orgchart/writers/number.hpp"
#include "orgchart/writers/style.hpp"
#include "orgchart/writers/text.hpp"

namespace orgchart {

namespace {

std::string num(double v) { return format_number(v); }

constexpr const char* kAddedColour = "#1a7f37";
constexpr const char* kRemovedColour = "#cf222e";
constexpr const char* kChangedColour = "#bf5700";

const char* change_colour(Change c) {
  return c == Change::kAdded ? kAddedColour : c == Change::kRemoved ? kRemovedColour : kChangedColour;
}

/// Text for an HTML-like label: XML-escaped, and no \N-style sequence can form (see kWordJoiner).
std::string html_text(const std::string& s) {
  std::string text = xml_escape(s);
  for (std::size_t p = 0; (p = text.find('\\', p)) != std::string::npos; p += 4) text.insert(p + 1, kWordJoiner);
  return text;
}

constexpr const char* kDottedLine = "dotted-line";  ///< the relation kind of a dotted-line (matrix) manager
constexpr const char* kDottedLineColour = "#5a6b8c";
constexpr double kPictureSize = 40;  ///< points, the photo or initials at the left of a person card

/// The lines of a card as HTML-like label text (no enclosing < >); `br` separates them.
std::string html_lines(const std::vector<CardLine>& lines, const char* br) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    if (i) out += br;
    const std::string text = html_text(l.text);
    if (l.change != Change::kNone) {
      const std::string body = l.change == Change::kRemoved ? "<S>" + text + "</S>" : "<B>" + text + "</B>";
      out += std::string("<FONT COLOR=\"") + change_colour(l.change) + "\">" + body + "</FONT>";
      continue;
    }
    switch (l.style) {
      case CardLine::Style::kName: out += "<B>" + text + "</B>"; break;
      // One size for all text (kFontSize): secondary lines differ by weight and colour, so that nothing
      // shrinks below what stays readable when the chart is fitted to a page.
      case CardLine::Style::kNative: out += text; break;
      case CardLine::Style::kDetail: out += "<FONT COLOR=\"#444444\">" + text + "</FONT>"; break;
      case CardLine::Style::kLeader: out += "<FONT COLOR=\"#333333\">" + text + "</FONT>"; break;
      // The department under a person's title: smaller, as in the HR charts users know; 10 pt stays readable.
      case CardLine::Style::kSmall: out += "<FONT POINT-SIZE=\"10\" COLOR=\"#555555\">" + text + "</FONT>"; break;
      case CardLine::Style::kVacant: out += "<FONT COLOR=\"#666666\"><I>" + text + "</I></FONT>"; break;
    }
  }
  return out;
}

/// A file path in an HTML-like attribute: a path, not text, so no word joiner after a backslash (it would change
/// the name); and no &apos;, which Graphviz's HTML parser leaves undecoded (a quote inside "…" needs none).
std::string html_path(const std::string& path) {
  std::string out;
  for (char c : clean_text(path)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string html_label(const std::vector<CardLine>& lines) { return "<" + html_lines(lines, "<BR/>") + ">"; }

/// A person card with a picture: the photo (or initials in a round badge) left of the text lines.
std::string html_picture_label(const std::vector<CardLine>& lines, const CardPicture& pic, const KindStyle& style) {
  const std::string size = format_number(kPictureSize);
  std::string cell;
  if (!pic.file.empty()) {
    cell = "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"" + size + "\" HEIGHT=\"" + size + "\"><IMG SRC=\"" + html_path(pic.file) +
           "\" SCALE=\"TRUE\"/></TD>";
  } else {
    // Graphviz has no circle cell: a round-cornered badge of the card's colours comes closest.
    const std::string inner = format_number(kPictureSize - 2);
    cell = "<TD><TABLE STYLE=\"ROUNDED\" BORDER=\"1\" CELLBORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\" COLOR=\"" +
           style.border.hex() + "\" BGCOLOR=\"" + style.fill.hex() + "\"><TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"" + inner +
           "\" HEIGHT=\"" + inner + "\"><FONT COLOR=\"" + style.border.hex() + "\"><B>" + html_text(pic.initials) +
           "</B></FONT></TD></TR></TABLE></TD>";
  }
  return "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"6\" CELLPADDING=\"0\"><TR>" + cell +
         "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + html_lines(lines, "<BR ALIGN=\"LEFT\"/>") + "</TD></TR></TABLE>>";
}

std::string plain_label(const std::vector<CardLine>& lines) {
  std::string s;
  for (std::size_t i = 0; i < lines.size(); ++i) s += (i ? "\n" : "") + lines[i].text;
  return dot_quote(s);
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

/// Polyline as a Graphviz B-spline: each straight segment a -> b becomes the cubic (a, a, b, b).
std::string spline_pos(const std::vector<Point>& pts, double height) {
  std::string s;
  auto p = [&](const Point& q) { return num(q.x) + "," + num(height - q.y); };
  for (std::size_t i = 0; i < pts.size(); ++i) {
    if (i == 0) s += p(pts[0]);
    else s += " " + p(pts[i - 1]) + " " + p(pts[i]) + " " + p(pts[i]);
  }
  return s;
}

class DotWriter {
 public:
  DotWriter(std::ostream& out, const OrgGraph& g, const Layout& layout, const DotOptions& o)
      : out_(out), g_(g), layout_(layout), o_(o), colours_(g.model, g.color_by) {}

  void write() {
    const auto& m = g_.model;
    out_ << "// Generated by orgchart from " << (m.files.empty() ? std::string("(memory)") : m.files.front())
         << ". Do not edit: edit the data and export again.\n";
    out_ << "digraph orgchart {\n";
    out_ << "  graph [fontname=" << dot_quote(kFontFamily) << ", fontsize=16, labelloc=t";
    if (!m.title.empty()) out_ << ", label=" << dot_quote(shorten(m.title, kChartTextMax));
    if (layout_.empty()) out_ << ", rankdir=TB, ranksep=0.5, nodesep=0.2, newrank=true";
    else
      out_ << ", splines=true, notranslate=true, pad=0.25, bb=\"0,0," << num(layout_.bounds.width) << "," << num(layout_.bounds.height) << "\"";
    out_ << "];\n";
    out_ << "  node [shape=box, style=\"rounded,filled\", fontname=" << dot_quote(kFontFamily)
         << ", fontsize=" << num(kFontSize) << ", margin=\"0.12,0.06\", penwidth=1.2];\n";
    out_ << "  edge [color=\"#555555\", arrowhead=none, penwidth=1.2, fontname=" << dot_quote(kFontFamily)
         << ", fontsize=" << num(kFontSize) << "];\n";
    if (layout_.empty()) write_clustered();
    else write_positioned();
    if (o_.edges) write_relations();
    out_ << "}\n";
  }

 private:
  std::string id(Vertex v) const { return dot_quote(g_.graph[v].id); }

  void write_node(Vertex v, const char* indent) {
    const OrgNode& n = g_.graph[v];
    const auto lines = card_lines(g_, v);
    const auto picture = card_picture(g_, v);
    const ColourEntry* colour = n.type == NodeType::kUnit ? &colours_.entry_of(g_.unit(v)) : nullptr;
    out_ << indent << id(v) << " [id=" << dot_quote(element_id(g_, v)) << ", label="
         << (!o_.html_labels ? plain_label(lines)
             : picture      ? html_picture_label(lines, *picture, colour->style)
                            : html_label(lines));
    if (n.type == NodeType::kUnit) {
      const Unit& u = g_.unit(v);
      const KindStyle& st = colour->style;
      if (n.change == Change::kNone && u.vacant) {
        // A vacancy: an open (white, dashed) card in the outline colour of its value.
        out_ << ", fillcolor=\"#ffffff\", color=\"" << st.border.hex() << "\", style=\"rounded,filled,dashed\", penwidth=1.6";
      } else if (n.change == Change::kNone) {
        out_ << ", fillcolor=\"" << st.fill.hex() << "\", color=\"" << st.border.hex() << "\"";
        // Uncertain on the chart's date: a dashed outline (and "(?)" after the leader), the legend says so.
        const Outline outline = colours_.by_kind() ? kind_outline(u.kind) : Outline::kSolid;
        if (is_uncertain(g_, v)) out_ << ", style=\"rounded,filled,dashed\", penwidth=2.2";
        // The second cue in greyscale print: the outline style of the kind (style.hpp).
        else if (colour->bold || outline == Outline::kThick) out_ << ", penwidth=2.6";
        else if (outline == Outline::kDotted) out_ << ", style=\"rounded,filled,dotted\", penwidth=1.8";
        else if (outline == Outline::kThickDotted) out_ << ", style=\"rounded,filled,dotted\", penwidth=3.2";
        if (o_.data_attributes && outline != Outline::kSolid) out_ << ", outline=\"" << outline_name(outline) << "\"";
      } else {
        out_ << ", fillcolor=\"" << (n.change == Change::kRemoved ? std::string("#f2f2f2") : st.fill.hex())
             << "\", color=\"" << change_colour(n.change) << "\", penwidth=3";
        if (n.change == Change::kRemoved) out_ << ", style=\"rounded,filled,dashed\"";
      }
      if (o_.data_attributes) {
        out_ << ", unit_id=" << dot_quote(u.id) << ", kind=" << dot_quote(u.kind);
        if (!u.group.empty()) out_ << ", group_label=" << dot_quote(u.group);
      }
    } else if (n.type == NodeType::kStub) {
      out_ << ", style=\"rounded,dashed\", color=\"#888888\", fontcolor=\"#555555\"";
    } else {
      out_ << ", shape=note, style=filled, fillcolor=\"#ffffff\", color=\"#888888\"";
    }
    if (o_.data_attributes) {
      const auto sources = g_.sources_of(v);
      if (!sources.empty()) out_ << ", sources=" << dot_quote(join(sources, " "));
    }
    out_ << ", tooltip=" << dot_quote(tooltip_text(g_, v));
    if (!layout_.empty()) {
      const Point c = layout_.centre[v];
      const Size s = layout_.size[v];
      out_ << ", pos=\"" << num(c.x) << "," << num(layout_.bounds.height - c.y) << "!\", width=" << num(s.width / 72)
           << ", height=" << num(s.height / 72) << ", fixedsize=true";
    }
    out_ << "];\n";
  }

  /// Children that share a group under one parent go into one cluster, in first-appearance order.
  void write_clustered() {
    std::size_t cluster = 0;
    std::vector<char> written(boost::num_vertices(g_.graph), 0);
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph))) {
      const auto& kids = g_.children[v];
      std::vector<std::string> groups;
      std::map<std::string, std::vector<Vertex>> members;
      for (Vertex c : kids) {
        if (g_.graph[c].type != NodeType::kUnit || g_.unit(c).group.empty()) continue;
        const std::string& grp = g_.unit(c).group;
        if (!members.count(grp)) groups.push_back(grp);
        members[grp].push_back(c);
      }
      for (const auto& grp : groups) {
        out_ << "  subgraph cluster_" << cluster++ << " {\n";
        out_ << "    graph [label=" << dot_quote(shorten(grp, kChartTextMax))
             << ", style=\"rounded,dashed\", color=\"#999999\", fontsize=12, fontcolor=\"#444444\"];\n";
        for (Vertex c : members[grp]) {
          write_node(c, "    ");
          written[c] = 1;
        }
        out_ << "  }\n";
      }
    }
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph)))
      if (!written[v]) write_node(v, "  ");
    write_legend();
    if (!o_.edges) return;
    write_hierarchy();
    write_roles();
  }

  void write_positioned() {
    // Group blocks first so that they are drawn behind the cards.
    for (std::size_t i = 0; i < layout_.groups.size(); ++i) {
      const auto& grp = layout_.groups[i];
      const Rect& r = grp.rect;
      out_ << "  " << dot_quote("group:" + std::to_string(i)) << " [id=" << dot_quote("g" + std::to_string(i))
           << ", label=" << dot_quote(shorten(grp.caption, kChartTextMax)) << ", labelloc=t, shape=box, style=\"rounded,dashed\", color=\"#999999\""
           << ", fontcolor=\"#444444\", fillcolor=none, tooltip=" << dot_quote(shorten(grp.caption, kChartTextMax)) << ", pos=\""
           << num(r.x + r.width / 2) << "," << num(layout_.bounds.height - (r.y + r.height / 2)) << "!\", width="
           << num(r.width / 72) << ", height=" << num(r.height / 72) << ", fixedsize=true];\n";
    }
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph))) write_node(v, "  ");
    write_legend();
    if (!o_.edges) return;
    write_hierarchy();
    write_roles();
  }

  /// The route of the edge into `child`, as a pinned spline, when the layout has one.
  void write_route(Vertex child) {
    if (layout_.empty() || layout_.hierarchy_route[child].size() < 2) return;
    out_ << ", pos=\"" << spline_pos(layout_.hierarchy_route[child], layout_.bounds.height) << "\"";
  }

  void write_hierarchy() {
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph))) {
      const OrgEdge& oe = g_.graph[e];
      if (oe.type != EdgeType::kHierarchy) continue;
      const Vertex s = boost::source(e, g_.graph), t = boost::target(e, g_.graph);
      out_ << "  " << id(s) << " -> " << id(t) << " [id=" << dot_quote(element_id(g_, e))
           << ", relation=parent, tooltip=" << dot_quote(tooltip_text(g_, e));
      if (oe.change != Change::kNone)
        out_ << ", color=\"" << change_colour(oe.change) << "\", penwidth=2.5"
             << (oe.change == Change::kRemoved ? ", style=dashed" : "");
      write_route(t);
      out_ << "];\n";
    }
  }

  void write_legend() {
    const std::string label = legend_label(g_, colours_);
    out_ << "  " << dot_quote(kLegendNode) << " [id=\"legend\", shape=plain, style=\"\", label=" << label << ", tooltip=\"Legend\"";
    if (!layout_.empty() && layout_.legend.width > 0) {
      const Rect& r = layout_.legend;
      out_ << ", pos=\"" << num(r.x + r.width / 2) << "," << num(layout_.bounds.height - (r.y + r.height / 2)) << "!\"";
    }
    out_ << "];\n";
  }

  void write_roles() {
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph))) {
      const OrgEdge& oe = g_.graph[e];
      if (oe.type != EdgeType::kRole) continue;
      const Vertex s = boost::source(e, g_.graph), t = boost::target(e, g_.graph);
      out_ << "  " << id(s) << " -> " << id(t) << " [id=" << dot_quote(element_id(g_, e))
           << ", relation=role, style=dotted, label=" << dot_quote(shorten(oe.label, kChartTextMax)) << ", tooltip="
           << dot_quote(tooltip_text(g_, e));
      // The person hangs below its first unit; that edge follows the layout's route.
      if (std::find(g_.children[s].begin(), g_.children[s].end(), t) != g_.children[s].end()) write_route(t);
      if (oe.change != Change::kNone) out_ << ", color=\"" << change_colour(oe.change) << "\", penwidth=2.5";
      out_ << "];\n";
    }
  }

  /// The layout's route of a relation (relation_routes.hpp) as a pinned spline ending in the arrow, and its
  /// label's place.
  void write_relation_route(const OrgEdge& oe, bool arrow) {
    const LayoutRelation* lr = nullptr;
    for (const auto& candidate : layout_.relations)
      if (candidate.relation == oe.index) lr = &candidate;
    if (!lr || lr->route.size() < 2) return;
    std::vector<Point> pts = lr->route;
    const double h = layout_.bounds.height;
    if (arrow) {
      // Graphviz draws the arrowhead from the spline's end to the `e` point: leave it its length (10 pt).
      const Point tip = pts.back(), from = pts[pts.size() - 2];
      const double len = std::hypot(tip.x - from.x, tip.y - from.y);
      if (len > 12) pts.back() = {tip.x - (tip.x - from.x) * 10 / len, tip.y - (tip.y - from.y) * 10 / len};
      else if (pts.size() > 2) pts.pop_back();  // a short last step is the arrow itself
      out_ << ", pos=\"e," << num(tip.x) << "," << num(h - tip.y) << " " << spline_pos(pts, h) << "\"";
    } else {
      out_ << ", pos=\"" << spline_pos(pts, h) << "\"";
    }
    if (lr->label)
      out_ << ", lp=\"" << num(lr->label->x + lr->label->width / 2) << ","
           << num(h - (lr->label->y + lr->label->height / 2)) << "\"";
  }

  void write_relations() {
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph))) {
      const OrgEdge& oe = g_.graph[e];
      if (oe.type != EdgeType::kRelation) continue;
      const Relation& r = g_.model.relations[oe.index];
      if (oe.relation == kDottedLine && oe.change == Change::kNone) {
        // A dotted-line manager: the org-chart convention is a plain dotted line, no label (the legend says it).
        out_ << "  " << id(boost::source(e, g_.graph)) << " -> " << id(boost::target(e, g_.graph))
             << " [id=" << dot_quote(element_id(g_, e)) << ", relation=" << dot_quote(oe.relation)
             << ", style=dotted, penwidth=1.6, constraint=false, arrowhead=none, color=\"" << kDottedLineColour
             << "\", tooltip=" << dot_quote(tooltip_text(g_, e));
        if (o_.data_attributes && !r.sources.empty()) out_ << ", sources=" << dot_quote(join(r.sources, " "));
        if (!layout_.empty()) write_relation_route(oe, false);
        out_ << "];\n";
        continue;
      }
      const Rgb rc = relation_colour(oe.relation);
      const std::string c = oe.change == Change::kNone ? rc.hex() : change_colour(oe.change);
      out_ << "  " << id(boost::source(e, g_.graph)) << " -> " << id(boost::target(e, g_.graph))
           << " [id=" << dot_quote(element_id(g_, e)) << ", relation=" << dot_quote(oe.relation)
           << ", label=" << dot_quote(shorten(oe.label, kChartTextMax))
           << ", style=dashed, constraint=false, arrowhead=normal, color=\"" << c << "\", fontcolor=\"" << c
           << "\", tooltip=" << dot_quote(tooltip_text(g_, e));
      if (o_.data_attributes && !r.sources.empty()) out_ << ", sources=" << dot_quote(join(r.sources, " "));
      if (oe.change != Change::kNone) out_ << ", penwidth=2.5";
      if (!layout_.empty()) write_relation_route(oe, true);
      out_ << "];\n";
    }
  }

  std::ostream& out_;
  const OrgGraph& g_;
  const Layout& layout_;
  const DotOptions& o_;
  ColourScheme colours_;
};

}  // namespace

std::string legend_label(const OrgGraph& g) { return legend_label(g, ColourScheme(g.model, g.color_by)); }

std::string legend_label(const OrgGraph& g, const ColourScheme& colours) {
  // Only what the chart uses, in a stable order: colour values in the scheme's order, relations by first use.
  std::vector<std::string> relations;
  std::map<std::string, std::string> relation_colours;  // label -> colour
  std::unordered_set<std::string> values;
  bool hierarchy = false, vacancy = false, dotted = false, uncertain = false;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph)))
    if (g.graph[v].type == NodeType::kUnit) {
      values.insert(colours.value_of(g.unit(v)));
      vacancy = vacancy || g.unit(v).vacant;
      uncertain = uncertain || is_uncertain(g, v);
    }
  for (auto e : boost::make_iterator_range(boost::edges(g.graph))) {
    const OrgEdge& oe = g.graph[e];
    if (oe.type == EdgeType::kHierarchy) hierarchy = true;
    else if (oe.relation == kDottedLine) dotted = true;
    else {
      if (std::find(relations.begin(), relations.end(), oe.label) == relations.end()) relations.push_back(oe.label);
      relation_colours[oe.label] = relation_colour(oe.relation).hex();  // the last edge with the label decides
    }
  }
  auto row = [](const std::string& swatch, const std::string& text) {
    return "<TR><TD>" + swatch + "</TD><TD ALIGN=\"LEFT\">" + text + "</TD></TR>";
  };
  std::string out = "<<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\" "
                    "BGCOLOR=\"white\"><TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>";
  if (!colours.by_kind())
    out += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><I>colour: " + html_text(colours.column()) + "</I></TD></TR>";
  for (const auto& entry : colours.entries()) {
    if (!values.count(entry.value)) continue;
    const KindStyle& st = entry.style;
    const Outline outline = colours.by_kind() ? kind_outline(entry.value) : Outline::kSolid;
    const std::string name = entry.value.empty() ? std::string("(none)") : html_text(entry.value);
    out += "<TR><TD BGCOLOR=\"" + st.fill.hex() + "\" BORDER=\"" + (entry.bold || outline == Outline::kThick || outline == Outline::kThickDotted ? "3" : "1") +
           "\"" + (outline == Outline::kDotted || outline == Outline::kThickDotted ? " STYLE=\"DOTTED\"" : "") + " COLOR=\"" + st.border.hex() +
           "\" WIDTH=\"24\" HEIGHT=\"12\"></TD><TD ALIGN=\"LEFT\">" + name + "</TD></TR>";
  }
  if (vacancy)
    out += "<TR><TD BORDER=\"1\" STYLE=\"DASHED\" COLOR=\"#4a5a6a\" BGCOLOR=\"#ffffff\" WIDTH=\"24\" HEIGHT=\"12\"></TD>"
           "<TD ALIGN=\"LEFT\">vacancy (dashed)</TD></TR>";
  if (uncertain)
    out += "<TR><TD BORDER=\"1\" STYLE=\"DASHED\" COLOR=\"#444444\" WIDTH=\"24\" HEIGHT=\"12\"></TD>"
           "<TD ALIGN=\"LEFT\">uncertain on this date (dashed, (?) after a name)</TD></TR>";
  if (hierarchy) out += row("<FONT COLOR=\"#555555\">\u2014\u2014</FONT>", "reports to (hierarchy)");
  if (dotted) out += row(std::string("<FONT COLOR=\"") + kDottedLineColour + "\">\u00b7\u00b7\u00b7\u00b7\u00b7</FONT>", "dotted-line manager");
  for (const auto& rel : relations) {
    out += row("<FONT COLOR=\"" + relation_colours[rel] + "\">- - \u2192</FONT>", html_text(shorten(rel, kChartTextMax)) + " (relation)");
  }
  if (g.is_diff) {
    out += row(std::string("<FONT COLOR=\"") + kAddedColour + "\"><B>+ green</B></FONT>", "added / took the role");
    out += row(std::string("<FONT COLOR=\"") + kRemovedColour + "\"><S>\u2212 red</S></FONT>", "removed / left the role");
    out += row(std::string("<FONT COLOR=\"") + kChangedColour + "\"><B>orange</B></FONT>", "changed (renamed, moved, leaders)");
  }
  return out + "</TABLE>>";
}

void write_dot(std::ostream& out, const OrgGraph& g, const Layout& layout, const DotOptions& options) {
  DotWriter(out, g, layout, options).write();
}

}  // namespace orgchart
