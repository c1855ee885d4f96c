#pragma once
/// `--pages` to PDF: every page's SVG drawn by librsvg onto one cairo PDF document, A4 (or the paper asked for)
/// per page, with "continued on p. N", "from ..., p. M" and reference cards as links to their pages, and an
/// outline (bookmarks) of the pages.
#include <string>

#include "orgchart/writers/paged_chart.hpp"

namespace orgchart {

/// The drawing of each page, scaled by page_scale() and centred on the paper; throws LayoutError when librsvg or
/// cairo fails. Deterministic: the creation date is fixed.
std::string write_paged_pdf(const PagedChart& chart);

/// One page's SVG, as every other chart is drawn (render_chart).
std::string render_page_svg(const ChartPage& page);

}  // namespace orgchart
