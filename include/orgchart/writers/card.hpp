#pragma once
/// What a unit's card says, as lines of text: shared by the DOT label, the layout's size estimate and tooltips.
#include <string>
#include <vector>

#include "orgchart/graph/org_graph.hpp"

namespace orgchart {

struct CardLine {
  enum class Style { kName, kNative, kDetail, kLeader } style;
  std::string text;
  Change change = Change::kNone;  ///< leaders in a diff chart: took (added) or left (removed) the role
};

inline constexpr std::size_t kNameWrap = 30;    ///< display columns per name line
inline constexpr std::size_t kDetailWrap = 40;  ///< per leader line
/// Display columns of one text a chart shows (a card field, an edge label, the title); longer text is cut with
/// "…" (shorten): no string of megabytes reaches Graphviz, whose DOT lexer is quadratic in a string's length.
inline constexpr std::size_t kChartTextMax = 300;

/// The card of a vertex: wrapped name (with abbreviation), native name, leaders (inline people mode).
std::vector<CardLine> card_lines(const OrgGraph& g, Vertex v);

/// The hover text of a vertex: full name, native and romanized names, type, leaders, sources with titles.
std::string tooltip_text(const OrgGraph& g, Vertex v);

/// The display name of a vertex on one line (unit name, person name, "+N units").
std::string display_name(const OrgGraph& g, Vertex v);

/// Stable element ids shared by DOT and SVG: `v<vertex>` for cards, `h<child>` for hierarchy edges,
/// `r<relation index>` for relations, `p<person vertex>-<role index>` for role edges.
std::string element_id(const OrgGraph& g, Vertex v);
std::string element_id(const OrgGraph& g, Edge e);

/// The hover text of an edge: "A -> B", the relation with its dates, amount and sources.
std::string tooltip_text(const OrgGraph& g, Edge e);

}  // namespace orgchart
