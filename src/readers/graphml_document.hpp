#pragma once
// GraphML as written, before the model gives it meaning: keys, graphs, nodes, edges and their data, each with
// where it is in the file. Internal to the GraphML reader (graphml_reader.cpp maps it onto the model).
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/graph/attributes.hpp"

namespace orgchart::detail {

/// A <key>.
struct GraphmlKey {
  std::string name;       ///< attr.name, else the key id
  std::string domain;     ///< for=: node, edge, graph, all
  bool graphics = false;  ///< a yFiles graphics key (yfiles.type): drawing, not data
  std::optional<std::string> default_value;
  SourceLoc loc;
};

/// A <data> as written.
struct GraphmlData {
  std::string key, value;
  SourceLoc loc;
};

/// A <graph>, <node> or <edge> as written.
struct GraphmlItem {
  std::string id, source, target;
  bool has_id = false, has_ends = false;
  SourceLoc loc;
  std::vector<GraphmlData> data;
  std::optional<std::string> yed_label;  ///< the first y:NodeLabel's text
};

struct GraphmlDocument {
  std::map<std::string, GraphmlKey> keys;  ///< by key id
  std::vector<GraphmlItem> graphs, nodes, edges;
  /// The comment before the first key, where our writer puts the chart's title: "<!-- title -->", the title
  /// XML-escaped; here without the two spaces and unescaped. yEd's "Created by ..." is not one.
  std::optional<std::string> leading_comment;
  SourceLoc root;
  bool graphml = false;  ///< the root element is <graphml>
};

/// Line starts of a text: turns byte offsets and libxml2's (line, character column) into our locations.
class TextLines {
 public:
  explicit TextLines(const std::string& text);
  SourceLoc at(std::size_t offset, const std::string& file) const;
  /// libxml2 counts columns in characters; carets count bytes.
  int byte_column(int line, int char_column) const;
  std::string line_text(int line) const;
  std::string_view line_view(int line) const;  ///< as line_text, without a copy

 private:
  const std::string& text_;
  std::vector<std::size_t> starts_;
};

struct GraphmlParse {
  GraphmlDocument doc;
  bool well_formed = false;  ///< false: malformed XML or a DOCTYPE declaring entities (in the diagnostics)
  bool utf8 = true;  ///< false once libxml2 converted from another encoding: byte offsets and lines are not UTF-8
};

/// Runs `text` through libxml2's SAX2 parser: no tree, no network, no DTD loading, no entity expansion.
/// Errors go to `diags`, with `file:line:col`.
GraphmlParse parse_graphml(const std::string& text, const std::string& file, const TextLines& lines,
                           std::vector<Diagnostic>& diags);

/// One datum of an item, found by its key's attr.name.
struct GraphmlValue {
  std::string text;
  SourceLoc loc;
  bool present = false;
};
using GraphmlFields = std::map<std::string, GraphmlValue>;

/// An item's data by attr.name over the keys' defaults for `domain` (node, edge, graph); yFiles graphics are
/// left out, Gephi's "Edge Label" is `label`. Data under an undeclared key is reported.
GraphmlFields fields_of(const GraphmlDocument& doc, const GraphmlItem& item, const std::string& domain,
                        std::vector<Diagnostic>& diags);

const GraphmlValue& get(const GraphmlFields& f, const std::string& name);  ///< an absent one: empty, not present
/// The non-empty values whose names are none of our attributes for `domain` (graph/attributes.hpp): data of
/// other tools, kept on the unit or relation.
std::map<std::string, std::string> fields_except(const GraphmlFields& f, AttributeFor domain);

/// `s` cut at each `sep` ("; " between abbreviations, as written), empty pieces left out.
std::vector<std::string> split(const std::string& s, std::string_view sep);
/// `s` cut at white space (ids, tags).
std::vector<std::string> words(const std::string& s);

/// "node 'n3'", or "this node" when it has no id: how messages name an element.
std::string what(const GraphmlItem& item, const char* element);

/// A JSON list of flat records, such as the graph's `sources` data (`[{"id": "s1", "title": "..."}]`), each
/// record's scalar fields as text. nullopt when it is not a list, with the reason in `why` (": ..." or " such
/// as ...").
std::optional<std::vector<std::map<std::string, std::string>>> json_records(const std::string& text, std::string& why);

std::string trim(std::string_view s);

}  // namespace orgchart::detail
