#pragma once
// GraphML as written, before the model gives it meaning (internal to the GraphML reader): libxml2's SAX2 parser
// reads the file in chunks and hands each key, graph, node and edge to a sink as it closes, with where it is in
// the file. Nothing of the file is kept beyond the element being read and the lines around it.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/readers/text_file.hpp"

namespace orgchart::detail {

/// A <key>.
struct GraphmlKey {
  std::string id;
  std::string name;       ///< attr.name, else the key id
  std::string domain;     ///< for=: node, edge, graph, all
  bool graphics = false;  ///< a yFiles graphics key (yfiles.type): drawing, not data
  std::optional<std::string> default_value;
  int line = 0, column = 0;
};

/// A <data> as written.
struct GraphmlData {
  std::string key, value;
  int line = 0, column = 0;
};

/// A <graph>, <node> or <edge> as written. The parser reuses items: a sink copies what it keeps.
struct GraphmlItem {
  std::string id, source, target;
  bool has_id = false, has_ends = false;
  int line = 0, column = 0;
  std::size_t slot = 0;  ///< set by the sink when the item opens, read back when it closes
  std::optional<std::string> yed_label;  ///< the first y:NodeLabel's text

  std::span<const GraphmlData> data() const { return {data_.data(), used_}; }
  GraphmlData& add_data();
  void clear();

 private:
  std::vector<GraphmlData> data_;  // the first used_ are this item's: their strings' memory is reused
  std::size_t used_ = 0;
};

enum class GraphmlElement { kGraph, kNode, kEdge };

/// What the parser finds, in document order of closing (opening, for open()).
class GraphmlSink {
 public:
  virtual ~GraphmlSink() = default;
  /// The root element; `graphml` false when it is not <graphml> (reported).
  virtual void root(bool graphml, int line, int column) = 0;
  /// The comment before the first key, where our writer puts the chart's title, unescaped; not yEd's
  /// "Created by ...".
  virtual void leading_comment(std::string text) = 0;
  virtual void key(GraphmlKey key) = 0;
  /// A <graph>, <node> or <edge> start tag: its id and ends are known, its data not yet (set item.slot here).
  virtual void open(GraphmlElement element, GraphmlItem& item) = 0;
  /// Its end tag: every <data> in it.
  virtual void close(GraphmlElement element, GraphmlItem& item) = 0;
};

struct GraphmlParse {
  bool well_formed = false;  ///< false: malformed XML or a DOCTYPE declaring entities (in the diagnostics)
  bool utf8 = true;  ///< false once libxml2 converted from another encoding: byte offsets and lines are not UTF-8
  bool markup = false;  ///< the first byte that is not white space is '<'
};

/// Runs `source` through libxml2's SAX2 parser: no tree, no network, no DTD loading, no entity expansion.
/// Errors go to `diags`, with `file:line:col`.
GraphmlParse parse_graphml(ByteSource& source, const std::string& file, GraphmlSink& sink,
                           std::vector<Diagnostic>& diags);

}  // namespace orgchart::detail
