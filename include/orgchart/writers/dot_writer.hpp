#pragma once
/// Graphviz DOT: the chart as Graphviz draws it. Quoted strings are escaped (quotes, backslashes, newlines,
/// & < >); card labels are HTML-like labels with every text escaped as XML.
#include <ostream>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/writers/style.hpp"

namespace orgchart {

struct DotOptions {
  /// Also write data attributes (unit_id, kind, sources) that Graphviz ignores but readers of the DOT use.
  bool data_attributes = true;
  /// Card labels as HTML-like tables (false: plain text labels, one line each).
  bool html_labels = true;
  /// Write the edges (false: nodes only, as for measuring the cards).
  bool edges = true;
};

/// The legend as an HTML-like label: the unit kinds and edge styles the chart uses, and in a diff chart
/// what the change colours mean.
std::string legend_label(const OrgGraph& g);
/// As above, with the colours already worked out (each value the chart uses once, in the scheme's order).
std::string legend_label(const OrgGraph& g, const ColourScheme& colours);

/// The DOT name of the legend node (not a valid unit id, so it never collides with one).
inline constexpr const char* kLegendNode = "orgchart:legend";

/// Writes the chart. With a non-empty `layout` (from `--layout org`) every node carries `pos` (points, y up)
/// and a fixed size, every edge its route, so `neato -n2` reproduces the chart; clusters are then drawn as
/// group boxes. Without, groups become clusters and Graphviz's own engines place everything.
void write_dot(std::ostream& out, const OrgGraph& g, const Layout& layout, const DotOptions& options = {});

}  // namespace orgchart
