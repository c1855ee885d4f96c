#include "orgchart/writers/text.hpp"

namespace orgchart {

namespace {

/// Decodes one UTF-8 sequence at s[i]; returns its length (0 when invalid) and the code point.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 0x2) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  // Reject overlong forms, surrogates and out-of-range values.
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F) &&
                                                                  cp != 0xFFFE && cp != 0xFFFF);
    if (allowed) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t len = decode(s, i, cp);
    if (len == 0) len = 1, cp = '?';
    w += wide(cp) ? 2 : 1;
    i += len;
  }
  return w;
}

std::string shorten(std::string_view s, std::size_t max_width) {
  std::size_t w = 0, cut = 0;  // cut: where the text ends if it has to end in "…"
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t len = decode(s, i, cp);
    if (len == 0) len = 1, cp = '?';
    w += wide(cp) ? 2 : 1;
    if (w + 1 <= max_width) cut = i + len;  // room left for the ellipsis
    if (w > max_width) return std::string(s.substr(0, cut)) + "\u2026";
    i += len;
  }
  return std::string(s);
}

std::vector<std::string> wrap_text(std::string_view s, std::size_t width) {
  // Tokens: words separated by spaces; each wide character is a token of its own (CJK breaks anywhere).
  std::vector<std::pair<std::string, bool>> tokens;  // text, glued to the previous token (no space between)
  std::string word;
  bool glue_next = false, space_before = false;
  auto flush = [&] {
    if (!word.empty()) tokens.emplace_back(word, glue_next);
    word.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t len = decode(s, i, cp);
    if (len == 0) len = 1, cp = '?';
    if (cp == ' ' || cp == '\n' || cp == '\t') {
      flush();
      space_before = true;
    } else if (wide(cp)) {
      flush();
      tokens.emplace_back(std::string(s.substr(i, len)), !space_before && !tokens.empty());
      space_before = false;
    } else {
      if (word.empty()) glue_next = !space_before && !tokens.empty();
      word.append(s.substr(i, len));
      space_before = false;
    }
    i += len;
  }
  flush();
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_w = 0;
  for (const auto& [tok, glued] : tokens) {
    const std::size_t tw = display_width(tok);
    const std::size_t add = tw + (line.empty() || glued ? 0 : 1);
    if (!line.empty() && line_w + add > width) {
      lines.push_back(line);
      line = tok;
      line_w = tw;
      continue;
    }
    if (!line.empty() && !glued) line += ' ';
    line += tok;
    line_w += add;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace orgchart
