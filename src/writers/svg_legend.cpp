#include "svg_legend.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "orgchart/writers/card.hpp"
#include "orgchart/writers/legend.hpp"
#include "orgchart/writers/text.hpp"

namespace orgchart::svg {

namespace {

/// One row: a swatch (a box, a line, or none) and its text.
struct Row {
  enum class Swatch { kNone, kBox, kLine } swatch = Swatch::kNone;
  std::string text;
  bool heading = false, italic = false, arrow = false, struck = false;
  std::string fill = "none", stroke, dash;
  double stroke_width = 1;
  std::string text_fill;
};

std::vector<Row> legend_rows(const OrgGraph& g, const ColourScheme& colours) {
  auto [values, relations, relation_colours, hierarchy, vacancy, dotted, uncertain] = legend_content(g, colours);
  std::vector<Row> rows;
  auto add = [&rows](Row::Swatch swatch, std::string text, std::string stroke = {}, double width = 1.2,
                     const char* dash = "") -> Row& {
    Row& r = rows.emplace_back();
    r.swatch = swatch;
    r.text = std::move(text);
    r.stroke = std::move(stroke);
    r.stroke_width = width;
    r.dash = dash;
    return r;
  };
  add(Row::Swatch::kNone, "Legend").heading = true;
  if (!colours.by_kind()) add(Row::Swatch::kNone, "colour: " + colours.column()).italic = true;
  for (const auto& entry : colours.entries()) {
    if (!values.count(entry.value)) continue;
    // The kind's outline (style.hpp), the second cue in greyscale print, as on its cards.
    const Outline outline = colours.by_kind() ? kind_outline(entry.value) : Outline::kSolid;
    const bool thick = entry.bold || outline == Outline::kThick || outline == Outline::kThickDotted;
    const bool dots = outline == Outline::kDotted || outline == Outline::kThickDotted;
    add(Row::Swatch::kBox, entry.value.empty() ? std::string("(none)") : entry.value, entry.style.border.hex(),
        thick ? 2.6 : 1.2, dots ? kDotted : "")
        .fill = entry.style.fill.hex();
  }
  if (vacancy) add(Row::Swatch::kBox, "vacancy (dashed)", kVacancyOutlineColour, 1.6, kDashed).fill = kWhite;
  if (uncertain)
    add(Row::Swatch::kBox, "uncertain on this date (dashed, (?) after a name)", kUncertainOutlineColour, 1.6, kDashed).fill = kWhite;
  if (hierarchy) add(Row::Swatch::kLine, "reports to (hierarchy)", kEdgeColour);
  if (dotted) add(Row::Swatch::kLine, "dotted-line manager", kDottedLineColour, 1.6, kDotted);
  for (const auto& rel : relations)
    add(Row::Swatch::kLine, shorten(rel, kChartTextMax) + " (relation)", relation_colours[rel], 1.2, kDashed).arrow = true;
  if (g.is_diff) {
    Row& added = add(Row::Swatch::kBox, "added / took the role", kAddedColour, 3);
    added.fill = kWhite, added.text_fill = kAddedColour;
    Row& removed = add(Row::Swatch::kBox, "removed / left the role", kRemovedColour, 3, kDashed);
    removed.fill = kRemovedFillColour, removed.struck = true, removed.text_fill = kRemovedColour;
    Row& changed = add(Row::Swatch::kBox, "changed (renamed, moved, leaders)", kChangedColour, 3);
    changed.fill = kWhite, changed.text_fill = kChangedColour;
  }
  return rows;
}

}  // namespace

void write_legend(Out& o, const OrgGraph& g, const ColourScheme& colours, const Rect& rect) {
  const auto rows = legend_rows(g, colours);
  // The measured legend is a table: a 1-point border, 2 points between cells, each row one text line padded by 2.
  constexpr double kInset = 3, kSwatchColumn = 28, kGap = 4;
  const double pitch = (rect.height - 2 * kInset + 2) / static_cast<double>(rows.size());
  const double text_x = rect.x + kInset + kSwatchColumn + kGap;
  o.raw("<g id=\"legend\" class=\"node\">\n<title>Legend</title>\n");
  o.raw("<path fill=\"white\" stroke=\"").raw(kLegendFrameColour).raw("\" stroke-width=\"1\"");
  rounded_rect_path(o, rect, 0);
  o.raw("/>\n");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const double top = rect.y + kInset + static_cast<double>(i) * pitch, mid = top + (pitch - 2) / 2;
    const double sx0 = rect.x + kInset + 2, sx1 = sx0 + kSwatchColumn - 4;
    if (r.swatch == Row::Swatch::kBox) {
      o.raw("<path").attr("fill", r.fill).attr("stroke", r.stroke).attr("stroke-width", r.stroke_width);
      if (!r.dash.empty()) o.attr("stroke-dasharray", r.dash);
      rounded_rect_path(o, Rect{sx0, mid - 6, sx1 - sx0, 12}, 0);
      o.raw("/>\n");
    } else if (r.swatch == Row::Swatch::kLine) {
      const double end = r.arrow ? sx1 - 6 : sx1;
      o.raw("<path fill=\"none\"").attr("stroke", r.stroke).attr("stroke-width", r.stroke_width);
      if (!r.dash.empty()) o.attr("stroke-dasharray", r.dash);
      o.raw(" d=\"M").pt(sx0, mid).raw("L").pt(end, mid).raw("\"/>\n");
      if (r.arrow) {
        o.raw("<polygon").attr("fill", r.stroke).attr("stroke", r.stroke).raw(" points=\"").pt(sx1, mid).ch(' ');
        o.pt(end, mid - 3).ch(' ').pt(end, mid + 3).ch(' ').pt(sx1, mid).raw("\"/>\n");
      }
    }
    o.raw("<text");
    if (r.heading) o.raw(" text-anchor=\"middle\"").attr("x", rect.x + rect.width / 2);
    else o.raw(" text-anchor=\"start\"").attr("x", r.italic ? rect.x + kInset + 2 : text_x);
    o.raw(" y=\"").y(mid + 4).raw("\"");
    if (r.heading) o.raw(" font-weight=\"bold\"");
    if (r.italic) o.raw(" font-style=\"italic\"");
    if (r.struck) o.raw(" text-decoration=\"line-through\"");
    if (!r.text_fill.empty()) o.attr("fill", r.text_fill);
    o.raw(" font-size=\"12\">").text(r.text).raw("</text>\n");
  }
  o.raw("</g>\n");
}

}  // namespace orgchart::svg
