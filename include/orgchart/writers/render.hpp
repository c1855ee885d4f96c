#pragma once
/// Drawn formats (SVG, PNG, PDF): our DOT handed to Graphviz in-process, so every drawing and the DOT file
/// agree, and node sizes come from the renderer's own font metrics.
#include <string>
#include <vector>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/writers/format.hpp"

namespace orgchart {

struct RenderOptions {
  std::string engine = "dot";  ///< Graphviz engine when the layout is empty ("dot", "twopi", ...)
  double dpi = 96;             ///< PNG resolution
};

struct CardSizes {
  std::vector<Size> cards;  ///< per vertex (points)
  Size legend;
};

/// The size of every vertex's card and of the legend as Graphviz will draw them (points). One Graphviz pass.
CardSizes measure_cards(const OrgGraph& g);

/// Renders `format` (SVG, PNG or PDF). A non-empty layout is drawn as is (Graphviz's "nop2", like
/// `neato -n2`); an empty one is laid out by `options.engine`. SVG is made report-ready (see svg_writer.hpp).
std::string render_chart(const OrgGraph& g, const Layout& layout, Format format, const RenderOptions& options = {});

}  // namespace orgchart
