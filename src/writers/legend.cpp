#include "orgchart/writers/legend.hpp"

#include <algorithm>

#include "orgchart/writers/card.hpp"

namespace orgchart {

LegendContent legend_content(const OrgGraph& g, const ColourScheme& colours) {
  LegendContent c;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph)))
    if (g.graph[v].type == NodeType::kUnit) {
      c.values.insert(colours.value_of(g.unit(v)));
      c.vacancy = c.vacancy || g.unit(v).vacant;
      c.uncertain = c.uncertain || is_uncertain(g, v);
    }
  for (auto e : boost::make_iterator_range(boost::edges(g.graph))) {
    const OrgEdge& oe = g.graph[e];
    if (oe.type == EdgeType::kHierarchy) c.hierarchy = true;
    else if (oe.relation == kDottedLine) c.dotted = true;
    else {
      if (std::find(c.relations.begin(), c.relations.end(), oe.label) == c.relations.end()) c.relations.push_back(oe.label);
      c.relation_colours[oe.label] = relation_colour(oe.relation).hex();
    }
  }
  return c;
}

}  // namespace orgchart
