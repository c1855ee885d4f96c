#pragma once
/// The one place that talks to Graphviz's C API (cgraph + gvc): DOT text in, rendered bytes out.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "orgchart/layout/geometry.hpp"

namespace orgchart {

/// Reads `dot` with cgraph, lays it out with `engine` ("dot", "twopi", ... or "nop2" for pinned positions,
/// as `neato -n2` does) and renders `format` ("svg", "png", "pdf", "dot", ...) in memory.
/// `dpi` > 0 sets the raster resolution. Throws LayoutError with Graphviz's own message on failure, and for a
/// PNG larger than a bitmap can hold (32767 pixels a side, 100 million in all), naming the alternatives.
/// An attribute set on the root graph before layout (e.g. the label with the chart's date); `html`: the value is
/// an HTML-like label body (Graphviz's `<...>` form, without the outer brackets).
struct GraphvizAttribute {
  std::string name, value;
  bool html = false;
};
using GraphvizAttributes = std::vector<GraphvizAttribute>;
std::string graphviz_render(const std::string& dot, const std::string& engine, const std::string& format,
                            double dpi = 0, const GraphvizAttributes& graph_attributes = {});

/// The size (points) Graphviz gives each node of `dot` from its label and the renderer's font metrics,
/// keyed by node name. Linear in the number of nodes (no layout is run; edges are ignored).
std::map<std::string, Size> graphviz_node_sizes(const std::string& dot);

/// True when Graphviz can render `format` here (its plugin registry lists it).
bool graphviz_has_format(const std::string& format);

}  // namespace orgchart
