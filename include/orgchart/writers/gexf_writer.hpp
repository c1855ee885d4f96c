#pragma once
/// GEXF 1.3 (gexf.net/1.3) for Gephi, Gephi Lite (graphology-gexf) and NetworkX: typed node and edge
/// attributes, viz:position/size/color from the layout, and the relation in each edge's `kind`, so that
/// Gephi keeps a parent edge and an affiliation edge between the same two units apart.
#include <ostream>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"

namespace orgchart {

struct GexfOptions {
  /// viz:position/size/color on nodes, viz:color/shape on edges (false: structure and attributes only).
  bool viz = true;
};

/// Writes every vertex (id `n<k>`, the data id in attribute `unit_id`) and edge (id `e<k>`, kind = relation)
/// with every attribute value explicit. Positions are box centres with y up (Gephi's); with an empty layout
/// no viz:position is written, so Gephi places the nodes itself. No date in <meta>: the same input gives
/// the same bytes. Validates against the GEXF 1.3 RELAX NG schema (gexf.rng with viz.rng).
void write_gexf(std::ostream& out, const OrgGraph& g, const Layout& layout, const GexfOptions& options = {});

}  // namespace orgchart
