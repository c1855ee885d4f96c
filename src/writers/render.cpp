#include "orgchart/writers/render.hpp"

#include <sstream>

#include "orgchart/writers/dot_writer.hpp"
#include "orgchart/writers/graphviz.hpp"
#include "orgchart/writers/svg_writer.hpp"
#include "orgchart/writers/text.hpp"

namespace orgchart {

// measure_cards: writers/text_metrics.cpp (pango, no Graphviz pass).

std::string render_chart(const OrgGraph& g, const Layout& layout, Format format, const RenderOptions& options) {
  std::ostringstream dot;
  write_dot(dot, g, layout, DotOptions{});
  const std::string engine = layout.empty() ? options.engine : "nop2";
  switch (format) {
    case Format::kSvg: return make_report_ready_svg(graphviz_render(dot.str(), engine, "svg"), g);
    case Format::kPng: return graphviz_render(dot.str(), engine, "png", options.dpi);
    case Format::kPdf: {
      // Cairo 1.16 stamps the current time (and ignores SOURCE_DATE_EPOCH). Overwrite the 14 digits in place
      // so that the same input gives the same bytes; the length, and so every xref offset, stays the same.
      std::string pdf = graphviz_render(dot.str(), engine, "pdf");
      const std::string key = "/CreationDate (D:";
      if (auto p = pdf.find(key); p != std::string::npos && p + key.size() + 14 <= pdf.size())
        pdf.replace(p + key.size(), 14, "20000101000000");
      return pdf;
    }
    default: break;
  }
  throw LayoutError(std::string("format '") + format_info(format).name + "' is not drawn by Graphviz");
}

}  // namespace orgchart
