#pragma once
/// Text from data made safe and measured for output: cleaning, widths, wrapping, shortening. The escapers of
/// each output language are in escape.hpp (included here for the writers that use both).
#include <string>
#include <string_view>
#include <vector>

#include "orgchart/writers/escape.hpp"

namespace orgchart {

/// Removes characters XML 1.0 forbids (C0 controls but tab/newline/CR, U+FFFE/U+FFFF) and replaces
/// invalid UTF-8 by U+FFFD, so any text can go into DOT, SVG, GraphML or GEXF.
std::string clean_text(std::string_view s);

/// Splits text into lines of at most `width` display columns at spaces (CJK characters count two and may
/// break anywhere). Never returns an empty list for non-empty text.
std::vector<std::string> wrap_text(std::string_view s, std::size_t width);

/// `s` cut to at most `max_width` display columns, ending in "…" when cut (never inside a character). Charts
/// show text shortened so; data outputs (JSON, GraphML, GEXF) keep it whole.
std::string shorten(std::string_view s, std::size_t max_width);

/// Display width of UTF-8 text (CJK and full-width characters count two).
std::size_t display_width(std::string_view s);

}  // namespace orgchart
