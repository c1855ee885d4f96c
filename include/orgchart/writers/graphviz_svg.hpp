#pragma once
/// Report-ready SVG from Graphviz's SVG (`--layout dot|twopi`), as one structured pass over the parsed document
/// (libxml2 tree): a <title> and <desc> for the chart, our own <title> tooltip per node and edge (full name, sources),
/// the <a xlink:title> wrappers unwrapped, photos embedded as data URIs, a font-family list with CJK fallbacks, and
/// nothing that embeds badly (no DOCTYPE, comments, scripts, external references).
#include <string>
#include <string_view>

#include "orgchart/graph/org_graph.hpp"

namespace orgchart {

/// Rewrites Graphviz's SVG output for `g` (which it drew). Elements keep Graphviz's ids (our element_id values).
/// Throws LayoutError when the input is not well-formed XML.
std::string make_report_ready_svg(std::string_view graphviz_svg, const OrgGraph& g);

}  // namespace orgchart
