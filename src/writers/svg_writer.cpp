#include "orgchart/writers/svg_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "orgchart/readers/photo.hpp"
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

std::string base64(const std::string& in) {
  static const char* kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < in.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, in.size() - i);
    std::uint32_t v = static_cast<unsigned char>(in[i]) << 16;
    if (n > 1) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (n > 2) v |= static_cast<unsigned char>(in[i + 2]);
    out += kDigits[(v >> 18) & 63];
    out += kDigits[(v >> 12) & 63];
    out += n > 1 ? kDigits[(v >> 6) & 63] : '=';
    out += n > 2 ? kDigits[v & 63] : '=';
  }
  return out;
}

void append_utf8(std::string& out, unsigned long cp) {
  auto byte = [&](unsigned long b) { out += static_cast<char>(b); };
  if (cp < 0x80) {
    byte(cp);
  } else if (cp < 0x800) {
    byte(0xC0 | (cp >> 6));
    byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    byte(0xE0 | (cp >> 12));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  } else {
    byte(0xF0 | ((cp >> 18) & 0x07));
    byte(0x80 | ((cp >> 12) & 0x3F));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  }
}

/// XML character references and the five named entities decoded (in case Graphviz escapes the path). Only used
/// to recognise a photo's path: a path decoded wrongly matches no photo, and its image is dropped.
std::string xml_unescape(std::string_view s) {
  static const std::pair<std::string_view, char> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos) {
      out += s[i];
      continue;
    }
    const std::string_view ent = s.substr(i + 1, semi - i - 1);
    bool done = false;
    for (const auto& [name, c] : kNamed)
      if (ent == name) {
        out += c;
        done = true;
      }
    if (!done && ent.size() > 1 && ent[0] == '#') {
      const bool hex = ent[1] == 'x' || ent[1] == 'X';
      append_utf8(out, std::strtoul(std::string(ent.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10));
      done = true;
    }
    if (done) i = semi;
    else out += s[i];
  }
  return out;
}

/// The photo as a data URI, or "" when it cannot be read (again) or is no longer an image.
std::string photo_data_uri(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::string bytes(kMaxPhotoBytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > kMaxPhotoBytes) return "";
  const auto type = sniff_photo(bytes.substr(0, 4096));
  if (!type) return "";
  return std::string("data:") + photo_mime_type(*type) + ";base64," + base64(bytes);
}

/// Graphviz's `<image xlink:href="FILE" .../>` of a card photo with the file embedded as a data URI, so that
/// the SVG stays self-contained; an image that is not one of the chart's checked photos is dropped ("").
/// The data URIs of the photos already embedded (each file is read once, however many cards show it) and
/// their total size, bounded so that a chart of many large photos cannot grow without limit.
struct PhotoCache {
  std::unordered_map<std::string, std::string> uri;
  std::size_t embedded_bytes = 0;
};

/// At most this much base64 in one SVG (64 MB): thousands of usual photos, or a few of the largest allowed.
constexpr std::size_t kMaxEmbeddedBytes = std::size_t{64} * 1024 * 1024;

std::string embed_image(const std::string& line, const std::unordered_set<std::string>& photos, PhotoCache& cache) {
  const std::string key = "xlink:href=\"";
  const auto start = line.find(key);
  if (start == std::string::npos) return "";
  // Graphviz writes the path without escaping it, so a '"' in it does not end the value: the next attribute does.
  auto end = line.find("\" width=\"", start + key.size());
  if (end == std::string::npos) end = line.find('"', start + key.size());
  if (end == std::string::npos) return "";
  // Graphviz 2.42 writes the path as it is; other versions may escape it: either must name a checked photo.
  std::string path = line.substr(start + key.size(), end - start - key.size());
  if (!photos.count(path)) path = xml_unescape(path);
  if (!photos.count(path)) return "";
  auto [it, fresh] = cache.uri.try_emplace(path);
  if (fresh) it->second = photo_data_uri(path);
  const std::string& uri = it->second;
  if (uri.empty()) return "";
  cache.embedded_bytes += uri.size();
  if (cache.embedded_bytes > kMaxEmbeddedBytes)
    throw LayoutError("the photos would make the SVG larger than " + std::to_string(kMaxEmbeddedBytes / (1024 * 1024)) +
                      " MB (each card embeds its photo): use smaller photos, or export PNG or PDF");
  return line.substr(0, start + key.size()) + uri + line.substr(end);
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
  PhotoCache photo_cache;
  std::unordered_set<std::string> photos;  // the only files an <image> may show
  for (const auto& u : g.model.units)
    if (!u.photo_file.empty()) photos.insert(u.photo_file);
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
    if (starts_with(line, "<image ")) {
      line = embed_image(line, photos, photo_cache);
      if (line.empty()) continue;
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
