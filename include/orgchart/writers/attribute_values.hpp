#pragma once
/// The writers' side of the attribute table (graph/attributes.hpp): what a writer drew for a vertex or edge,
/// and values and types as each format spells them.
#include <optional>
#include <string>
#include <string_view>

#include "orgchart/graph/attributes.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/writers/style.hpp"

namespace orgchart {

/// How a vertex's card is coloured: its unit's colour-by entry, or other_node_style().
const KindStyle& node_style(const OrgGraph& g, const ColourScheme& colours, Vertex v);

/// A vertex's box from `layout` (centre with y up, size; zeros when the layout is empty) and its colour.
Drawn drawn_node(const OrgGraph& g, const Layout& layout, const ColourScheme& colours, Vertex v);
/// An edge's colour.
Drawn drawn_edge(const OrgGraph& g, Edge e);

/// The item a value is asked of, with what was drawn for it.
inline AttributeItem node_item(const OrgGraph& g, Vertex v, const Drawn& d) { return {g, v, Edge{}, d}; }
inline AttributeItem edge_item(const OrgGraph& g, Edge e, const Drawn& d) { return {g, 0, e, d}; }

/// The text of a text value, made or borrowed; nullopt for numbers and booleans.
std::optional<std::string_view> value_string(const AttributeValue& v);
/// A value as GraphML and GEXF write it: numbers in the C locale, booleans `true`/`false`; not yet escaped.
std::string value_text(const AttributeValue& v);
/// A value as GraphML writes it: value_text, but booleans as 1/0 under attr.type int, which every reader takes
/// alike (Boost's read_graphml refuses "true" for a boolean, Gephi's Boolean.parseBoolean reads "1" as false).
std::string graphml_text(const AttributeValue& v);
/// A value as JSON: strings quoted, numbers and booleans bare.
std::string value_json(const AttributeValue& v);

/// GraphML attr.type: string, int (also for booleans, see graphml_text), float, double.
const char* graphml_type(AttributeType t);
/// GEXF attribute type: string, integer, double, boolean.
const char* gexf_type(AttributeType t);

}  // namespace orgchart
