#pragma once
// Internal to the writers: what every writer of a whole chart (DOT, GraphML, GEXF) reads.
#include <ostream>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/writers/style.hpp"

namespace orgchart::detail {

/// The stream written to, the graph and its layout, and the colours of the drawn chart (so that every format
/// colours a card alike). A format's writer derives from it and adds its options.
class ChartWriter {
 protected:
  ChartWriter(std::ostream& out, const OrgGraph& g, const Layout& layout)
      : out_(out), g_(g), layout_(layout), colours_(g.model, g.color_by) {}

  std::ostream& out_;
  const OrgGraph& g_;
  const Layout& layout_;
  ColourScheme colours_;
};

}  // namespace orgchart::detail
