#pragma once
/// The attributes our interchange formats carry: one table drives the GraphML writer (keys and data), the
/// GEXF writer (attributes and attvalues), the extra values of the JSON writer and the GraphML reader (which
/// names are ours, and how a value goes back into the model). Adding an attribute is one line of the table
/// (src/graph/attributes.cpp). As with Boost's dynamic_properties, names, types and values cannot drift apart.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "orgchart/graph/org_graph.hpp"

namespace orgchart {

/// The declared type: GraphML attr.type string, int, float, double, int (0/1); GEXF string, integer, double,
/// double, boolean.
enum class AttributeType { kString, kInt, kFloat, kDouble, kBool };
enum class AttributeFor { kNode, kEdge };

/// The formats an attribute is written to (a bit set).
enum AttributeFormats : unsigned { kGraphml = 1, kGexf = 2, kBothXml = kGraphml | kGexf };

/// What a writer drew for a vertex or edge, which the model does not know: position and size from the layout
/// (zeros without one; centre with y up, as Gephi's), colour from the style.
struct Drawn {
  double x = 0, y = 0, width = 0, height = 0;
  std::uint8_t r = 0, g = 0, b = 0;
};

/// The vertex or edge whose value is asked for, with what the writer drew for it.
struct AttributeItem {
  const OrgGraph& g;
  Vertex v = 0;  ///< for node attributes
  Edge e{};      ///< for edge attributes
  Drawn drawn{};
};

/// A text made for the value (std::string) or one the graph holds (std::string_view, valid while the graph is,
/// so that a writer of a million units copies no field to write it), a count, a number, or a flag.
using AttributeValue = std::variant<std::string, long long, double, bool, std::string_view>;

struct Attribute {
  const char* name;  ///< GraphML attr.name, GEXF attribute id and title
  AttributeType type;
  AttributeFor domain;
  unsigned formats;  ///< AttributeFormats
  AttributeValue (*value)(const AttributeItem&);
  /// The JSON writer's key for it, or null where the JSON writer writes the value its own way (or not at all).
  const char* json = nullptr;
  /// How the GraphML reader puts a value back on a unit (node attributes) or relation (edge attributes): ""
  /// or what is wrong with the value. Null: derived on export (depth, x, r, ...) or read by the reader itself.
  std::string (*read_unit)(Unit&, std::string_view) = nullptr;
  std::string (*read_relation)(Relation&, std::string_view) = nullptr;
};

/// Node attributes and edge attributes, in the order they are written.
std::span<const Attribute> node_attributes();
std::span<const Attribute> edge_attributes();

/// True when `name` is one of ours for `domain` in GraphML (the reader keeps any other name as data).
bool is_graphml_attribute(std::string_view name, AttributeFor domain);

/// Reads a date value into `out` (empty: none): "" or what is wrong, to follow the attribute's name in a message.
std::string read_date_value(std::optional<Date>& out, std::string_view text);

/// `items` with `sep` between them: how lists (sources, abbreviations, tags) are written as one value.
std::string join(const std::vector<std::string>& items, std::string_view sep);

/// A source's fields as every format names them (GraphML's `sources` JSON, the JSON chart's `sources`, YAML),
/// in order: id, title, date, url, file, notes; "" where a field is absent.
struct SourceField {
  const char* name;
  std::string value;
};
std::vector<SourceField> source_fields(const Source& s);

/// Gephi's node size for a unit: grows with the number of units in its subtree.
double node_importance(std::size_t subtree_size);

}  // namespace orgchart
