#include "infobox_values.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>

#include "orgchart/readers/infobox_names.hpp"
#include "orgchart/readers/infobox_page.hpp"

namespace orgchart {

namespace detail {

FieldKey field_key(const std::string& key) {
  FieldKey k;
  std::string digits;
  bool after = false;
  for (char c : key) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isdigit(u) && !after) {
      digits += c;
    } else if (std::isalpha(u)) {
      if (!digits.empty()) after = true;
      k.base += static_cast<char>(std::tolower(u));
    }
  }
  if (!digits.empty() && digits.size() < 4) k.index = std::stoi(digits);
  return k;
}

NamedEntry split_parenthetical(const std::string& text) {
  NamedEntry e{text, "", ""};
  if (text.size() < 4 || text.back() != ')') return e;
  const auto open = text.rfind(" (");
  if (open == std::string::npos || open == 0) return e;
  const std::string inner = text.substr(open + 2, text.size() - open - 3);
  if (inner.empty() || inner.find_first_of("()") != std::string::npos) return e;
  const bool acronym = std::all_of(inner.begin(), inner.end(), [](unsigned char c) { return std::isupper(c) || std::isdigit(c); });
  if (acronym) e.abbreviation = inner;
  else if (std::isupper(static_cast<unsigned char>(inner[0])) || static_cast<unsigned char>(inner[0]) >= 0x80)
    e.alias = inner;  // another name, or the name in another script
  else return e;
  e.name = text.substr(0, open);
  return e;
}

namespace {

/// The parts of `text` between the separators `next(text, from)` finds (as {position, length}; npos after the
/// last), their whitespace collapsed.
template <typename Next>
std::vector<std::string> split_at(const std::string& text, Next next) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const auto [at, length] = next(text, start);
    parts.push_back(collapse_space(text.substr(start, at == std::string::npos ? std::string::npos : at - start)));
    if (at == std::string::npos) return parts;
    start = at + length;
  }
}

}  // namespace

/// Splits "X / Y" (an entry glued from two) into its parts; one part when there is no " / ".
std::vector<std::string> split_glued(const std::string& text) {
  std::vector<std::string> parts = split_at(text, [](const std::string& t, std::size_t from) {
    return std::pair{t.find(" / ", from), std::size_t{3}};
  });
  std::erase_if(parts, [](const std::string& p) { return p.empty(); });
  return parts;
}

/// "A, B" in a parent field: two bodies when every part starts with a capital and is more than one word.
std::vector<std::string> split_bodies(const std::string& text) {
  const std::vector<std::string> parts = split_at(text, [](const std::string& t, std::size_t from) {
    return std::pair{t.find_first_of(",;", from), std::size_t{1}};
  });
  for (const auto& p : parts)
    if (p.empty() || !std::isupper(static_cast<unsigned char>(p[0])) || p.find(' ') == std::string::npos) return {text};
  return parts;
}

std::optional<Date> find_date(const std::string& text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))) continue;
    std::size_t n = 0;
    while (i + n < text.size() && std::isdigit(static_cast<unsigned char>(text[i + n]))) ++n;
    if (n != 4) continue;
    for (std::size_t len : {10u, 7u, 4u})
      if (i + len <= text.size())
        if (auto d = parse_date(text.substr(i, len))) return d;
  }
  return std::nullopt;
}

}  // namespace detail

namespace {

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

InfoboxSection& open_section(InfoboxPage& page, std::string heading, int level, SourceLoc loc) {
  InfoboxSection s;
  s.heading = std::move(heading);
  s.level = level;
  s.loc = std::move(loc);
  for (auto it = page.sections.rbegin(); it != page.sections.rend(); ++it)
    if (!it->heading.empty() && it->level < level) {
      s.parent_heading = it->heading;
      break;
    }
  page.sections.push_back(std::move(s));
  return page.sections.back();
}

int heading_level(std::string_view line, std::string& heading) {
  line = trim_view(line);
  std::size_t open = 0, close = 0;
  while (open < line.size() && line[open] == '=') ++open;
  while (close < line.size() - open && line[line.size() - 1 - close] == '=') ++close;
  if (open == 0 || open != close || open > 6 || line.size() <= 2 * open) return 0;
  heading = std::string(trim_view(line.substr(open, line.size() - 2 * open)));
  return heading.empty() ? 0 : static_cast<int>(open);
}


}  // namespace orgchart
