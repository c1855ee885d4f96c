#pragma once
/// How each unit kind and edge type looks, shared by every writer so that colours in SVG, GraphML and
/// GEXF agree.
#include <cstdint>
#include <string>

namespace orgchart {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  std::string hex() const;  ///< `#rrggbb`
};

struct KindStyle {
  Rgb fill;    ///< card background
  Rgb border;  ///< card outline (and Gephi's node colour)
};

/// The style of a unit kind; unknown kinds get the `organization` style.
const KindStyle& kind_style(const std::string& kind);

/// Colour of relation edges of a kind (hierarchy edges are grey).
Rgb relation_colour(const std::string& relation);

/// Font list for every text: Latin first, then CJK fallbacks (Graphviz passes it to Pango and into SVG).
inline constexpr const char* kFontFamily = "Noto Sans CJK SC";
inline constexpr double kFontSize = 12;

}  // namespace orgchart
