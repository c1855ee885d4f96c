#include "orgchart/writers/svg_writer.hpp"

#include <sstream>
#include <string_view>
#include <unordered_map>

#include "orgchart/writers/card.hpp"
#include "orgchart/writers/text.hpp"

namespace orgchart {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string chart_description(const OrgGraph& g) {
  const auto& m = g.model;
  if (!m.description.empty()) return m.description;
  std::size_t units = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph))) units += g.graph[v].type == NodeType::kUnit;
  std::string d = "Organization chart of " + std::to_string(units) + " units";
  if (!m.title.empty()) d += ": " + m.title;
  d += ".";
  if (!m.sources.empty()) {
    d += " Sources:";
    for (const auto& s : m.sources) d += " " + s.title + (s.date ? " (" + s.date->str() + ")" : std::string()) + ";";
    d.back() = '.';
  }
  return d;
}

}  // namespace

std::string make_report_ready_svg(const std::string& svg, const OrgGraph& g) {
  // Graphviz writes one element per line; this pass works on those lines. It drops the DOCTYPE (an external
  // reference) and comments, names the chart, turns each <a xlink:title> wrapper into the element's own
  // <title> (the tooltip browsers and screen readers use), and widens the font list with CJK fallbacks.
  // Our own hover texts, escaped by us: Graphviz's tooltip processing would expand \N, \G, ... in data.
  std::unordered_map<std::string, std::string> titles;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph))) titles[element_id(g, v)] = tooltip_text(g, v);
  for (auto e : boost::make_iterator_range(boost::edges(g.graph))) titles[element_id(g, e)] = tooltip_text(g, e);
  std::string pending_id;  // the element whose <title> comes next
  bool title_is_ours = false;

  std::istringstream in(svg);
  std::vector<std::string> out;
  std::string line;
  bool graph_title_done = false, in_comment = false;
  int open_anchors = 0;
  bool drop_next_g_close = false;
  const std::string title = g.model.title.empty() ? std::string("Organization chart") : g.model.title;
  while (std::getline(in, line)) {
    if (in_comment) {
      if (line.find("-->") != std::string::npos) in_comment = false;
      continue;
    }
    if (starts_with(line, "<!--")) {
      if (line.find("-->") == std::string::npos) in_comment = true;
      continue;
    }
    if (starts_with(line, "<!DOCTYPE") || starts_with(line, " \"http://www.w3.org/Graphics/SVG/1.1/DTD")) continue;
    if (starts_with(line, "<svg ")) {
      // role/aria make the <title>/<desc> the accessible name of the picture.
      out.push_back("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" " + line.substr(5));
      continue;
    }
    if (!graph_title_done && starts_with(line, "<title>")) {
      out.push_back("<title id=\"chart-title\">" + xml_escape(title) + "</title>");
      out.push_back("<desc id=\"chart-desc\">" + xml_escape(chart_description(g)) + "</desc>");
      graph_title_done = true;
      continue;
    }
    if (starts_with(line, "<g id=\"") && (line.find("class=\"node\"") != std::string::npos ||
                                           line.find("class=\"edge\"") != std::string::npos)) {
      pending_id = line.substr(7, line.find('"', 7) - 7);
    } else if (!pending_id.empty() && starts_with(line, "<title>")) {
      auto it = titles.find(pending_id);
      title_is_ours = it != titles.end();
      if (title_is_ours) line = "<title>" + xml_escape(it->second) + "</title>";
      pending_id.clear();
    }
    if (starts_with(line, "<g id=\"a_") && line.find("<a xlink:title=\"") != std::string::npos) {
      if (!title_is_ours) {
        const auto start = line.find("<a xlink:title=\"") + 16;
        const auto end = line.rfind("\">");
        const std::string tip = line.substr(start, end - start);  // already XML-escaped by Graphviz
        for (auto it = out.rbegin(); it != out.rend(); ++it)
          if (starts_with(*it, "<title>")) {
            *it = "<title>" + tip + "</title>";
            break;
          }
      }
      ++open_anchors;
      continue;
    }
    if (open_anchors > 0 && line == "</a>") {
      --open_anchors;
      drop_next_g_close = true;
      continue;
    }
    if (drop_next_g_close && line == "</g>") {
      drop_next_g_close = false;
      continue;
    }
    for (std::size_t p = 0; (p = line.find("font-family=\"", p)) != std::string::npos;) {
      const auto q = line.find('"', p + 13);
      line.replace(p + 13, q - (p + 13), kSvgFontFamily);
      p += 13 + std::string_view(kSvgFontFamily).size();
    }
    out.push_back(line);
  }
  // One pass that drops the word joiners while joining the lines (erasing them one by one is quadratic).
  const std::string_view joiner = kWordJoiner;
  std::string result;
  for (const auto& l : out) {
    for (std::size_t at = 0;;) {
      const std::size_t p = l.find(joiner, at);
      result.append(l, at, p == std::string::npos ? std::string::npos : p - at);
      if (p == std::string::npos) break;
      at = p + joiner.size();
    }
    result += '\n';
  }
  // Without the <a> elements nothing uses the xlink namespace any more.
  if (result.find("xlink:") == std::string::npos) {
    const auto p = result.find(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
    if (p != std::string::npos) result.erase(p, 43);
  }
  return result;
}

}  // namespace orgchart
