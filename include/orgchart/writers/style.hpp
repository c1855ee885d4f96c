#pragma once
/// How each unit kind and edge type looks, shared by every writer so that colours in SVG, GraphML and
/// GEXF agree.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "orgchart/model/diff.hpp"
#include "orgchart/model/org.hpp"

namespace orgchart {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  std::string hex() const;  ///< `#rrggbb`
};

struct KindStyle {
  Rgb fill;    ///< card background
  Rgb border;  ///< card outline (and Gephi's node colour)
};

/// The built-in style of a unit kind; kinds without one get the `organization` style.
const KindStyle& kind_style(const std::string& kind);

/// The second cue beside the fill, for greyscale print: a card's outline style.
enum class Outline { kSolid, kThick, kDotted, kThickDotted };
/// The outline style of a built-in kind (kSolid for any other kind).
Outline kind_outline(const std::string& kind);
/// "solid", "thick", "dotted", "thick-dotted".
const char* outline_name(Outline o);

/// True when `kind` has a built-in style (one of unit_kinds()).
bool has_kind_style(const std::string& kind);

/// Distinct styles for values without a built-in one, used in this order: light fills (dark text stays
/// readable) of twelve hues that differ in lightness too, each with a dark outline of its hue.
const std::vector<KindStyle>& value_palette();

/// One value of the colour-by column, as the legend lists it.
struct ColourEntry {
  std::string value;  ///< "" stands for units without a value
  KindStyle style;
  bool bold = false;  ///< past the palette's twelve colours: a bold outline is the second cue
};

/// How cards are coloured: by the value of one unit field or attribute (`--color-by`, default the kind).
/// Each distinct value gets one style: from the data's `styles:` section if it names the value, else the
/// built-in style of a known kind (when colouring by kind), else the next palette colour in order of first
/// appearance in the model (deterministic: the same data gives the same colours).
class ColourScheme {
 public:
  /// `column`: "" or "kind", a unit field (group, title, type, level, placement, vacant, parent, name, id) or
  /// the name of an attribute (an extra table column). Throws UsageError for a column no unit has.
  ColourScheme(const OrgModel& model, std::string column);

  const std::string& column() const { return column_; }
  bool by_kind() const { return column_ == "kind"; }
  /// The value of the colour-by column for `u` ("" when it has none).
  std::string value_of(const Unit& u) const;
  const ColourEntry& entry_of(const Unit& u) const;
  /// Every value once, in legend order: known kinds in unit_kinds() order, then first appearance; "" last.
  const std::vector<ColourEntry>& entries() const { return entries_; }

 private:
  std::string column_;
  std::vector<ColourEntry> entries_;
  std::unordered_map<std::string, std::size_t> at_;
};

/// `#rrggbb` to Rgb (the reader has checked the form).
Rgb parse_rgb(const std::string& hex);

/// Colour of relation edges of a kind (hierarchy edges are grey).
Rgb relation_colour(const std::string& relation);

/// A diff chart's marks, in every format that carries a colour: DOT and SVG (outlines, edges, text, legend),
/// GraphML (r/g/b and yEd's outline or line) and GEXF (viz:color).
inline constexpr const char* kAddedColour = "#1a7f37";
inline constexpr const char* kRemovedColour = "#cf222e";
inline constexpr const char* kChangedColour = "#bf5700";
/// kAddedColour, kRemovedColour, else kChangedColour (callers ask only for a change).
const char* change_colour(Change c);

/// The relation kind of a dotted-line (matrix) manager, drawn dotted in this colour.
inline constexpr const char* kDottedLine = "dotted-line";
inline constexpr const char* kDottedLineColour = "#5a6b8c";

/// The greys of the drawn chart: text of a card's detail, leader, small and vacant lines; hierarchy edges;
/// the outline of stubs and notes; the dashed frame of a group; a removed card's fill.
inline constexpr const char* kDetailTextColour = "#444444";
inline constexpr const char* kLeaderTextColour = "#333333";
inline constexpr const char* kSmallTextColour = "#555555";
inline constexpr const char* kVacantTextColour = "#666666";
inline constexpr const char* kEdgeColour = "#555555";
inline constexpr const char* kStubOutlineColour = "#888888";
inline constexpr const char* kGroupOutlineColour = "#999999";
inline constexpr const char* kRemovedFillColour = "#f2f2f2";
inline constexpr const char* kWhite = "#ffffff";
/// The legend's frame; the dashed outlines of a vacancy (a position's, as in kind_style) and of a card uncertain
/// on the chart's date; text on a yEd card.
inline constexpr const char* kLegendFrameColour = "#bbbbbb";
inline constexpr const char* kVacancyOutlineColour = "#4a5a6a";
inline constexpr const char* kUncertainOutlineColour = "#444444";
inline constexpr const char* kBlack = "#000000";

/// People and "+N units" stubs, which have no kind: a white card with a grey outline.
const KindStyle& other_node_style();

/// Font list for every text: Latin first, then CJK fallbacks (Graphviz passes it to Pango and into SVG).
inline constexpr const char* kFontFamily = "Noto Sans CJK SC";
inline constexpr double kFontSize = 12;

}  // namespace orgchart
