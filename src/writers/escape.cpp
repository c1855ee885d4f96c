#include "orgchart/writers/escape.hpp"

#include "orgchart/writers/text.hpp"

namespace orgchart {

namespace {

constexpr char kHex[] = "0123456789abcdef";

/// `s` cleaned, each character `replace` has a text for replaced by it.
template <typename Replace>
std::string escape(std::string_view raw, Replace replace) {
  const std::string s = clean_text(raw);
  std::string out;
  out.reserve(s.size() + 2);
  for (char c : s) {
    if (const char* r = replace(c)) out += r;
    else out += c;
  }
  return out;
}

const char* xml_entity(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&apos;";
    default: return nullptr;
  }
}

}  // namespace

std::string xml_escape(std::string_view s) { return escape(s, xml_entity); }

std::string xml_attribute(std::string_view s) {
  return escape(s, [](char c) -> const char* {
    switch (c) {
      case '\t': return "&#9;";
      case '\n': return "&#10;";
      case '\r': return "&#13;";
      default: return xml_entity(c);
    }
  });
}

std::string xml_content(std::string_view s) {
  return escape(s, [](char c) { return c == '"' || c == '\'' ? nullptr : xml_entity(c); });
}

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
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        // HTML-safe: the JSON can sit inside <script> (no "</script>", no "<!--") and in XHTML; what is left
        // of the control characters after clean_text never appears raw.
        if (c < 0x20 || c == '<' || c == '>' || c == '&') {
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
  }
  out += '"';
  return out;
}

std::string dot_quote_body(std::string_view s) {
  return escape(s, [](char c) -> const char* {
    switch (c) {
      // Graphviz expands \N, \G, \L, ... in labels and tooltips, even after "\\" or "&#92;". A word joiner
      // (U+2060, zero width) after the backslash keeps any such sequence from forming.
      case '\\': return "\\\\\xE2\x81\xA0";
      case '"': return "\\\"";
      case '\n': return "\\n";
      case '\r': return "";
      case '\t': return " ";
      case '\'': return nullptr;
      default: return xml_entity(c);
    }
  });
}

std::string dot_quote(std::string_view s) { return '"' + dot_quote_body(s) + '"'; }

std::string dot_html_text(std::string_view s) {
  return escape(s, [](char c) { return c == '\\' ? "\\\xE2\x81\xA0" : xml_entity(c); });
}

std::string dot_html_path(std::string_view s) {
  return escape(s, [](char c) { return c == '\'' ? nullptr : xml_entity(c); });
}

}  // namespace orgchart
