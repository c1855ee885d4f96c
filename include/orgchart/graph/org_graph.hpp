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
  bool uncertain = false;  ///< the role may or may not hold on the chart's date (Role::uncertain)
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

  // Typed accessors: what writers ask of a vertex or an edge, answered in one place (org_graph.cpp, at its end).
  /// The vertex `v` is drawn below (`children` holds the tree; this is its inverse), nullopt for a root.
  std::optional<Vertex> drawn_parent(Vertex v) const;
  /// What is drawn below `v`, in file order.
  const std::vector<Vertex>& drawn_children(Vertex v) const { return children[v]; }
  /// The relation a kRelation edge draws; null for hierarchy and role edges.
  const Relation* relation(Edge e) const;
  /// The role a kRole edge stands for; null for hierarchy and relation edges.
  const Role* role(Edge e) const;
  /// When an edge's fact holds (its relation's or role's validity); null for hierarchy edges.
  const Validity* validity(Edge e) const;
  /// When a vertex's fact holds: a unit's validity; null for people and stubs.
  const Validity* validity(Vertex v) const;
  /// "unit", "person" or "stub".
  const char* node_type_name(Vertex v) const;
  /// A unit's kind; "person" or "stub" for the other vertices.
  std::string kind_of(Vertex v) const;
  /// The name a vertex is shown by: the unit's or person's name, "+N units" for a stub.
  std::string display_name(Vertex v) const;
  /// The unit `v` stands for (a unit vertex, or the unit whose hidden children a stub stands for).
  const Unit* unit_of(Vertex v) const { return graph[v].type == NodeType::kPerson ? nullptr : &model.units[graph[v].index]; }

  /// Inverse of `children`, filled by build_graph (Graph::null_vertex() for roots).
  std::vector<Vertex> parents;
};

/// Builds the graph. Throws UsageError for an unknown `root`. O(n + m); no recursion on depth.
OrgGraph build_graph(const OrgModel& model, const GraphOptions& options = {});
/// As above, taking the model's units rather than copying them (peak memory: one model, not two).
OrgGraph build_graph(OrgModel&& model, const GraphOptions& options = {});

}  // namespace orgchart
