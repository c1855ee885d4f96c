#include "orgchart/writers/graphviz_svg.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "orgchart/c_ptr.hpp"
#include "orgchart/error.hpp"
#include "orgchart/writers/card.hpp"
#include "orgchart/writers/chart_heading.hpp"
#include "orgchart/writers/svg_writer.hpp"
#include "orgchart/writers/text.hpp"
#include "svg_photo.hpp"

namespace orgchart {

namespace {

constexpr const char* kXlinkNs = "http://www.w3.org/1999/xlink";

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
std::string_view sv(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : ""; }
bool is(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}
std::string attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, x(name));
  std::string s(sv(v));
  xmlFree(v);
  return s;
}
std::string xlink_attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNsProp(n, x(name), x(kXlinkNs));
  std::string s(sv(v));
  xmlFree(v);
  return s;
}
xmlNode* first_child(xmlNode* n, const char* name) {
  for (xmlNode* c = n->children; c; c = c->next)
    if (is(c, name)) return c;
  return nullptr;
}
/// Replaces the text content of `n` (text is escaped by libxml2 on output).
void set_text(xmlNode* n, const std::string& text) {
  xmlNodeSetContent(n, nullptr);
  xmlNodeAddContent(n, x(clean_text(text).c_str()));
}

/// The post-processing pass: each step one rule, applied to the parsed tree.
class ReportReady {
 public:
  ReportReady(xmlDoc* doc, const OrgGraph& g) : doc_(doc), g_(g) {
    for (auto v : boost::make_iterator_range(boost::vertices(g.graph))) titles_[element_id(g, v)] = tooltip_text(g, v);
    for (auto e : boost::make_iterator_range(boost::edges(g.graph))) titles_[element_id(g, e)] = tooltip_text(g, e);
    for (const auto& u : g.model.units)
      if (!u.photo_file.empty()) photos_.insert(u.photo_file);
  }

