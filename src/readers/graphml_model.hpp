#pragma once
// GraphML mapped onto the model (internal to the GraphML reader): units, people and their roles, relations and
// sources from the nodes and edges the parser hands over, each as it closes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphml_sax.hpp"
#include "graphml_vocabulary.hpp"
#include "orgchart/model/org.hpp"

namespace orgchart::detail {

class GraphmlModelBuilder : public GraphmlSink {
 public:
  /// Problems of the model go to `diags`; those of the keys, which stand even when the XML turns out to be
  /// malformed, to `parse_diags`.
  GraphmlModelBuilder(const std::string& file, OrgModel& model, std::vector<Diagnostic>& diags,
                      std::vector<Diagnostic>& parse_diags)
      : file_(file), model_(model), diags_(diags), parse_diags_(parse_diags), fields_(keys_) {}

  void root(bool graphml, int line, int column) override;
  void leading_comment(std::string text) override;
  void key(GraphmlKey key) override;
  void open(GraphmlElement element, GraphmlItem& item) override;
  void close(GraphmlElement element, GraphmlItem& item) override;

  /// What needs every node: edges that came before their ends, people, sources, the document's order.
  void finish();
  bool graphml() const { return graphml_; }   ///< the root element is <graphml>
  /// A <key> came after a node or edge had been read: GraphML declares keys first, but a file that does not
  /// is read again with every key known from the start (seed_keys), as if they all came first.
  bool late_key() const { return late_key_; }
  /// The keys of a first pass over the same file; the keys this pass finds are then left alone (their
  /// problems were reported by the first pass).
  void seed_keys(GraphmlKeys keys) {
    keys_ = std::move(keys);
    seeded_ = true;
  }
  GraphmlKeys take_keys() { return std::move(keys_); }
  bool saw_root() const { return root_.line > 0; }

 private:
  enum class NodeKind { kUnit, kPerson, kStub, kSkipped, kGroup };
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  struct NodeInfo {
    NodeKind kind = NodeKind::kSkipped;
    std::size_t index = 0;  // into model_.units (kUnit) or persons_ (kPerson)
    int line = 0;
    bool closed = false;    // its data has been read (false: still open, or refused when it opened)
    bool has_graph = false;  // holds a <graph> of its own: a yEd group or folder
    std::size_t container = kNone;  // the node whose <graph> holds this one
  };
  /// What a unit node says beyond its Unit: needed once all edges are known.
  struct UnitExtra {
    std::vector<std::string> node_sources;
    std::optional<std::vector<std::string>> own_sources;  // from the hierarchy edge, which cites the unit only
    bool has_parent_edge = false;
    SourceLoc parent_edge_loc;
    std::string parent_id, leaders;
    SourceLoc parent_id_loc, leaders_loc;
    std::size_t slot = 0;  // its node's place in the document
  };
  /// A graph of another program (NetworkX, yEd from scratch, igraph): none of our keys (kind, relation,
  /// node_type, unit_id, parent_id). Its nodes are units of kind `unit` named by their label, its edges lead
  /// from parent to child, and its yEd groups are the groups of their members.
  bool foreign() const;
  void read_foreign_node(const GraphmlItem& n, NodeInfo& info);
  /// A new unit (and its reader-only extra) for node `n`, located at `at`: the set-up ours and foreign nodes share.
  Unit& add_unit(const GraphmlItem& n, NodeInfo& info, const SourceLoc& at);
  /// An edge's start tag, from the parser's item or a stored copy.
  struct EdgeHead {
    std::string_view id, source, target;
    bool has_id = false, has_ends = false;
    int line = 0, column = 0;
  };
  struct Span {
    std::size_t at = 0, size = 0;
  };
  /// An edge kept until every node is known (it came before one of its ends), in one arena of text.
  struct StoredEdge {
    Span id, source, target;
    bool has_id = false, has_ends = false;
    int line = 0, column = 0;
    std::size_t first = 0, count = 0;  // its data in stored_data_
  };
  struct StoredDatum {
    Span key, value;
    int line = 0, column = 0;
  };

  SourceLoc loc(int line, int column) const { return {file_, line, column}; }
  SourceLoc loc(const GraphmlValue& v) const { return {file_, v.line, v.column}; }
  void error(const SourceLoc& loc, std::string msg) { diags_.push_back({Severity::kError, loc, std::move(msg), {}}); }
  std::string suggest(const std::string& word, const std::vector<std::string>& candidates);
  std::span<const GraphmlDatum> views(const GraphmlItem& item);
  template <typename T>
  void read_attributes(AttributeFor domain, T& target);
  Validity validity();
  void read_graph(const GraphmlItem& g);
  void read_sources(const GraphmlValue& v);
  void read_node(const GraphmlItem& n);
  const NodeInfo* end(const EdgeHead& e, std::string_view id, const char* which);
  bool ready(const GraphmlItem& e) const;
  void store_edge(const GraphmlItem& e);
  void read_edge(const EdgeHead& e, std::span<const GraphmlDatum> data);
  void order_units();
  void finish_units();
  void add_leaders(std::size_t unit);
  void collect_people();
  void collect_sources();

  const std::string& file_;
  OrgModel& model_;
  std::vector<Diagnostic>& diags_;
  std::vector<Diagnostic>& parse_diags_;
  GraphmlKeys keys_;
  GraphmlFields fields_;
  std::vector<GraphmlDatum> views_;
  bool graphml_ = false;
  SourceLoc root_;
  std::optional<std::string> comment_;
  std::vector<GraphmlItem> graphs_;  // in document order: read once every node is
  std::vector<NodeInfo> nodes_;      // in document order
  std::vector<UnitExtra> unit_extra_;  // parallel to model_.units
  std::vector<Person> persons_;
  std::unordered_map<std::string, std::size_t> node_at_;
  std::vector<std::string> node_ids_;
  std::string arena_;
  std::vector<StoredEdge> stored_edges_;
  std::vector<StoredDatum> stored_data_;
  bool declared_sources_ = false;
  bool late_key_ = false, seeded_ = false, items_read_ = false;
  int suggestions_ = 0;
  std::vector<std::size_t> open_nodes_;  // slots of the nodes open around the parser's position
  std::unordered_map<std::size_t, std::string> group_names_;  // by slot: foreign group nodes
  std::unordered_map<std::string, int> foreign_ids_;  // ids given to foreign nodes, with the next suffix
};

/// "node 'n3'", or "this node" when it has no id: how messages name an element.
std::string what(bool has_id, std::string_view id, const char* element);

}  // namespace orgchart::detail
