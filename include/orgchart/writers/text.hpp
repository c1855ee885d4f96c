#pragma once
/// Text from data made safe for output formats. Each format's own vocabulary stays in its writer;
/// these are the escaping rules they share.
#include <string>
#include <string_view>
#include <vector>

namespace orgchart {

/// Removes characters XML 1.0 forbids (C0 controls but tab/newline/CR, U+FFFE/U+FFFF) and replaces
/// invalid UTF-8 by U+FFFD, so any text can go into DOT, SVG, GraphML or GEXF.
std::string clean_text(std::string_view s);

/// Escapes for XML character data and attribute values: & < > " ' (after clean_text).
std::string xml_escape(std::string_view s);

/// Zero-width U+2060, put after every backslash in text given to Graphviz so that \N, \G, ... never form.
inline constexpr const char* kWordJoiner = "\xE2\x81\xA0";

/// Body of a DOT double-quoted string: \ and " escaped (a backslash is followed by kWordJoiner), newline as
/// \n, and & < > as entities so that Graphviz draws them literally and writes them escaped to SVG.
std::string dot_quote_body(std::string_view s);

/// `"…"` around dot_quote_body.
std::string dot_quote(std::string_view s);

/// Splits text into lines of at most `width` display columns at spaces (CJK characters count two and may
/// break anywhere). Never returns an empty list for non-empty text.
std::vector<std::string> wrap_text(std::string_view s, std::size_t width);

/// `s` cut to at most `max_width` display columns, ending in "…" when cut (never inside a character). Charts
/// show text shortened so; data outputs (JSON, GraphML, GEXF) keep it whole.
std::string shorten(std::string_view s, std::size_t max_width);

/// Display width of UTF-8 text (CJK and full-width characters count two).
std::size_t display_width(std::string_view s);

}  // namespace orgchart
