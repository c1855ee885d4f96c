#pragma once
/// Whitespace at the edges of what the readers read: cells, fields, labels, infobox lines.
#include <string>
#include <string_view>

namespace orgchart {

/// `s` without the ASCII whitespace (space, tab, line breaks, form feed, vertical tab) at either end.
std::string_view trim(std::string_view s);

/// Whitespace (ASCII and the no-break space) trimmed from both ends; runs of inner whitespace become one space.
std::string collapse_space(std::string_view text);

}  // namespace orgchart
