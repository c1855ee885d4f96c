#pragma once
// Internal to the writers: what every writer of a whole chart (DOT, GraphML, GEXF) reads.
#include <ostream>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/writers/style.hpp"

namespace orgchart::detail {

/// The stream written to, the graph and its layout, the format's options, and the colours of the drawn chart
/// (so that every format colours a card alike). A format's writer derives from it and inherits its constructor.
template <typename Options>
class ChartWriter {
 public:
  ChartWriter(std::ostream& out, const OrgGraph& g, const Layout& layout, const Options& options)
      : out_(out), g_(g), layout_(layout), options_(options), colours_(g.model, g.color_by) {}

 protected:
  std::ostream& out_;
  const OrgGraph& g_;
  const Layout& layout_;
  const Options& options_;
  ColourScheme colours_;
};

}  // namespace orgchart::detail
