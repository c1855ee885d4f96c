#include "orgchart/writers/html_writer.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orgchart/html_assets.hpp"  // generated from src/writers/html/chart.{js,css} (cmake/embed_html_assets.cmake)
#include "orgchart/writers/card.hpp"
#include "orgchart/writers/json_writer.hpp"
#include "orgchart/writers/text.hpp"

namespace orgchart {
namespace {

/// Base64 of the bytes a hex string spells (the CSP names a script by the base64 of its SHA-256).
std::string hex_to_base64(std::string_view hex) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  std::vector<std::uint8_t> bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes.push_back(static_cast<std::uint8_t>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t n = bytes[i] << 16 | (i + 1 < bytes.size() ? bytes[i + 1] << 8 : 0) |
                            (i + 2 < bytes.size() ? bytes[i + 2] : 0);
    out += kAlphabet[n >> 18 & 63];
    out += kAlphabet[n >> 12 & 63];
    out += i + 1 < bytes.size() ? kAlphabet[n >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

/// The SVG from its root element on: an XML declaration, doctype or comment before it has no place in HTML.
std::string_view svg_element(std::string_view svg) {
  const auto at = svg.find("<svg");
  return at == std::string_view::npos ? std::string_view{} : svg.substr(at);
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string s = "[";
  for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + json_quote(items[i]);
  return s + "]";
}

/// The map the script reads: node groups to their tree and text, edge groups to their ends.
std::string chart_map(const OrgGraph& g) {
  const std::size_t n = boost::num_vertices(g.graph);
  std::vector<std::optional<Vertex>> parent(n);
  for (std::size_t v = 0; v < g.children.size(); ++v)
    for (Vertex c : g.children[v]) parent[c] = v;
  std::string s = "{\"title\": " + json_quote(g.model.title) + ",\n\"nodes\": {";
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
    const OrgNode& node = g.graph[v];
    const Unit* u = node.type == NodeType::kUnit ? &g.unit(v) : nullptr;
    std::vector<std::string> children;
    if (v < g.children.size())
      for (Vertex c : g.children[v]) children.push_back(element_id(g, c));
    const std::string native = u ? u->native_name : node.type == NodeType::kPerson ? g.person(v).native_name : "";
    s += std::string(v ? ",\n" : "\n") + json_quote(element_id(g, v)) + ": {\"id\": " + json_quote(node.id) +
         ", \"parent\": " + (parent[v] ? json_quote(element_id(g, *parent[v])) : "null") +
         ", \"children\": " + quoted_list(children) + ", \"name\": " + json_quote(display_name(g, v)) +
         ", \"nativeName\": " + json_quote(native) +
         ", \"abbreviations\": " + quoted_list(u ? u->abbreviations : std::vector<std::string>{}) +
         ", \"kind\": " + json_quote(u ? u->kind : node.type == NodeType::kPerson ? "person" : "stub") +
         ", \"tooltip\": " + json_quote(tooltip_text(g, v)) + "}";
  }
  s += "},\n\"edges\": {";
  bool first = true;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph))) {
    const Vertex from = boost::source(e, g.graph), to = boost::target(e, g.graph);
    // The tree link: a hierarchy edge, or the role edge a person node hangs by (the first from its parent).
    bool tree = g.graph[e].type == EdgeType::kHierarchy;
    if (g.graph[e].type == EdgeType::kRole && parent[to] == from) {
      tree = true;
      for (auto in : boost::make_iterator_range(boost::in_edges(to, g.graph)))
        if (boost::source(in, g.graph) == from && g.graph[in].type == EdgeType::kRole) {
          tree = in == e;
          break;
        }
    }
    s += std::string(first ? "\n" : ",\n") + json_quote(element_id(g, e)) + ": {\"from\": " +
         json_quote(element_id(g, from)) + ", \"to\": " + json_quote(element_id(g, to)) +
         ", \"tree\": " + (tree ? "true" : "false") + "}";
    first = false;
  }
  return s + "}}";
}

}  // namespace

void write_html_page(std::ostream& out, const OrgGraph& g, std::string_view svg) {
  const std::string title = xml_escape(g.model.title.empty() ? std::string("Organization chart") : g.model.title);
  // Only our script runs (by hash), nothing is fetched: not even a font, an image URL or a form target.
  const std::string csp = "default-src 'none'; script-src 'sha256-" + hex_to_base64(html_assets::kScriptSha256Hex) +
                          "'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; "
                          "form-action 'none'";
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << csp << "\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"orgchart\">\n"
      << "<title>" << title << "</title>\n<style>" << html_assets::kStyle << "</style>\n</head>\n<body>\n"
      << "<div id=\"oc-bar\" class=\"oc-bar\" role=\"toolbar\" aria-label=\"Chart tools\" hidden>\n"
      << "<h1 class=\"oc-title\">" << title << "</h1>\n"
      << "<input id=\"oc-search\" type=\"search\" placeholder=\"Search name, id or abbreviation\" "
         "aria-label=\"Search a unit by name, id or abbreviation\" autocomplete=\"off\" spellcheck=\"false\">\n"
      << "<span id=\"oc-status\" aria-live=\"polite\"></span>\n"
      << "<button id=\"oc-zoom-in\" type=\"button\" title=\"Zoom in (+)\" aria-label=\"Zoom in\">+</button>\n"
      << "<button id=\"oc-zoom-out\" type=\"button\" title=\"Zoom out (-)\" aria-label=\"Zoom out\">&#x2212;</button>\n"
      << "<button id=\"oc-fit\" type=\"button\" title=\"Fit the chart to the window (0)\">Fit</button>\n"
      << "<button id=\"oc-expand-all\" type=\"button\">Expand all</button>\n"
      << "<button id=\"oc-collapse-all\" type=\"button\">Collapse all</button>\n"
      << "</div>\n<ol id=\"oc-results\" aria-label=\"Matches\" hidden></ol>\n"
      << "<div id=\"oc-viewport\" tabindex=\"0\" aria-label=\"Chart: drag to pan, wheel or + and - to zoom\">"
      << "<div id=\"oc-stage\">\n"
      << svg_element(svg) << "</div></div>\n<div id=\"oc-tooltip\" role=\"tooltip\" hidden></div>\n"
      // json_quote escapes < > & as \u003c..., so nothing in the map can end this element.
      << "<script type=\"application/json\" id=\"oc-data\">" << chart_map(g) << "</script>\n"
      << "<script>" << html_assets::kScript << "</script>\n</body>\n</html>\n";
}

void write_html(std::ostream& out, const OrgGraph& g, const Layout& layout, const HtmlOptions& options) {
  write_html_page(out, g, render_chart(g, layout, Format::kSvg, options.render));
}

}  // namespace orgchart
