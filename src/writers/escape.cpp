#include "orgchart/writers/escape.hpp"

#include <array>
#include <initializer_list>

#include "orgchart/writers/text.hpp"

namespace orgchart {

namespace {

constexpr char kHex[] = "0123456789abcdef";

/// What each ASCII character becomes in one output language: a text, or nullptr for itself. The escapers
/// differ only in these tables; each is XML's entities with a few characters changed.
class Escapes {
 public:
  struct Rule {
    char c;
    const char* text;
  };
  constexpr Escapes(std::initializer_list<Rule> rules) { set(rules); }
  /// This table with `rules` replacing its entries.
  constexpr Escapes with(std::initializer_list<Rule> rules) const {
    Escapes e = *this;
    e.set(rules);
    return e;
  }
  const char* operator[](char c) const {
    const auto u = static_cast<unsigned char>(c);
    return u < at_.size() ? at_[u] : nullptr;
  }

 private:
  constexpr void set(std::initializer_list<Rule> rules) {
    for (const Rule& r : rules) at_[static_cast<unsigned char>(r.c)] = r.text;
  }
  std::array<const char*, 128> at_{};
};

constexpr Escapes kXml{{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&apos;"}};
constexpr Escapes kXmlAttribute = kXml.with({{'\t', "&#9;"}, {'\n', "&#10;"}, {'\r', "&#13;"}});
constexpr Escapes kXmlContent = kXml.with({{'"', nullptr}, {'\'', nullptr}});
// Graphviz expands \N, \G, \L, ... in labels and tooltips, even after "\\" or "&#92;". A word joiner
// (U+2060, zero width) after the backslash keeps any such sequence from forming.
constexpr Escapes kDotQuoted = kXml.with(
    {{'\\', "\\\\\xE2\x81\xA0"}, {'"', "\\\""}, {'\n', "\\n"}, {'\r', ""}, {'\t', " "}, {'\'', nullptr}});
constexpr Escapes kDotHtmlText = kXml.with({{'\\', "\\\xE2\x81\xA0"}});
constexpr Escapes kDotHtmlPath = kXml.with({{'\'', nullptr}});
constexpr Escapes kJson{{'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"}, {'\r', "\\r"}, {'\t', "\\t"}};

/// `s` cleaned, each character `table` has a text for replaced by it.
std::string escape(std::string_view raw, const Escapes& table) {
  const std::string s = clean_text(raw);
  std::string out;
  out.reserve(s.size() + 2);
  for (char c : s) {
    if (const char* r = table[c]) out += r;
    else out += c;
  }
  return out;
}

}  // namespace

std::string xml_escape(std::string_view s) { return escape(s, kXml); }

std::string xml_attribute(std::string_view s) { return escape(s, kXmlAttribute); }

std::string xml_content(std::string_view s) { return escape(s, kXmlContent); }

std::string xml_comment(std::string_view s) {
  std::string c = xml_escape(s);
  for (std::size_t p; (p = c.find("--")) != std::string::npos;) c.replace(p, 2, "- -");
  return c;
}

std::string json_quote(std::string_view raw) {
  const std::string s = clean_text(raw);
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (const char* r = kJson[s[i]]) {
      out += r;
    } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
      // HTML-safe: the JSON can sit inside <script> (no "</script>", no "<!--") and in XHTML; what is left
      // of the control characters after clean_text never appears raw.
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      // U+2028/U+2029 are valid in JSON strings but end a line in JavaScript before ES2019.
      out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

std::string dot_quote_body(std::string_view s) { return escape(s, kDotQuoted); }

std::string dot_quote(std::string_view s) { return '"' + dot_quote_body(s) + '"'; }

std::string dot_html_text(std::string_view s) { return escape(s, kDotHtmlText); }

std::string dot_html_path(std::string_view s) { return escape(s, kDotHtmlPath); }

}  // namespace orgchart
