#pragma once
/// What a unit's card says, as lines of text: shared by the DOT label, the layout's size estimate and tooltips.
#include <optional>
#include <string>
#include <vector>

#include "orgchart/graph/org_graph.hpp"

namespace orgchart {

struct CardLine {
  /// kSmall: department and headcount under a person's title; kVacant: the "Vacant" mark of a vacancy card.
  enum class Style { kName, kNative, kDetail, kLeader, kSmall, kVacant } style;
  std::string text;
  Change change = Change::kNone;  ///< leaders in a diff chart: took (added) or left (removed) the role
};

inline constexpr std::size_t kNameWrap = 30;    ///< display columns per name line
inline constexpr std::size_t kDetailWrap = 40;  ///< per leader line
/// Display columns of one text a chart shows (a card field, an edge label, the title); longer text is cut with
/// "…" (shorten): no string of megabytes reaches Graphviz, whose DOT lexer is quadratic in a string's length.
inline constexpr std::size_t kChartTextMax = 300;

/// The card of a vertex. A unit: the data's `label` lines when given; else for a person or position (kind
/// person/position, a title, or vacant) name, title and department ("Vacant" and the title for a vacancy);
/// else wrapped name (with abbreviation) and native name. Then leaders (inline people mode), and with
/// --headcount "N direct / M total".
std::vector<CardLine> card_lines(const OrgGraph& g, Vertex v);

/// True for a unit drawn as a person card: kind person or position, a job title, or vacant.
bool is_person_card(const Unit& u);

/// The picture at the left of a person card: the checked photo file, or else the initials of the name
/// (a photo was given but cannot be drawn: a URL, a missing file, ...).
struct CardPicture {
  std::string file;      ///< absolute path of a checked image (Unit::photo_file), or ""
  std::string initials;  ///< when `file` is ""
};
/// nullopt when the unit gives no photo.
std::optional<CardPicture> card_picture(const OrgGraph& g, Vertex v);

/// Up to two initials of a name ("Ada Lovelace" -> "AL"), whole UTF-8 characters, ASCII upper-cased.
std::string initials_of(const std::string& name);

/// The hover text of a vertex: full name, native and romanized names, type, leaders, sources with titles.
std::string tooltip_text(const OrgGraph& g, Vertex v);

/// The display name of a vertex on one line (unit name, person name, "+N units").
std::string display_name(const OrgGraph& g, Vertex v);

/// Stable element ids shared by DOT and SVG: `v<vertex>` for cards, `h<child>` for hierarchy edges,
/// `r<relation index>` for relations, `p<person vertex>-<role index>` for role edges.
std::string element_id(const OrgGraph& g, Vertex v);
std::string element_id(const OrgGraph& g, Edge e);

/// True when a vertex is a unit that may or may not exist on the chart's date, or one of its inline leaders may or
/// may not hold the role then (an uncertain date's window contains the chart's date): drawn with a dashed outline.
bool is_uncertain(const OrgGraph& g, Vertex v);

/// The mark after an uncertain leader's name on a card.
inline constexpr const char* kUncertainMark = " (?)";

/// The hover text of an edge: "A -> B", the relation with its dates, amount and sources.
std::string tooltip_text(const OrgGraph& g, Edge e);

}  // namespace orgchart
