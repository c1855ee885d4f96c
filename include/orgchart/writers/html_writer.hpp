#pragma once
/// Interactive HTML: one self-contained page (inline script and style, nothing from the network, works from
/// file://) with the chart's SVG, pan and zoom, search that highlights a unit and its chain to the root,
/// collapse and expand of subtrees, and a tooltip per box.
#include <ostream>
#include <string_view>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/writers/render.hpp"

namespace orgchart {

struct HtmlOptions {
  RenderOptions render;  ///< how the embedded SVG is drawn (render_chart with Format::kSvg)
};

/// Draws the chart as SVG (render_chart) and writes the page around it (write_html_page).
void write_html(std::ostream& out, const OrgGraph& g, const Layout& layout, const HtmlOptions& options = {});

/// The page around an SVG drawn for `g`: the SVG inline (XML declaration dropped), a JSON map in
/// `<script type="application/json" id="oc-data">` from each node group's id (element_id) to its data `id`,
/// `parent`, `children`, `name`, `nativeName`, `abbreviations`, `kind`, `tooltip`, and from each edge group's id
/// to its `from`, `to` and whether it is a `tree` link; then the script and style of src/writers/html/. Text
/// from data is escaped for where it goes (HTML text, JSON inside <script>); a Content-Security-Policy allows
/// only that one script (by its SHA-256) and no network access at all.
void write_html_page(std::ostream& out, const OrgGraph& g, std::string_view svg);

}  // namespace orgchart
