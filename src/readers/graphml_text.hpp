#pragma once
// Pieces of text in GraphML values, for the GraphML reader: lists written as text, XML's five escapes
// (internal to the reader). Id syntax and trimming have their homes in model/ids.hpp and readers/whitespace.hpp.
#include <string>
#include <string_view>
#include <vector>

namespace orgchart::detail {

/// `s` cut at each `sep` ("; " between abbreviations, as written), empty pieces left out.
std::vector<std::string> split(std::string_view s, std::string_view sep);
/// `s` cut at white space (ids, tags).
std::vector<std::string> words(std::string_view s);

/// Undoes the escaping of &lt; &gt; &quot; &apos; &amp; (a comment's text: the parser leaves them alone).
std::string unescape_xml(std::string_view s);

}  // namespace orgchart::detail
