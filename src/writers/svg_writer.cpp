#include "orgchart/writers/svg_writer.hpp"

#include <cmath>
#include <unordered_map>

#include "orgchart/error.hpp"
#include "orgchart/layout/org_layout.hpp"
#include "orgchart/writers/card.hpp"
#include "orgchart/writers/style.hpp"
#include "orgchart/writers/text.hpp"
#include "svg_legend.hpp"
#include "svg_out.hpp"
#include "svg_photo.hpp"

namespace orgchart {

namespace {

using svg::Out;

constexpr double kCornerRadius = 6;    ///< of rounded cards and group blocks, as Graphviz draws "rounded"
constexpr double kPictureSize = 40;    ///< the photo or initials badge of a person card (as in the DOT label)
constexpr double kPictureInset = 15;   ///< from the card's left edge to the picture: margin and cell spacing
constexpr double kPictureGap = 6;      ///< between the picture and the text column
constexpr double kArrowLength = 10, kArrowHalfWidth = 3.5;

double font_size(const CardLine& l) { return l.style == CardLine::Style::kSmall ? 10 : kFontSize; }

/// Where the segment from the centre of `box` towards `to` leaves the box.
Point leave_box(const Point& c, const Size& box, const Point& to) {
  const double dx = to.x - c.x, dy = to.y - c.y;
  if (dx == 0 && dy == 0) return c;
  const double tx = dx != 0 ? box.width / 2 / std::abs(dx) : INFINITY;
  const double ty = dy != 0 ? box.height / 2 / std::abs(dy) : INFINITY;
  const double t = std::min({tx, ty, 1.0});
  return {c.x + dx * t, c.y + dy * t};
}

class SvgWriter {
 public:
  SvgWriter(std::ostream& out, const OrgGraph& g, const Layout& layout, const ChartHeading& heading,
            const SvgOptions& options)
      : o_(out, layout.bounds.height), g_(g), layout_(layout), heading_(heading), options_(options),
        colours_(g.model, g.color_by) {
    for (std::size_t i = 0; i < layout_.relations.size(); ++i) relation_at_.emplace(layout_.relations[i].relation, i);
  }

