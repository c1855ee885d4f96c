#pragma once
/// JSON for web components: a flat node list with `id`/`parentId` and one root as d3-org-chart, d3.stratify and
/// d3-flextree read it, the relations as d3-org-chart's `connections` (`from`, `to`, `label`), every edge as
/// `links` for force layouts (d3-force `source`/`target` by id), and the sources cited.
#include <ostream>
#include <string>
#include <string_view>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/writers/escape.hpp"  // json_quote

namespace orgchart {

/// The id of the synthetic root (a ':' is never in a unit id, so it cannot collide with one).
inline constexpr const char* kJsonRootId = "orgchart:root";

struct JsonOptions {
  /// d3-org-chart (and d3.stratify) need exactly one node with `"parentId": null`. When the chart has several
  /// roots (or none: an empty chart), true adds a first node `{"id": "orgchart:root", "kind": "root",
  /// "depth": -1, ...}` named after the title and makes it the parent of every root; false leaves several
  /// roots, each with a null parentId. A chart with one root (e.g. drawn with --root) never gets one.
  bool single_root = true;
};

/// Writes `{"title", "description", "width", "height", "nodes", "connections", "links", "sources"}` with keys
/// in a fixed order, one node or link per line. `id` is the data id; `parentId` the vertex the chart draws it
/// under (units: the parent unit; stubs; people below the unit of their first role, `role` its title), null
/// for the root. `connections` are the edges the tree does not draw: relations (`label` the relation's label,
/// else its kind) and a person's further roles; `links` are all edges of the graph, hierarchy included. In a
/// diff chart nodes and connections also carry `change`: "added", "removed", "changed" or "". `x`, `y` are box centres in points with
/// y DOWN as on screen (the layout's own frame, unlike GEXF/GraphML for Gephi); they, `width` and `height`
/// are null when the layout is empty. Text is always a string ("" when absent). Strings are cleaned
/// (clean_text) and escaped HTML-safe: control characters, < > & and U+2028/U+2029 as \uXXXX, so the JSON
/// can go inside an HTML <script> element as it is.
void write_json(std::ostream& out, const OrgGraph& g, const Layout& layout, const JsonOptions& options = {});


}  // namespace orgchart
