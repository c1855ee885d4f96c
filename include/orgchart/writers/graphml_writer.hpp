#pragma once
/// GraphML for Gephi, yEd, NetworkX, igraph and Boost: typed keys with the exact names Gephi matches
/// (label, x, y, size, r, g, b, weight), node ids that are NMTOKENs (the data id is in `unit_id`), and
/// optionally yEd graphics in the same file.
#include <ostream>

#include "orgchart/graph/attributes.hpp"  // node_importance
#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"

namespace orgchart {

enum class GraphmlDialect {
  kYed,    ///< with y:ShapeNode / y:PolyLineEdge graphics (validates against graphml+yfiles-lax.xsd)
  kPlain,  ///< GraphML only (validates against graphml.xsd)
};

struct GraphmlOptions {
  GraphmlDialect dialect = GraphmlDialect::kYed;
};

/// Writes every vertex and edge with every value explicit (no reliance on <default>). Positions come from
/// `layout` (box centres, y up for Gephi; yEd geometry top-left, y down); zeros when the layout is empty.
/// The graph carries `title`, `description` and `sources` (the source records as a JSON list), so that our
/// GraphML reader gets the model back whole; each name in units' and relations' `attributes` gets a string
/// key of its own (`n_x_<name>`, `e_x_<name>`, escaped to an NMTOKEN; `attr.name` exact, which the plain
/// schema accepts only when the name is an NMTOKEN itself), except names our own keys already have.
void write_graphml(std::ostream& out, const OrgGraph& g, const Layout& layout, const GraphmlOptions& options = {});

}  // namespace orgchart
