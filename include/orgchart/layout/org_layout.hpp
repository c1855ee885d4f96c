#pragma once
/// `--layout org`: the tidy-tree layout of the hierarchy (see tree_layout.hpp) applied to an OrgGraph.
/// Relations are not looked at: they are drawn afterwards as an overlay and move nothing.
#include <string>
#include <vector>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/layout/tree_layout.hpp"

namespace orgchart {

/// A target page in points; landscape when wider than tall.
struct PageSize {
  double width = 842, height = 595;
};

/// `a4-landscape`, `a4`, `a3-landscape`, `a3`, `letter`, `letter-landscape`, or `WxH` in points
/// (`WxHmm`, `WxHin` also accepted); nullopt when malformed.
std::optional<PageSize> parse_page(const std::string& text);

struct OrgLayoutOptions {
  TreeLayoutOptions tree;
  double margin = 18;        ///< around the drawing (pt)
  double title_height = 0;   ///< space kept above the drawing for the chart title (pt)
  double title_width = 0;    ///< the title's width (pt): the drawing is at least this wide, so the title fits
};

/// Lays out every vertex with its measured size (`sizes[v]`, points). Sibling order is the data's;
/// children with a `group` form labelled blocks. A non-empty `legend` is placed like one more root, after the
/// others, and reported in Layout::legend. O(n log n); no recursion.
Layout org_layout(const OrgGraph& g, const std::vector<Size>& sizes, const OrgLayoutOptions& options = {},
                  Size legend = {});

}  // namespace orgchart
