#pragma once
/// Text measured the way Graphviz's pango plugin measures it (same font map, resolution and hinting), without
/// a Graphviz pass: card sizes for the layout in time linear in the text, each glyph and pair measured once.
#include <string_view>

#include "orgchart/writers/render.hpp"  // CardSizes, measure_cards

namespace orgchart {

/// The smallest card measure_cards() gives: Graphviz's default node size (0.75 x 0.5 inch).
inline constexpr Size kSmallestCard{54, 36};

struct TextStyle {
  double size = 12;  ///< points
  bool bold = false;
  bool italic = false;
};

/// The width in points that Graphviz gives one line of `text` in kFontFamily: pango's logical width, rounded
/// up to a whole point as Graphviz's textspan does. Advance widths are cached per glyph and kerning per pair;
/// text in scripts that shape by context (Arabic, Indic, ...) is measured whole, once per distinct string.
double text_width(std::string_view text, const TextStyle& style);

/// The same width straight from one pango layout of the whole text, uncached (the reference the cache must match).
double text_width_exact(std::string_view text, const TextStyle& style);

}  // namespace orgchart
