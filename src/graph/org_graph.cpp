#include "orgchart/graph/org_graph.hpp"

#include <algorithm>
#include <unordered_map>

#include "orgchart/model/ids.hpp"
#include "orgchart/model/validate.hpp"

namespace orgchart {

namespace {

void add_unique(std::vector<std::string>& out, const std::vector<std::string>& more) {
  for (const auto& s : more)
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
}

}  // namespace

std::vector<std::string> OrgGraph::sources_of(Vertex v) const {
  std::vector<std::string> out;
  const OrgNode& n = graph[v];
  if (n.type == NodeType::kUnit) {
    out = model.units[n.index].sources;
    for (const auto& l : n.leaders) add_unique(out, l.sources);
  } else if (n.type == NodeType::kPerson) {
    for (const auto& r : model.people[n.index].roles) add_unique(out, r.sources);
  }
  return out;
}

std::vector<std::string> OrgGraph::sources_of(Edge e) const {
  const OrgEdge& oe = graph[e];
  if (oe.type == EdgeType::kRelation) return model.relations[oe.index].sources;
  const Vertex t = boost::target(e, graph);
  if (oe.type == EdgeType::kRole) return model.people[graph[t].index].roles[oe.index].sources;
  return graph[t].type == NodeType::kUnit ? model.units[graph[t].index].sources : std::vector<std::string>{};
}

namespace {
OrgGraph graph_of_snapshot(OrgModel&& snapshotted, const GraphOptions& options);
}  // namespace

OrgGraph build_graph(const OrgModel& full, const GraphOptions& options) {
  return graph_of_snapshot(snapshot(full, options.as_of), options);
}

OrgGraph build_graph(OrgModel&& full, const GraphOptions& options) {
  return graph_of_snapshot(snapshot(std::move(full), options.as_of), options);
}

namespace {

OrgGraph graph_of_snapshot(OrgModel&& snapshotted, const GraphOptions& options) {
  OrgGraph og;
  og.model = std::move(snapshotted);
  og.headcount = options.headcount;
  og.color_by = options.color_by;
  const auto& units = og.model.units;
  const std::size_t n = units.size();

  std::unordered_map<std::string, std::size_t> at;
  at.reserve(n);
  for (std::size_t i = 0; i < n; ++i) at.emplace(units[i].id, i);

  // Children lists in file order over unit indices; roots are units without a (present) parent.
  std::vector<std::vector<std::size_t>> kids(n);
  std::vector<std::size_t> tops;
  for (std::size_t i = 0; i < n; ++i) {
    auto it = units[i].parent.empty() ? at.end() : at.find(units[i].parent);
    if (it == at.end()) tops.push_back(i);
    else kids[it->second].push_back(i);
  }
  if (!options.root.empty()) {
    auto it = at.find(options.root);
    if (it == at.end()) {
      std::vector<std::string> ids;
      for (const auto& u : units) ids.push_back(u.id);
      std::string hint = did_you_mean(options.root, ids);
      throw UsageError("unknown root unit '" + options.root + "'" +
                       (hint.empty() ? std::string("; give the id of a unit in the data") : " (did you mean '" + hint + "'?)"));
    }
    tops = {it->second};
  }

  // Breadth-first from the roots: depth, kept units, and the order in which vertices are created.
  std::vector<int> depth(n, -1);
  std::vector<std::size_t> order;
  for (std::size_t r : tops) {
    depth[r] = 0;
    order.push_back(r);
  }
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::size_t u = order[i];
    if (options.depth >= 0 && depth[u] >= options.depth) continue;
    for (std::size_t c : kids[u]) {
      depth[c] = depth[u] + 1;
      order.push_back(c);
    }
  }
  // Subtree sizes over the full hierarchy below each unit, children before parents (reverse BFS order).
  std::vector<std::size_t> full_order(tops.begin(), tops.end());
  for (std::size_t i = 0; i < full_order.size(); ++i)
    for (std::size_t c : kids[full_order[i]]) full_order.push_back(c);
  std::vector<std::size_t> subtree(n, 1);
  for (std::size_t i = full_order.size(); i-- > 0;)
    for (std::size_t c : kids[full_order[i]]) subtree[full_order[i]] += subtree[c];

  // Vertices in file order (stable output), for the kept units only.
  std::vector<char> kept(n, 0);
  for (std::size_t u : order) kept[u] = 1;
  std::vector<Vertex> vertex_of(n, Graph::null_vertex());
  for (std::size_t i = 0; i < n; ++i) {
    if (!kept[i]) continue;
    OrgNode node;
    node.type = NodeType::kUnit;
    node.id = units[i].id;
    node.index = i;
    node.depth = depth[i];
    node.subtree_size = subtree[i];
    node.direct_reports = kids[i].size();
    node.total_reports = subtree[i] - 1;
    vertex_of[i] = boost::add_vertex(node, og.graph);
  }
  for (std::size_t r : tops) og.roots.push_back(vertex_of[r]);
  og.children.resize(boost::num_vertices(og.graph));

