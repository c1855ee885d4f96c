#pragma once
/// Report-ready SVG from Graphviz's SVG: a <title> and <desc> for the chart, a <title> tooltip per unit
/// (full name, sources), a font-family list with CJK fallbacks, and nothing that embeds badly (no scripts,
/// no external references, no foreignObject).
#include <string>

#include "orgchart/graph/org_graph.hpp"

namespace orgchart {

/// Rewrites Graphviz's SVG output for `g` (which it drew). Ids are deterministic: `v<vertex>` per card.
std::string make_report_ready_svg(const std::string& graphviz_svg, const OrgGraph& g);

/// The font-family value written into SVG text.
inline constexpr const char* kSvgFontFamily =
    "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
    "'Hiragino Sans GB',Arial,sans-serif";

}  // namespace orgchart
