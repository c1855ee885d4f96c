#pragma once
/// Internal to the SVG writer: the legend, drawn into the rectangle the layout gave it.
#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/geometry.hpp"
#include "orgchart/writers/style.hpp"
#include "svg_out.hpp"

namespace orgchart::svg {

inline constexpr const char* kAddedColour = "#1a7f37";
inline constexpr const char* kRemovedColour = "#cf222e";
inline constexpr const char* kChangedColour = "#bf5700";
inline constexpr const char* kDottedLineColour = "#5a6b8c";
inline constexpr const char* kDottedLine = "dotted-line";  ///< the relation kind of a dotted-line (matrix) manager
inline constexpr const char* kDashed = "5,2";
inline constexpr const char* kDotted = "1,5";

inline const char* change_colour(Change c) {
  return c == Change::kAdded ? kAddedColour : c == Change::kRemoved ? kRemovedColour : kChangedColour;
}

/// `<g id="legend" class="node">` with what the chart uses (the same rows as the DOT legend, legend_label):
/// colour values, vacancy, hierarchy, dotted-line manager, relations by label, and the diff marks. Swatches are
/// drawn shapes (no glyphs), so every row's text starts at one column and fits the measured width.
void write_legend(Out& o, const OrgGraph& g, const ColourScheme& colours, const Rect& rect);

}  // namespace orgchart::svg
