#pragma once
/// Internal to the SVG writer: the legend, drawn into the rectangle the layout gave it.
#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/geometry.hpp"
#include "orgchart/writers/style.hpp"
#include "svg_out.hpp"

namespace orgchart::svg {

// The change and dotted-line colours are style's (one table for every format); named here too for the SVG code.
using orgchart::change_colour;
using orgchart::kAddedColour;
using orgchart::kChangedColour;
using orgchart::kDottedLine;
using orgchart::kDottedLineColour;
using orgchart::kRemovedColour;
inline constexpr const char* kDashed = "5,2";
inline constexpr const char* kDotted = "1,5";

/// `<g id="legend" class="node">` with what the chart uses (the same rows as the DOT legend, legend_label):
/// colour values, vacancy, hierarchy, dotted-line manager, relations by label, and the diff marks. Swatches are
/// drawn shapes (no glyphs), so every row's text starts at one column and fits the measured width.
void write_legend(Out& o, const OrgGraph& g, const ColourScheme& colours, const Rect& rect);

}  // namespace orgchart::svg
