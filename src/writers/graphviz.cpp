#include "orgchart/writers/graphviz.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>

#include "orgchart/c_ptr.hpp"
#include "orgchart/error.hpp"
#include "orgchart/writers/svg_raster.hpp"

namespace orgchart {

namespace {

using ContextPtr = CPtr<GVC_t, gvFreeContext>;
using GraphPtr = CPtr<Agraph_t, agclose>;

// Graphviz reports through a process-wide callback; collect its messages for the exception text.
std::mutex g_mutex;
std::string g_messages;
int collect(char* msg) {
  g_messages += msg;
  return 0;
}

/// One context for the whole process. Graphviz's pango plugin caches font data across contexts: a second
/// context read a font name freed with the first (heap-use-after-free under ASan), so we never free it
/// before exit. Guarded by g_mutex like every Graphviz call.
GVC_t* shared_context() {
  static ContextPtr ctx{gvContext()};
  if (!ctx) throw LayoutError("Graphviz: cannot create a context");
  return ctx.get();
}

/// Owns a context and a parsed graph; layout is freed before the graph, as gvc requires.
class Session {
 public:
  explicit Session(const std::string& dot) : lock_(g_mutex) {
    g_messages.clear();
    agseterrf(collect);
    agseterr(AGWARN);
    ctx_ = shared_context();
    graph_.reset(agmemread(dot.c_str()));
    if (!graph_) fail("Graphviz could not read the generated DOT");
  }
  ~Session() {
    if (laid_out_) gvFreeLayout(ctx_, graph_.get());
    graph_.reset();
    agseterrf(nullptr);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void layout(const std::string& engine) {
    if (gvLayout(ctx_, graph_.get(), engine.c_str()) != 0) fail("Graphviz layout '" + engine + "' failed");
    laid_out_ = true;
  }

  std::string render(const std::string& format) {
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(ctx_, graph_.get(), format.c_str(), &data, &length) != 0) {
      if (data) gvFreeRenderData(data);
      fail("Graphviz cannot render format '" + format + "' (is its plugin installed? run 'dot -c' as root)");
    }
    std::string out(data, length);
    gvFreeRenderData(data);
    return out;
  }

  Agraph_t* graph() { return graph_.get(); }
  GVC_t* context() { return ctx_; }

  [[noreturn]] void fail(const std::string& what) {
    std::string msg = what;
    if (!g_messages.empty()) msg += ": " + g_messages;
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    throw LayoutError(msg);
  }

 private:
  std::unique_lock<std::mutex> lock_;
  GVC_t* ctx_ = nullptr;
  GraphPtr graph_;
  bool laid_out_ = false;
};

void check_graph_bitmap_size(Agraph_t* g, double dpi) {
  const boxf bb = GD_bb(g);
  const char* pad_attr = agget(g, const_cast<char*>("pad"));
  double pad = 4.0 / 72;  // Graphviz's default, inches
  if (pad_attr && *pad_attr) pad = std::atof(pad_attr);
  check_bitmap_size(bb.UR.x - bb.LL.x + 2 * pad * 72, bb.UR.y - bb.LL.y + 2 * pad * 72, dpi);
}

}  // namespace

std::string graphviz_render(const std::string& dot, const std::string& engine, const std::string& format, double dpi,
                            const GraphvizAttributes& graph_attributes) {
  Session s(dot);
  for (const auto& a : graph_attributes) {
    Agraph_t* g = s.graph();
    if (!a.html) {
      agsafeset(g, const_cast<char*>(a.name.c_str()), const_cast<char*>(a.value.c_str()), const_cast<char*>(""));
      continue;
    }
    Agsym_t* sym = agattr(g, AGRAPH, const_cast<char*>(a.name.c_str()), nullptr);
    if (!sym) sym = agattr(g, AGRAPH, const_cast<char*>(a.name.c_str()), const_cast<char*>(""));
    char* html = agstrdup_html(g, const_cast<char*>(a.value.c_str()));  // agxset keeps it an HTML string
    agxset(g, sym, html);
    agstrfree(g, html);
  }
  if (dpi > 0) {
    std::string v = std::to_string(dpi);
    agsafeset(s.graph(), const_cast<char*>("dpi"), v.data(), const_cast<char*>(""));
  }
  s.layout(engine);
  if (format == "png") check_graph_bitmap_size(s.graph(), dpi > 0 ? dpi : 96);
  return s.render(format);
}

std::map<std::string, Size> graphviz_node_sizes(const std::string& dot) {
  Session s(dot);
  // "nop" places nodes where their pos says (all at the origin here) but sizes every node from its label.
  for (Agnode_t* n = agfstnode(s.graph()); n; n = agnxtnode(s.graph(), n))
    agsafeset(n, const_cast<char*>("pos"), const_cast<char*>("0,0"), const_cast<char*>(""));
  s.layout("nop");
  // Writing the layout as DOT attaches the computed width/height (inches) to every node.
  s.render("dot");
  std::map<std::string, Size> sizes;
  for (Agnode_t* n = agfstnode(s.graph()); n; n = agnxtnode(s.graph(), n)) {
    const char* w = agget(n, const_cast<char*>("width"));
    const char* h = agget(n, const_cast<char*>("height"));
    sizes[agnameof(n)] = Size{(w ? std::stod(w) : 0) * 72, (h ? std::stod(h) : 0) * 72};
  }
  return sizes;
}

bool graphviz_has_format(const std::string& format) {
  std::lock_guard<std::mutex> lock(g_mutex);
  GVC_t* ctx = shared_context();
  int count = 0;
  char** list = gvPluginList(ctx, "device", &count, nullptr);
  bool found = false;
  for (int i = 0; i < count; ++i) {
    std::string name = list[i];
    if (name == format || name.rfind(format + ":", 0) == 0) found = true;
    free(list[i]);
  }
  free(list);
  return found;
}

}  // namespace orgchart
