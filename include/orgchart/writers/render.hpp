#pragma once
/// Drawn formats (SVG, PNG, PDF). A positioned chart (`--layout org`) is drawn by our SVG writer, and its PNG and
/// PDF are that SVG rendered by librsvg, so the three are one drawing. Graphviz's own layouts (`--layout dot|twopi`)
/// are drawn by Graphviz in-process and its SVG made report-ready (graphviz_svg.hpp). Node sizes come from the
/// renderer's own font metrics.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/writers/format.hpp"

namespace orgchart {

struct RenderOptions {
  std::string engine = "dot";  ///< Graphviz engine when the layout is empty ("dot", "twopi", ...)
  double dpi = 96;             ///< PNG resolution
  std::optional<Date> as_of;   ///< the chart's date (nullopt: the latest state), said under the title
};

struct CardSizes {
  std::vector<Size> cards;  ///< per vertex (points)
  Size legend;
};

/// The size of every vertex's card and of the legend as Graphviz will draw them (points). One Graphviz pass.
CardSizes measure_cards(const OrgGraph& g);

/// Renders `format` (SVG, PNG or PDF) to `out`. A non-empty layout is drawn as is by our SVG writer (PNG and PDF
/// through librsvg); an empty one is laid out and drawn by Graphviz's `options.engine`. Throws LayoutError, e.g. for
/// a PNG larger than a bitmap can hold (the message names SVG, PDF, --dpi and --root instead).
void render_chart(std::ostream& out, const OrgGraph& g, const Layout& layout, Format format,
                  const RenderOptions& options = {});
std::string render_chart(const OrgGraph& g, const Layout& layout, Format format, const RenderOptions& options = {});

}  // namespace orgchart
