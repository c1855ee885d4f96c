#include "orgchart/writers/render.hpp"

#include <sstream>

#include "orgchart/writers/chart_heading.hpp"
#include "orgchart/writers/dot_writer.hpp"
#include "orgchart/writers/graphviz.hpp"
#include "orgchart/writers/graphviz_svg.hpp"
#include "orgchart/writers/svg_raster.hpp"
#include "orgchart/writers/svg_writer.hpp"
#include "orgchart/writers/text.hpp"

namespace orgchart {

// measure_cards: writers/text_metrics.cpp (pango, no Graphviz pass).

namespace {

/// Cairo 1.16 stamps the current time into a PDF (and ignores SOURCE_DATE_EPOCH). Overwrite the 14 digits in place
/// so that the same input gives the same bytes; the length, and so every xref offset, stays the same.
void fix_pdf_date(std::string& pdf) {
  const std::string key = "/CreationDate (D:";
  if (auto p = pdf.find(key); p != std::string::npos && p + key.size() + 14 <= pdf.size())
    pdf.replace(p + key.size(), 14, "20000101000000");
}

/// One line of a Graphviz label set through cgraph (no DOT quoting): entities for & < > so that Graphviz draws
/// them literally, and a word joiner after every backslash so that no \N, \G, ... forms (see kWordJoiner).
std::string graphviz_label_line(const std::string& s) {
  std::string out;
  for (char c : clean_text(s)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\\': out += "\\"; out += kWordJoiner; break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

/// Graphviz's own layouts: the heading as an HTML-like graph label, the date line smaller and grey under the
/// title as in our SVG (the DOT file keeps the title alone).
GraphvizAttribute graphviz_label(const ChartHeading& h) {
  std::string label;
  if (!h.title.empty()) label = graphviz_label_line(h.title);
  if (!h.date_line.empty())
    label += std::string(label.empty() ? "" : "<BR/>") + "<FONT POINT-SIZE=\"12\" COLOR=\"" + std::string(kDetailTextColour) + "\">" +
             graphviz_label_line(h.date_line) + "</FONT>";
  return {"label", label, !label.empty()};
}

}  // namespace

void render_chart(std::ostream& out, const OrgGraph& g, const Layout& layout, Format format,
                  const RenderOptions& options) {
  if (format != Format::kSvg && format != Format::kPng && format != Format::kPdf)
    throw LayoutError(std::string("format '") + format_info(format).name + "' is not a drawing");
  const ChartHeading heading = chart_heading(g, options.as_of);
  if (!layout.empty()) {
    if (format == Format::kSvg) return write_svg(out, g, layout, heading);
    // The SVG's size is the layout's bounds (write_svg): refuse a bitmap too large before writing and parsing an SVG
    // of the whole chart (100k units: 12 s and 1.9 GB before the refusal, otherwise).
    if (format == Format::kPng) check_bitmap_size(layout.bounds.width, layout.bounds.height, options.dpi > 0 ? options.dpi : 96);
    std::ostringstream svg;
    write_svg(svg, g, layout, heading, SvgOptions{.shared_photos = true});
    rasterize_svg(out, svg.view(), format == Format::kPng ? RasterFormat::kPng : RasterFormat::kPdf, options.dpi);
    return;
  }
  std::ostringstream dot;
  write_dot(dot, g, layout, DotOptions{});
  const GraphvizAttributes graph_attributes{graphviz_label(heading)};
  switch (format) {
    case Format::kSvg:
      out << make_report_ready_svg(graphviz_render(dot.str(), options.engine, "svg", 0, graph_attributes), g);
      break;
    case Format::kPng: out << graphviz_render(dot.str(), options.engine, "png", options.dpi, graph_attributes); break;
    default: {
      std::string pdf = graphviz_render(dot.str(), options.engine, "pdf", 0, graph_attributes);
      fix_pdf_date(pdf);
      out << pdf;
    }
  }
}

std::string render_chart(const OrgGraph& g, const Layout& layout, Format format, const RenderOptions& options) {
  std::ostringstream out;
  render_chart(out, g, layout, format, options);
  return std::move(out).str();
}

}  // namespace orgchart
