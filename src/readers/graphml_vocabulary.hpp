#pragma once
// The vocabulary of a GraphML file (internal to the GraphML reader): its <key>s, and each item's data by
// attr.name over the keys' defaults, told apart from the attributes our writer writes (graph/attributes.hpp).
#include <cstddef>
#include <array>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphml_sax.hpp"
#include "orgchart/error.hpp"
#include "orgchart/graph/attributes.hpp"

namespace orgchart::detail {

/// A <data> as the vocabulary reads it: views into the parser's item or a stored copy.
struct GraphmlDatum {
  std::string_view key, value;
  int line = 0, column = 0;
};

/// One datum of an item, found by its key's attr.name.
struct GraphmlValue {
  std::string_view text;
  int line = 0, column = 0;
  bool present = false;
};

/// The keys declared so far, by id, with their attr.names numbered.
class GraphmlKeys {
 public:
  /// A second key with the same id replaces the first and is reported.
  void declare(GraphmlKey key, const std::string& file, std::vector<Diagnostic>& diags);
  const GraphmlKey* find(std::string_view id) const;
  /// The number of an attr.name (after Gephi's "Edge Label" became `label` for edges); -1 when no key has it.
  int name_id(std::string_view name) const;
  std::size_t name_count() const { return names_.size(); }
  const std::string& name(int id) const { return names_[static_cast<std::size_t>(id)]; }
  /// Whether attr.name `id` is one of our attributes for `domain` (then its value is not an extra attribute).
  bool ours(int id, AttributeFor domain) const { return ours_[static_cast<std::size_t>(id)][domain == AttributeFor::kEdge]; }
  /// The name number of key `k` for `domain` ("edge": "Edge Label" is `label`).
  int name_of(const GraphmlKey& k, std::string_view domain) const;
  /// The keys with a default value, by id.
  const std::map<std::string, const GraphmlKey*, std::less<>>& defaults() const { return defaults_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  int intern(const std::string& name);

  std::unordered_map<std::string, GraphmlKey, Hash, std::equal_to<>> keys_;
  std::unordered_map<std::string, int, Hash, std::equal_to<>> name_ids_;
  std::vector<std::string> names_;
  std::vector<std::array<bool, 2>> ours_;
  std::map<std::string, const GraphmlKey*, std::less<>> defaults_;
};

/// An item's data by attr.name over the keys' defaults for its domain (node, edge, graph); yFiles graphics are
/// left out. Reused from item to item: the views stay valid until the next read().
class GraphmlFields {
 public:
  explicit GraphmlFields(const GraphmlKeys& keys) : keys_(keys) {}
  /// Data under an undeclared key is reported.
  void read(std::string_view domain, int line, int column, std::span<const GraphmlDatum> data, const std::string& file,
            std::vector<Diagnostic>& diags);
  const GraphmlValue& get(std::string_view name) const;  ///< an absent one: empty, not present
  /// The non-empty values whose names are none of our attributes for `domain`: data of other tools, kept on the
  /// unit or relation.
  std::map<std::string, std::string> except(AttributeFor domain) const;

 private:
  const GraphmlKeys& keys_;
  std::vector<GraphmlValue> values_;   // by name number
  std::vector<unsigned> stamp_;        // values_[i] is this item's when stamp_[i] == stamp_now_
  std::vector<int> set_;               // the name numbers this item has
  unsigned stamp_now_ = 0;
};

}  // namespace orgchart::detail