  void run() {
    // The DOCTYPE (an external reference) goes.
    if (xmlDtd* dtd = xmlGetIntSubset(doc_)) {
      xmlUnlinkNode(reinterpret_cast<xmlNode*>(dtd));
      xmlFreeDtd(dtd);
    }
    // So do comments beside the root (Graphviz's version banner).
    for (xmlNode* n = doc_->children, *next = nullptr; n; n = next) {
      next = n->next;
      if (n->type == XML_COMMENT_NODE) remove(n);
    }
    xmlNode* root = xmlDocGetRootElement(doc_);
    if (!is(root, "svg")) throw LayoutError("Graphviz's SVG has no <svg> root");
    // role/aria make the <title>/<desc> the accessible name of the picture.
    xmlSetProp(root, x("role"), x("img"));
    xmlSetProp(root, x("aria-labelledby"), x("chart-title chart-desc"));
    // Iterative walk (no recursion on the document's depth); the next node is taken before a node is changed.
    std::vector<xmlNode*> stack{root};
    while (!stack.empty()) {
      xmlNode* n = stack.back();
      stack.pop_back();
      if (n->type == XML_COMMENT_NODE) {
        remove(n);
        continue;
      }
      if (n->type == XML_TEXT_NODE) {
        drop_word_joiners(n);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      if (is(n, "g") && attr(n, "class") == "graph" && !graph_title_done_) name_chart(n);
      else if (is(n, "g") && (attr(n, "class") == "node" || attr(n, "class") == "edge")) own_title(n);
      if (is(n, "image") && !embed_image(n)) continue;
      if (is(n, "g") && attr(n, "id").rfind("a_", 0) == 0 && first_child(n, "a")) {
        const auto moved = unwrap_anchor(n);  // its children now stand in its place, and are walked there
        for (auto it = moved.rbegin(); it != moved.rend(); ++it) stack.push_back(*it);
        continue;
      }
      if (xmlHasProp(n, x("font-family"))) xmlSetProp(n, x("font-family"), x(kSvgFontFamily));
      std::vector<xmlNode*> kids;
      for (xmlNode* c = n->children; c; c = c->next) kids.push_back(c);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
    }
    drop_unused_xlink(root);
  }

 private:
  static void remove(xmlNode* n) {
    xmlUnlinkNode(n);
    xmlFreeNode(n);
  }

  static void drop_word_joiners(xmlNode* n) {
    const std::string_view text = sv(n->content), joiner = kWordJoiner;
    if (text.find(joiner) == std::string_view::npos) return;
    std::string out;
    for (std::size_t at = 0;;) {
      const std::size_t p = text.find(joiner, at);
      out.append(text.substr(at, p == std::string_view::npos ? std::string_view::npos : p - at));
      if (p == std::string_view::npos) break;
      at = p + joiner.size();
    }
    xmlNodeSetContent(n, nullptr);
    xmlNodeAddContent(n, x(out.c_str()));
  }

  /// The graph's <title> becomes the chart's title, followed by the chart's <desc>.
  void name_chart(xmlNode* graph) {
    graph_title_done_ = true;
    const std::string title = g_.model.title.empty() ? std::string("Organization chart") : g_.model.title;
    xmlNode* t = first_child(graph, "title");
    if (!t) {
      t = xmlNewNode(graph->ns, x("title"));
      if (graph->children) xmlAddPrevSibling(graph->children, t);
      else xmlAddChild(graph, t);
    }
    set_text(t, title);
    xmlSetProp(t, x("id"), x("chart-title"));
    xmlNode* desc = xmlNewNode(graph->ns, x("desc"));
    xmlSetProp(desc, x("id"), x("chart-desc"));
    set_text(desc, chart_description(g_));
    xmlAddNextSibling(t, desc);
  }

  /// Our own hover text, escaped by us (Graphviz's tooltip processing would expand \N, \G, ... in data).
  void own_title(xmlNode* g) {
    current_title_ = first_child(g, "title");
    current_title_ours_ = false;
    auto it = titles_.find(attr(g, "id"));
    if (!current_title_ || it == titles_.end()) return;
    set_text(current_title_, it->second);
    current_title_ours_ = true;
  }

  /// `<g id="a_…"><a xlink:title="tip">…</a></g>`: the tip becomes the element's <title> unless it has ours, and
  /// the anchor's children take the wrapper's place. Returns the moved children.
  std::vector<xmlNode*> unwrap_anchor(xmlNode* wrapper) {
    xmlNode* a = first_child(wrapper, "a");
    if (!current_title_ours_ && current_title_) set_text(current_title_, xlink_attr(a, "title"));
    std::vector<xmlNode*> moved;
    while (xmlNode* c = a->children) {
      xmlUnlinkNode(c);
      // xmlAddPrevSibling merges adjacent text nodes (and frees one): keep only what stays a node of its own.
      if (c->type == XML_TEXT_NODE && xmlIsBlankNode(c)) {
        xmlFreeNode(c);
        continue;
      }
      moved.push_back(xmlAddPrevSibling(wrapper, c));
    }
    remove(wrapper);
    return moved;
  }

  /// A card's photo: the image of one of the chart's checked photos embedded as a data URI; anything else dropped.
  bool embed_image(xmlNode* img) {
    const std::string path = xlink_attr(img, "href");
    const std::string& uri = photos_.count(path) ? embedder_.data_uri(path) : empty_;
    if (uri.empty()) {
      remove(img);
      return false;
    }
    xmlSetNsProp(img, xmlSearchNsByHref(doc_, img, x(kXlinkNs)), x("href"), x(uri.c_str()));
    return true;
  }

  /// Without the <a> elements and external images nothing may use the xlink namespace any more.
  static void drop_unused_xlink(xmlNode* root) {
    bool used = false;
    std::vector<xmlNode*> stack{root};
    while (!stack.empty() && !used) {
      xmlNode* n = stack.back();
      stack.pop_back();
      for (xmlAttr* a = n->properties; a; a = a->next)
        if (a->ns && sv(a->ns->href) == kXlinkNs) used = true;
      for (xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
    }
    if (used) return;
    for (xmlNs** p = &root->nsDef; *p; p = &(*p)->next)
      if (sv((*p)->href) == kXlinkNs) {
        xmlNs* ns = *p;
        *p = ns->next;
        ns->next = nullptr;
        xmlFreeNs(ns);
        break;
      }
  }

  xmlDoc* doc_;
  const OrgGraph& g_;
  std::unordered_map<std::string, std::string> titles_;
  std::unordered_set<std::string> photos_;  // the only files an <image> may show
  svg::PhotoEmbedder embedder_;
  const std::string empty_;
  bool graph_title_done_ = false;
  xmlNode* current_title_ = nullptr;
  bool current_title_ours_ = false;
};

}  // namespace

std::string make_report_ready_svg(std::string_view svg, const OrgGraph& g) {
  // No network, no entity expansion, no DTD loading; HUGE: Graphviz's SVG of a large chart is large.
  CPtr<xmlDoc, xmlFreeDoc> doc(xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "graphviz.svg", "UTF-8",
                                                     XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR |
                                                         XML_PARSE_NOWARNING));
  if (!doc) throw LayoutError("Graphviz wrote SVG that is not well-formed XML");
  ReportReady(doc.get(), g).run();
  xmlChar* out = nullptr;
  int size = 0;
  xmlDocDumpMemoryEnc(doc.get(), &out, &size, "UTF-8");
  if (!out) throw LayoutError("cannot serialise the SVG");
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
  xmlFree(out);
  return result;
}

}  // namespace orgchart
