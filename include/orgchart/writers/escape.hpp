#pragma once
/// One escaper per output language, for text from data (all after clean_text: no character XML forbids,
/// invalid UTF-8 as U+FFFD). XML (GraphML, GEXF, SVG), JSON, DOT. Each append_x adds what x returns to a
/// buffer, for writers that escape a million texts without a string per text.
#include <string>
#include <string_view>

namespace orgchart {

// ---- XML ----

/// Character data and attribute values in "…": & < > " ' as entities.
std::string xml_escape(std::string_view s);
void append_xml_escape(std::string& out, std::string_view s);
/// An attribute value that must keep tab, newline and CR (xml_escape, plus those as character references,
/// which an XML parser's attribute-value normalization would otherwise turn into spaces).
std::string xml_attribute(std::string_view s);
void append_xml_attribute(std::string& out, std::string_view s);
/// Element content where quotes may stay as they are (a JSON list inside <data> stays readable): & < >.
std::string xml_content(std::string_view s);
/// The text of a <!-- comment -->: xml_escape'd (our reader unescapes it) and no "--".
std::string xml_comment(std::string_view s);

// ---- JSON ----

/// A JSON string literal, quotes included: `"` and `\` escaped, control characters as \n, \r, \t or \u00XX,
/// HTML-safe (< > & as \u003c \u003e \u0026, so it can sit inside <script>), U+2028/U+2029 as \u2028/\u2029;
/// other UTF-8 as it is. Valid JSON for any input (invalid UTF-8 becomes U+FFFD).
std::string json_quote(std::string_view s);
void append_json_quote(std::string& out, std::string_view s);

// ---- DOT ----

/// Zero-width U+2060, put after every backslash in text given to Graphviz so that \N, \G, ... never form.
inline constexpr const char* kWordJoiner = "\xE2\x81\xA0";

/// Body of a DOT double-quoted string: \ and " escaped (a backslash is followed by kWordJoiner), newline as
/// \n, and & < > as entities so that Graphviz draws them literally and writes them escaped to SVG.
std::string dot_quote_body(std::string_view s);
void append_dot_quote_body(std::string& out, std::string_view s);
/// `"…"` around dot_quote_body.
std::string dot_quote(std::string_view s);
void append_dot_quote(std::string& out, std::string_view s);
/// Text for a DOT HTML-like label: xml_escape'd, and no \N-style sequence can form (see kWordJoiner).
std::string dot_html_text(std::string_view s);
/// A file path in an HTML-like label's attribute: & " < > as entities; no word joiner (it would change the
/// name) and no &apos;, which Graphviz's HTML parser leaves undecoded (a quote inside "…" needs none).
std::string dot_html_path(std::string_view s);

}  // namespace orgchart