  for (std::size_t i = 0; i < n; ++i) {
    if (!kept[i]) continue;
    const Vertex v = vertex_of[i];
    std::size_t hidden = 0;
    for (std::size_t c : kids[i]) {
      if (kept[c]) {
        boost::add_edge(v, vertex_of[c], OrgEdge{EdgeType::kHierarchy, "parent", 0, ""}, og.graph);
        og.children[v].push_back(vertex_of[c]);
      } else {
        hidden += subtree[c];
      }
    }
    if (hidden) {
      OrgNode stub;
      stub.type = NodeType::kStub;
      stub.id = units[i].id + "+more";
      stub.index = i;
      stub.depth = depth[i] + 1;
      stub.subtree_size = hidden;
      const Vertex s = boost::add_vertex(stub, og.graph);
      og.children.emplace_back();
      boost::add_edge(v, s, OrgEdge{EdgeType::kHierarchy, "parent", 0, ""}, og.graph);
      og.children[v].push_back(s);
    }
  }

  // People: inline leaders on the card, or person vertices linked by role edges.
  for (std::size_t p = 0; p < og.model.people.size(); ++p) {
    const Person& person = og.model.people[p];
    Vertex pv = Graph::null_vertex();
    for (std::size_t r = 0; r < person.roles.size(); ++r) {
      const Role& role = person.roles[r];
      auto it = at.find(role.unit);
      if (it == at.end() || !kept[it->second]) continue;
      const Vertex uv = vertex_of[it->second];
      if (options.people == PeopleMode::kInline) {
        og.graph[uv].leaders.push_back({role.display_title(), person.name, role.role, role.sources});
        og.graph[uv].leaders.back().uncertain = role.uncertain;
      } else if (options.people == PeopleMode::kNodes) {
        if (pv == Graph::null_vertex()) {
          OrgNode node;
          node.type = NodeType::kPerson;
          node.id = "person:" + std::to_string(p);
          node.index = p;
          node.depth = og.graph[uv].depth + 1;
          node.subtree_size = 1;
          pv = boost::add_vertex(node, og.graph);
          og.children.emplace_back();
          og.children[uv].push_back(pv);  // drawn below the first unit the person serves in
        }
        boost::add_edge(uv, pv, OrgEdge{EdgeType::kRole, "role", r, role.display_title()}, og.graph);
      }
    }
  }
  for (auto v : boost::make_iterator_range(boost::vertices(og.graph))) {
    auto& leaders = og.graph[v].leaders;
    // Heads first, then deputies, then other roles; file order within each.
    std::stable_sort(leaders.begin(), leaders.end(),
                     [](const Leader& a, const Leader& b) { return role_rank(a.role) < role_rank(b.role); });
  }

  for (std::size_t r = 0; r < og.model.relations.size(); ++r) {
    const Relation& rel = og.model.relations[r];
    auto a = at.find(rel.unit), b = at.find(rel.target);
    if (a == at.end() || b == at.end() || !kept[a->second] || !kept[b->second]) continue;
    boost::add_edge(vertex_of[a->second], vertex_of[b->second],
                    OrgEdge{EdgeType::kRelation, rel.kind, r, rel.display_label()}, og.graph);
  }
  og.parents.assign(og.children.size(), Graph::null_vertex());
  for (std::size_t v = 0; v < og.children.size(); ++v)
    for (Vertex c : og.children[v]) og.parents[c] = v;
  return og;
}

}  // namespace

// ---- Typed accessors ----

std::optional<Vertex> OrgGraph::drawn_parent(Vertex v) const {
  if (v >= parents.size() || parents[v] == Graph::null_vertex()) return std::nullopt;
  return parents[v];
}

const Relation* OrgGraph::relation(Edge e) const {
  const OrgEdge& oe = graph[e];
  return oe.type == EdgeType::kRelation ? &model.relations[oe.index] : nullptr;
}

const Role* OrgGraph::role(Edge e) const {
  const OrgEdge& oe = graph[e];
  return oe.type == EdgeType::kRole ? &person(boost::target(e, graph)).roles[oe.index] : nullptr;
}

const Validity* OrgGraph::validity(Edge e) const {
  if (const Relation* r = relation(e)) return &r->valid;
  if (const Role* r = role(e)) return &r->valid;
  return nullptr;
}

const Validity* OrgGraph::validity(Vertex v) const {
  return graph[v].type == NodeType::kUnit ? &unit(v).valid : nullptr;
}

const char* OrgGraph::node_type_name(Vertex v) const {
  switch (graph[v].type) {
    case NodeType::kUnit: return "unit";
    case NodeType::kPerson: return "person";
    case NodeType::kStub: return "stub";
  }
  return "unit";
}

std::string OrgGraph::kind_of(Vertex v) const {
  return graph[v].type == NodeType::kUnit ? unit(v).kind : node_type_name(v);
}

std::string OrgGraph::display_name(Vertex v) const {
  const OrgNode& n = graph[v];
  switch (n.type) {
    case NodeType::kUnit: return unit(v).name;
    case NodeType::kPerson: return person(v).name;
    case NodeType::kStub: return "+" + std::to_string(n.subtree_size) + (n.subtree_size == 1 ? " unit" : " units");
  }
  return n.id;
}

}  // namespace orgchart
