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

/// Whether clean_text would change `s`: any byte outside printable ASCII but tab, newline and CR. Text that
/// needs no cleaning (nearly all of it) is escaped straight from the input.
bool needs_cleaning(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u >= 0x7F) return true;
  }
  return false;
}

/// `raw` cleaned, each character `table` has a text for replaced by it, appended to `out` (runs of characters
/// that stay as they are in one append).
void escape_into(std::string& out, std::string_view raw, const Escapes& table) {
  std::string cleaned;
  const std::string_view s = needs_cleaning(raw) ? std::string_view(cleaned = clean_text(raw)) : raw;
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (const char* r = table[s[i]]) {
      out.append(s.data() + run, i - run);
      out += r;
      run = i + 1;
    }
  }
  out.append(s.data() + run, s.size() - run);
}

std::string escape(std::string_view raw, const Escapes& table) {
  std::string out;
  out.reserve(raw.size() + 2);
  escape_into(out, raw, table);
  return out;
}

}  // namespace

void append_xml_escape(std::string& out, std::string_view s) { escape_into(out, s, kXml); }

void append_xml_attribute(std::string& out, std::string_view s) { escape_into(out, s, kXmlAttribute); }

void append_dot_quote_body(std::string& out, std::string_view s) { escape_into(out, s, kDotQuoted); }

void append_dot_quote(std::string& out, std::string_view s) {
  out += '"';
  escape_into(out, s, kDotQuoted);
  out += '"';
}

std::string xml_escape(std::string_view s) { return escape(s, kXml); }

std::string xml_attribute(std::string_view s) { return escape(s, kXmlAttribute); }

std::string xml_content(std::string_view s) { return escape(s, kXmlContent); }

std::string xml_comment(std::string_view s) {
  std::string c = xml_escape(s);
  for (std::size_t p; (p = c.find("--")) != std::string::npos;) c.replace(p, 2, "- -");
  return c;
}

void append_json_quote(std::string& out, std::string_view raw) {
  std::string cleaned;
  const std::string_view s = needs_cleaning(raw) ? std::string_view(cleaned = clean_text(raw)) : raw;
  out += '"';
  std::size_t run = 0;  // characters from here to i are written as they are, in one append
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const char* r = kJson[s[i]];
    const bool control = !r && (c < 0x20 || c == '<' || c == '>' || c == '&');
    const bool separator =
        c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9');
    if (!r && !control && !separator) continue;
    out.append(s.data() + run, i - run);
    if (r) {
      out += r;
    } else if (control) {
      // HTML-safe: the JSON can sit inside <script> (no "</script>", no "<!--") and in XHTML; what is left
      // of the control characters after clean_text never appears raw.
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      // U+2028/U+2029 are valid in JSON strings but end a line in JavaScript before ES2019.
      out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    }
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

std::string json_quote(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 2);
  append_json_quote(out, raw);
  return out;
}

std::string dot_quote_body(std::string_view s) { return escape(s, kDotQuoted); }

std::string dot_quote(std::string_view s) { return '"' + dot_quote_body(s) + '"'; }

std::string dot_html_text(std::string_view s) { return escape(s, kDotHtmlText); }

std::string dot_html_path(std::string_view s) { return escape(s, kDotHtmlPath); }

}  // namespace orgchart