  void write() {
    write_header();
    for (std::size_t i = 0; i < layout_.groups.size(); ++i) write_group(i);
    std::vector<Vertex> drawn_parent(boost::num_vertices(g_.graph), boost::graph_traits<Graph>::null_vertex());
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph)))
      for (Vertex c : g_.children[v]) drawn_parent[c] = v;
    // Lines first, then the cards over their ends, then relations (an overlay) and the legend on top.
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph))) {
      const OrgEdge& oe = g_.graph[e];
      const Vertex s = boost::source(e, g_.graph), t = boost::target(e, g_.graph);
      if (oe.type == EdgeType::kHierarchy) write_hierarchy(e, t);
      else if (oe.type == EdgeType::kRole) write_role(e, drawn_parent[t] == s);
    }
    for (auto v : boost::make_iterator_range(boost::vertices(g_.graph))) write_card(v);
    for (auto e : boost::make_iterator_range(boost::edges(g_.graph)))
      if (g_.graph[e].type == EdgeType::kRelation) write_relation(e);
    if (layout_.legend.width > 0) svg::write_legend(o_, g_, colours_, layout_.legend);
    o_.raw("</g>\n</svg>\n");
    o_.flush();
  }

 private:
  void write_header() {
    const double w = layout_.bounds.width, h = layout_.bounds.height;
    bool photos = false;
    for (const auto& u : g_.model.units) photos = photos || !u.photo_file.empty();
    o_.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    // role/aria make the <title>/<desc> the accessible name of the picture.
    o_.raw("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" width=\"").num(w).raw("pt\" height=\"").num(h);
    o_.raw("pt\"\n viewBox=\"0.00 0.00 ").num(w).ch(' ').num(h).raw("\" xmlns=\"http://www.w3.org/2000/svg\"");
    if (photos) o_.raw(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
    o_.raw(">\n");
    // Graphviz's user space (y up from the bottom, so y <= 0 inside), kept so that readers of either SVG agree.
    o_.raw("<g id=\"graph0\" class=\"graph\" transform=\"scale(1 1) rotate(0) translate(0 ").num(h).raw(")\"");
    o_.attr("font-family", kSvgFontFamily).raw(">\n");
    o_.raw("<title id=\"chart-title\">")
        .text(g_.model.title.empty() ? std::string("Organization chart") : g_.model.title)
        .raw("</title>\n<desc id=\"chart-desc\">")
        .text(chart_description(g_))
        .raw("</desc>\n");
    o_.raw("<polygon fill=\"white\" stroke=\"none\" points=\"0,0 0,").num(-h).ch(' ').num(w).ch(',').num(-h);
    o_.ch(' ').num(w).raw(",0 0,0\"/>\n");
    const double top = OrgLayoutOptions{}.margin;
    if (!heading_.title.empty())
      o_.raw("<text id=\"chart-heading\" text-anchor=\"middle\" x=\"").num(w / 2).raw("\" y=\"").y(top + kTitleBaseline)
          .raw("\" font-size=\"").num(kTitleFontSize).raw("\">").text(heading_.title).raw("</text>\n");
    if (!heading_.date_line.empty()) {
      const double baseline = heading_.title.empty() ? kTitleBaseline - 2 : kDateBaseline;
      o_.raw("<text id=\"chart-date\" text-anchor=\"middle\" x=\"").num(w / 2).raw("\" y=\"").y(top + baseline)
          .raw("\" font-size=\"").num(kDateFontSize).raw("\" fill=\"").raw(kDetailTextColour).raw("\">").text(heading_.date_line).raw("</text>\n");
    }
  }

  void write_group(std::size_t i) {
    const LayoutGroup& grp = layout_.groups[i];
    const std::string caption = shorten(grp.caption, kChartTextMax);
    o_.raw("<g id=\"g").raw(std::to_string(i)).raw("\" class=\"node\">\n<title>").text(caption).raw("</title>\n");
    o_.raw("<path fill=\"none\" stroke=\"").raw(kGroupOutlineColour).raw("\" stroke-width=\"1.2\" stroke-dasharray=\"5,2\"");
    svg::rounded_rect_path(o_, grp.rect, kCornerRadius);
    o_.raw("/>\n<text text-anchor=\"middle\" x=\"").num(grp.rect.x + grp.rect.width / 2).raw("\" y=\"");
    o_.y(grp.rect.y + 16).raw("\" font-size=\"12\" fill=\"").raw(kDetailTextColour).raw("\">").text(caption).raw("</text>\n</g>\n");
  }

  void open_edge(Edge e) {
    o_.raw("<g id=\"").text(element_id(g_, e)).raw("\" class=\"edge\">\n<title>").text(tooltip_text(g_, e));
    o_.raw("</title>\n");
  }

  void polyline(const std::vector<Point>& pts, const std::string& colour, double width, const char* dash) {
    o_.raw("<path fill=\"none\"").attr("stroke", colour).attr("stroke-width", width);
    if (dash) o_.attr("stroke-dasharray", dash);
    o_.raw(" d=\"M");
    for (std::size_t i = 0; i < pts.size(); ++i) (i ? o_.ch('L') : o_).pt(pts[i]);
    o_.raw("\"/>\n");
  }

  void write_hierarchy(Edge e, Vertex child) {
    const auto& route = layout_.hierarchy_route[child];
    const OrgEdge& oe = g_.graph[e];
    open_edge(e);
    if (route.size() >= 2) {
      if (oe.change == Change::kNone) polyline(route, kEdgeColour, 1.2, nullptr);
      else polyline(route, svg::change_colour(oe.change), 2.5, oe.change == Change::kRemoved ? svg::kDashed : nullptr);
    }
    o_.raw("</g>\n");
  }

  /// A polyline (at least two points), with an arrowhead at its last point when `arrow` and the last step is
  /// longer than the head: the line stops at the head's base.
  void line(std::vector<Point> pts, const std::string& colour, double width, const char* dash, bool arrow) {
    const Point tip = pts.back(), from = pts[pts.size() - 2];
    const double dx = tip.x - from.x, dy = tip.y - from.y, len = std::hypot(dx, dy);
    if (!arrow || len <= kArrowLength) {
      polyline(pts, colour, width, dash);
      return;
    }
    const double ux = dx / len, uy = dy / len;
    const Point end{tip.x - ux * kArrowLength, tip.y - uy * kArrowLength};
    pts.back() = end;
    polyline(pts, colour, width, dash);
    const Point l{end.x - uy * kArrowHalfWidth, end.y + ux * kArrowHalfWidth};
    const Point r{end.x + uy * kArrowHalfWidth, end.y - ux * kArrowHalfWidth};
    o_.raw("<polygon").attr("fill", colour).attr("stroke", colour).attr("stroke-width", width).raw(" points=\"");
    o_.pt(tip).ch(' ').pt(l).ch(' ').pt(r).ch(' ').pt(tip).raw("\"/>\n");
  }

  /// A straight line between two cards, clipped to their boxes, with an optional arrowhead and label.
  void straight(Vertex s, Vertex t, const std::string& colour, double width, const char* dash, bool arrow,
                const std::string& label) {
    const Point cs = layout_.centre[s], ct = layout_.centre[t];
    const Point a = leave_box(cs, layout_.size[s], ct), b = leave_box(ct, layout_.size[t], cs);
    line(std::vector<Point>{a, b}, colour, width, dash, arrow);
    if (!label.empty())
      o_.raw("<text text-anchor=\"middle\" x=\"").num((a.x + b.x) / 2).raw("\" y=\"").y((a.y + b.y) / 2 - 3)
          .raw("\" font-size=\"12\"").attr("fill", colour).ch('>').text(shorten(label, kChartTextMax)).raw("</text>\n");
  }

  void write_role(Edge e, bool along_route) {
    const OrgEdge& oe = g_.graph[e];
    const Vertex s = boost::source(e, g_.graph), t = boost::target(e, g_.graph);
    const std::string colour = oe.change == Change::kNone ? std::string(kEdgeColour) : svg::change_colour(oe.change);
    const double width = oe.change == Change::kNone ? 1.2 : 2.5;
    open_edge(e);
    if (along_route && layout_.hierarchy_route[t].size() >= 2) {
      const auto& route = layout_.hierarchy_route[t];
      polyline(route, colour, width, svg::kDotted);
      if (!oe.label.empty()) {
        // Centred just above the person's card, under the bus the routes share, in the small size (10 pt).
        const Point c = layout_.centre[t];
        o_.raw("<text text-anchor=\"middle\" x=\"").num(c.x).raw("\" y=\"").y(c.y - layout_.size[t].height / 2 - 2)
            .raw("\" font-size=\"10\"").attr("fill", colour).ch('>').text(shorten(oe.label, kChartTextMax))
            .raw("</text>\n");
      }
    } else {
      straight(s, t, colour, width, svg::kDotted, false, oe.label);
    }
    o_.raw("</g>\n");
  }

  void write_relation(Edge e) {
    const OrgEdge& oe = g_.graph[e];
    const Vertex s = boost::source(e, g_.graph), t = boost::target(e, g_.graph);
    const LayoutRelation* lr = routed_relation(oe.index);
    open_edge(e);
    if (oe.relation == svg::kDottedLine && oe.change == Change::kNone) {
      // A dotted-line manager: the org-chart convention is a plain dotted line, no label (the legend says it).
      if (lr) routed(*lr, svg::kDottedLineColour, 1.6, svg::kDotted, false, "");
      else straight(s, t, svg::kDottedLineColour, 1.6, svg::kDotted, false, "");
    } else {
      const std::string colour =
          oe.change == Change::kNone ? relation_colour(oe.relation).hex() : std::string(svg::change_colour(oe.change));
      const double width = oe.change == Change::kNone ? 1.2 : 2.5;
      if (lr) routed(*lr, colour, width, svg::kDashed, true, oe.label);
      else straight(s, t, colour, width, svg::kDashed, true, oe.label);
    }
    o_.raw("</g>\n");
  }

  /// The layout's route of relation `index` (relation_routes.hpp), or null when the layout has none for it.
  const LayoutRelation* routed_relation(std::size_t index) const {
    auto it = relation_at_.find(index);
    return it == relation_at_.end() || layout_.relations[it->second].route.size() < 2 ? nullptr
                                                                                       : &layout_.relations[it->second];
  }

  /// A relation along the layout's orthogonal route, its arrowhead at the target's border and its label in the
  /// box the router kept clear of cards, captions and other labels.
  void routed(const LayoutRelation& lr, const std::string& colour, double width, const char* dash, bool arrow,
              const std::string& label) {
    line(lr.route, colour, width, dash, arrow);
    if (!label.empty() && lr.label) {
      const Rect& b = *lr.label;
      o_.raw("<text text-anchor=\"middle\" x=\"").num(b.x + b.width / 2).raw("\" y=\"").y(b.y + b.height / 2 + 4)
          .raw("\" font-size=\"12\"").attr("fill", colour).ch('>').text(shorten(label, kChartTextMax)).raw("</text>\n");
    }
  }

  void write_card(Vertex v) {
    const OrgNode& n = g_.graph[v];
    const Point c = layout_.centre[v];
    const Size sz = layout_.size[v];
    const Rect box{c.x - sz.width / 2, c.y - sz.height / 2, sz.width, sz.height};
    o_.raw("<g id=\"").text(element_id(g_, v)).raw("\" class=\"node\">\n<title>").text(tooltip_text(g_, v));
    o_.raw("</title>\n");
    std::string text_fill;
    const KindStyle* style = nullptr;
    if (n.type == NodeType::kUnit) {
      const ColourEntry& entry = colours_.entry_of(g_.unit(v));
      style = &entry.style;
      if (n.change == Change::kNone && g_.unit(v).vacant) {
        shape(box, kWhite, style->border.hex(), 1.6, svg::kDashed);  // a vacancy: an open, dashed card
      } else if (n.change == Change::kNone) {
        // Uncertain on the chart's date: a dashed outline; else the kind's outline, the second cue in greyscale
        // print (style.hpp), as the DOT writer draws them.
        const Outline outline = colours_.by_kind() ? kind_outline(g_.unit(v).kind) : Outline::kSolid;
        const std::string fill = style->fill.hex(), border = style->border.hex();
        if (is_uncertain(g_, v)) shape(box, fill, border, 2.2, svg::kDashed);
        else if (entry.bold || outline == Outline::kThick) shape(box, fill, border, 2.6, nullptr);
        else if (outline == Outline::kDotted) shape(box, fill, border, 1.8, svg::kDotted);
        else if (outline == Outline::kThickDotted) shape(box, fill, border, 3.2, svg::kDotted);
        else shape(box, fill, border, 1.2, nullptr);
      } else {
        const bool removed = n.change == Change::kRemoved;
        shape(box, removed ? std::string(kRemovedFillColour) : style->fill.hex(), svg::change_colour(n.change), 3,
              removed ? svg::kDashed : nullptr);
      }
    } else if (n.type == NodeType::kStub) {
      shape(box, "none", kStubOutlineColour, 1.2, svg::kDashed);
      text_fill = kSmallTextColour;
    } else {
      note(box);
    }
    const auto lines = card_lines(g_, v);
    const auto picture = card_picture(g_, v);
    if (picture && style) {
      const Rect pic{box.x + kPictureInset, c.y - kPictureSize / 2, kPictureSize, kPictureSize};
      draw_picture(*picture, *style, pic);
      text_lines(lines, pic.x + pic.width + kPictureGap, false, c.y, text_fill);
    } else {
      text_lines(lines, c.x, true, c.y, text_fill);
    }
    o_.raw("</g>\n");
  }

  void shape(const Rect& box, const std::string& fill, const std::string& stroke, double width, const char* dash) {
    o_.raw("<path").attr("fill", fill).attr("stroke", stroke).attr("stroke-width", width);
    if (dash) o_.attr("stroke-dasharray", dash);
    svg::rounded_rect_path(o_, box, kCornerRadius);
    o_.raw("/>\n");
  }

  /// A person node (PeopleMode::kNodes): a note, its top-right corner folded.
  void note(const Rect& b) {
    const double f = std::min({8.0, b.width / 2, b.height / 2}), x1 = b.x + b.width, y1 = b.y + b.height;
    o_.raw("<polygon fill=\"").raw(kWhite).raw("\" stroke=\"").raw(kStubOutlineColour).raw("\" stroke-width=\"1.2\" points=\"").pt(b.x, b.y).ch(' ');
    o_.pt(x1 - f, b.y).ch(' ').pt(x1, b.y + f).ch(' ').pt(x1, y1).ch(' ').pt(b.x, y1).ch(' ').pt(b.x, b.y).raw("\"/>\n");
    o_.raw("<polyline fill=\"none\" stroke=\"").raw(kStubOutlineColour).raw("\" stroke-width=\"1.2\" points=\"").pt(x1 - f, b.y).ch(' ');
    o_.pt(x1 - f, b.y + f).ch(' ').pt(x1, b.y + f).raw("\"/>\n");
  }

  void draw_picture(const CardPicture& pic, const KindStyle& style, const Rect& r) {
    if (!pic.file.empty() && options_.shared_photos) {
      bool first = false;
      const std::string& uri = photos_.data_uri_once(pic.file, first);
      if (uri.empty()) return;  // no longer readable, or no longer an image: no picture rather than a broken one
      auto [it, fresh] = photo_ids_.try_emplace(pic.file, "photo-" + std::to_string(photo_ids_.size()));
      if (fresh) {
        o_.raw("<defs><image id=\"").raw(it->second).raw("\" xlink:href=\"").raw(uri).raw("\" width=\"").num(r.width);
        o_.raw("\" height=\"").num(r.height).raw("\" preserveAspectRatio=\"xMidYMid meet\"/></defs>\n");
      }
      o_.raw("<use xlink:href=\"#").raw(it->second).raw("\" x=\"").num(r.x).raw("\" y=\"").y(r.y).raw("\"/>\n");
      return;
    }
    if (!pic.file.empty()) {
      const std::string& uri = photos_.data_uri(pic.file);
      if (uri.empty()) return;  // no longer readable, or no longer an image: no picture rather than a broken one
      o_.raw("<image xlink:href=\"").raw(uri).raw("\" width=\"").num(r.width).raw("\" height=\"").num(r.height);
      o_.raw("\" preserveAspectRatio=\"xMidYMid meet\" x=\"").num(r.x).raw("\" y=\"").y(r.y).raw("\"/>\n");
      return;
    }
    // Initials in a round-cornered badge of the card's colours.
    o_.raw("<path").attr("fill", style.fill.hex()).attr("stroke", style.border.hex()).raw(" stroke-width=\"1\"");
    svg::rounded_rect_path(o_, Rect{r.x + 1, r.y + 1, r.width - 2, r.height - 2}, kCornerRadius);
    o_.raw("/>\n<text text-anchor=\"middle\" x=\"").num(r.x + r.width / 2).raw("\" y=\"").y(r.y + r.height / 2 + 4.2);
    o_.raw("\" font-weight=\"bold\" font-size=\"12\"").attr("fill", style.border.hex()).ch('>').text(pic.initials);
    o_.raw("</text>\n");
  }

  /// The card's lines, one <text> each, as a block centred on `cy`; centred on `x` or starting at it.
  void text_lines(const std::vector<CardLine>& lines, double x, bool centred, double cy, const std::string& fill) {
    double total = 0;
    for (const auto& l : lines) total += font_size(l);
    double y = cy - total / 2;
    for (const auto& l : lines) {
      const double size = font_size(l);
      y += size;
      o_.raw(centred ? "<text text-anchor=\"middle\" x=\"" : "<text text-anchor=\"start\" x=\"").num(x);
      o_.raw("\" y=\"").y(y - 0.28 * size).ch('"');
      std::string colour = fill;
      if (l.change != Change::kNone) {
        colour = svg::change_colour(l.change);
        o_.raw(l.change == Change::kRemoved ? " text-decoration=\"line-through\"" : " font-weight=\"bold\"");
      } else {
        switch (l.style) {
          case CardLine::Style::kName: o_.raw(" font-weight=\"bold\""); break;
          case CardLine::Style::kNative: break;
          case CardLine::Style::kDetail: colour = kDetailTextColour; break;
          case CardLine::Style::kLeader: colour = kLeaderTextColour; break;
          case CardLine::Style::kSmall: colour = kSmallTextColour; break;
          case CardLine::Style::kVacant:
            colour = kVacantTextColour;
            o_.raw(" font-style=\"italic\"");
            break;
        }
      }
      o_.raw(" font-size=\"").num(size).ch('"');
      if (!colour.empty()) o_.attr("fill", colour);
      o_.ch('>').text(l.text).raw("</text>\n");
    }
  }

  Out o_;
  const OrgGraph& g_;
  const Layout& layout_;
  const ChartHeading& heading_;
  const SvgOptions& options_;
  ColourScheme colours_;
  std::unordered_map<std::size_t, std::size_t> relation_at_;  ///< relation index -> its place in layout_.relations
  svg::PhotoEmbedder photos_;
  std::unordered_map<std::string, std::string> photo_ids_;  // shared_photos: file -> id of its <image>
};

}  // namespace

void write_svg(std::ostream& out, const OrgGraph& g, const Layout& layout, const ChartHeading& heading,
               const SvgOptions& options) {
  if (layout.empty()) throw LayoutError("our SVG writer draws a positioned chart: lay it out first (--layout org)");
  SvgWriter(out, g, layout, heading, options).write();
}

}  // namespace orgchart
