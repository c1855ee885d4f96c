#include "orgchart/graph/diff_graph.hpp"

#include <map>
#include <set>
#include <tuple>

namespace orgchart {

OrgGraph build_diff_graph(const OrgModel& before, const OrgModel& after, const GraphOptions& options) {
  const OrgDiff d = diff_models(before, after);
  GraphOptions o = options;
  o.as_of.reset();  // the merged model holds only facts of the two states, all valid
  OrgGraph g = build_graph(merge_states(before, after), o);
  g.is_diff = true;

  std::map<std::string, Change> unit_change, parent_change;
  for (const auto& u : d.units)
    if (u.kind != UnitDiff::Kind::kRenamed)
      parent_change[u.id] = u.kind == UnitDiff::Kind::kAdded     ? Change::kAdded
                            : u.kind == UnitDiff::Kind::kRemoved ? Change::kRemoved
                                                                 : Change::kChanged;
  for (const auto& u : d.units)
    unit_change[u.id] = u.kind == UnitDiff::Kind::kAdded     ? Change::kAdded
                        : u.kind == UnitDiff::Kind::kRemoved ? Change::kRemoved
                                                             : Change::kChanged;
  std::map<std::tuple<std::string, std::string, std::string>, Change> role_change;  // person, unit, role
  for (const auto& r : d.roles)
    role_change[{r.person, r.unit, r.role}] = r.kind == RoleDiff::Kind::kTook ? Change::kAdded : Change::kRemoved;
  std::map<std::tuple<std::string, std::string, std::string>, Change> relation_change;
  for (const auto& r : d.relations)
    relation_change[{r.unit, r.relation, r.target}] = r.kind == RelationDiff::Kind::kAdded ? Change::kAdded : Change::kRemoved;

  for (auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
    OrgNode& n = g.graph[v];
    if (n.type == NodeType::kUnit) {
      if (auto it = unit_change.find(n.id); it != unit_change.end()) n.change = it->second;
      for (auto& l : n.leaders) {
        auto it = role_change.find({l.name, n.id, l.role});
        if (it == role_change.end()) continue;
        l.change = it->second;
        if (n.change == Change::kNone) n.change = Change::kChanged;
      }
    } else if (n.type == NodeType::kPerson) {
      for (const auto& r : g.person(v).roles)
        if (auto it = role_change.find({g.person(v).name, r.unit, r.role}); it != role_change.end()) n.change = it->second;
    }
  }
  for (auto e : boost::make_iterator_range(boost::edges(g.graph))) {
    OrgEdge& oe = g.graph[e];
    const Vertex s = boost::source(e, g.graph), t = boost::target(e, g.graph);
    if (oe.type == EdgeType::kRelation) {
      if (auto it = relation_change.find({g.graph[s].id, oe.relation, g.graph[t].id}); it != relation_change.end())
        oe.change = it->second;
    } else if (oe.type == EdgeType::kHierarchy) {
      // A unit that was added, removed or moved brings its parent link along.
      if (auto it = parent_change.find(g.graph[t].id); it != parent_change.end()) oe.change = it->second;
    } else if (oe.type == EdgeType::kRole) {
      const Role& r = g.person(t).roles[oe.index];
      if (auto it = role_change.find({g.person(t).name, r.unit, r.role}); it != role_change.end()) oe.change = it->second;
    }
  }
  return g;
}

}  // namespace orgchart
