#include "graphml_text.hpp"

#include <algorithm>
#include <utility>

namespace orgchart::detail {

std::vector<std::string> split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at <= s.size();) {
    std::size_t next = s.find(sep, at);
    if (next == std::string_view::npos) next = s.size();
    if (next > at) out.emplace_back(s.substr(at, next - at));
    at = next + sep.size();
  }
  return out;
}

std::vector<std::string> words(std::string_view s) {
  // As `istream >> std::string` cuts: at the C locale's white space.
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && space(s[i])) ++i;
    const std::size_t b = i;
    while (i < s.size() && !space(s[i])) ++i;
    if (i > b) out.emplace_back(s.substr(b, i - b));
  }
  return out;
}

std::string unescape_xml(std::string_view s) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&amp;", '&'}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool done = false;
    for (const auto& [entity, c] : kEntities)
      if (s.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size();
        done = true;
        break;
      }
    if (!done) out += s[i++];
  }
  return out;
}

}  // namespace orgchart::detail
