#pragma once
/// Our own SVG of a positioned chart (`--layout org`): written from the layout we hold (boxes, card lines, routes,
/// group blocks, legend, heading) straight to a stream, in the look of Graphviz's drawing of our DOT and with its
/// element ids (card.hpp element_id: `v<k>` cards, `h<k>` hierarchy edges, `r<k>` relations, `g<k>` group blocks,
/// `legend`), so readers of either find the same things. Report-ready: a <title> and <desc> for the chart, a <title>
/// tooltip per element, every data text escaped, fonts with CJK fallbacks, photos embedded as data URIs, and nothing
/// that embeds badly (no scripts, no external references, no foreignObject).
#include <ostream>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/writers/chart_heading.hpp"

namespace orgchart {

struct SvgOptions {
  /// Each photo embedded once (an <image> in <defs>) and shown by <use> in every card that has it, instead of in
  /// each card: for the SVG handed to librsvg for PNG and PDF, where many cards may show one large photo.
  bool shared_photos = false;
};

/// Writes the SVG of `g` drawn at `layout` (non-empty). Linear in the chart's size; memory beyond the output
/// buffer is per element. Throws LayoutError for an empty layout or when embedded photos pass their limit
/// (svg_photo.hpp: 64 MB of base64).
void write_svg(std::ostream& out, const OrgGraph& g, const Layout& layout, const ChartHeading& heading,
               const SvgOptions& options = {});

/// The font-family value written into SVG text.
inline constexpr const char* kSvgFontFamily =
    "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
    "'Hiragino Sans GB',Arial,sans-serif";

}  // namespace orgchart
