#pragma once
/// The one graph every layout and writer reads: units (and optionally people) as vertices, hierarchy,
/// relation and role links as typed edges, in a Boost.Graph adjacency_list with bundled properties.
#include <boost/graph/adjacency_list.hpp>
#include <optional>
#include <string>
#include <vector>

#include "orgchart/model/diff.hpp"
#include "orgchart/model/org.hpp"

namespace orgchart {

enum class NodeType { kUnit, kPerson, kStub };
enum class EdgeType { kHierarchy, kRelation, kRole };
enum class PeopleMode { kInline, kNodes, kNone };

/// A leader shown inside a unit's card ("Head: Liu Haixing").
struct Leader {
  std::string title, name, role;
  std::vector<std::string> sources;
  Change change = Change::kNone;  ///< in a diff chart: took (added) or left (removed) the role
};

struct OrgNode {
  NodeType type = NodeType::kUnit;
  std::string id;               ///< the data id (unit id; `person:<n>` for people; `<parent>+more` for stubs)
  std::size_t index = 0;        ///< into OrgGraph::model.units (kUnit) or .people (kPerson)
  int depth = 0;                ///< hierarchy depth, roots 0
  std::size_t subtree_size = 1; ///< units in the subtree rooted here (itself included); for stubs the hidden count
  /// Headcount of a unit on the chart's date, whatever --depth hides: its child units (direct reports,
  /// assistants included) and every unit below it (subtree_size - 1). 0 for people and stubs.
  std::size_t direct_reports = 0, total_reports = 0;
  std::vector<Leader> leaders;  ///< PeopleMode::kInline only
  Change change = Change::kNone;  ///< in a diff chart: added, removed, or changed (renamed, moved, leaders)
};

struct OrgEdge {
  EdgeType type = EdgeType::kHierarchy;
  std::string relation;         ///< "parent", "role" or the relation kind
  std::size_t index = 0;        ///< into model.relations (kRelation) or the person's roles (kRole)
  std::string label;            ///< relation label or role title; empty for hierarchy
  Change change = Change::kNone;  ///< in a diff chart
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, OrgNode, OrgEdge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

struct GraphOptions {
  std::optional<Date> as_of;   ///< nullopt: the latest state
  std::string root;            ///< non-empty: only this unit's subtree
  int depth = -1;              ///< >= 0: units deeper than this below the roots collapse into a "+N units" stub
  PeopleMode people = PeopleMode::kInline;
  bool headcount = false;      ///< cards say "N direct / M total"; outputs carry direct_reports/total_reports
  std::string color_by;        ///< the unit field or attribute that colours the cards; "" = kind
};

/// The graph together with the (snapshotted) model its vertices point into.
struct OrgGraph {
  OrgModel model;
  Graph graph;
  std::vector<Vertex> roots;                   ///< hierarchy roots in file order
  /// per vertex: what is drawn below it in file order: child units, a stub, people (PeopleMode::kNodes)
  std::vector<std::vector<Vertex>> children;
  bool is_diff = false;  ///< a diff chart: changes are marked and explained in the legend
  bool headcount = false;  ///< GraphOptions::headcount
  std::string color_by;    ///< GraphOptions::color_by

  const Unit& unit(Vertex v) const { return model.units[graph[v].index]; }
  const Person& person(Vertex v) const { return model.people[graph[v].index]; }
  /// Sources cited for a vertex (unit or person roles), deduplicated in citation order.
  std::vector<std::string> sources_of(Vertex v) const;
  std::vector<std::string> sources_of(Edge e) const;
};

/// Builds the graph. Throws UsageError for an unknown `root`. O(n + m); no recursion on depth.
OrgGraph build_graph(const OrgModel& model, const GraphOptions& options = {});
/// As above, taking the model's units rather than copying them (peak memory: one model, not two).
OrgGraph build_graph(OrgModel&& model, const GraphOptions& options = {});

}  // namespace orgchart
