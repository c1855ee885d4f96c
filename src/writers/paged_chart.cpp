#include "orgchart/writers/paged_chart.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "orgchart/layout/page_bound.hpp"
#include "orgchart/layout/pages.hpp"
#include "orgchart/layout/pages_flow.hpp"
#include "orgchart/writers/card.hpp"
#include "orgchart/writers/chart_heading.hpp"
#include "orgchart/writers/render.hpp"
#include "orgchart/writers/style.hpp"
#include "orgchart/writers/text.hpp"
#include "orgchart/writers/text_metrics.hpp"

namespace orgchart {

namespace {

constexpr double kTitleHeight = 28;  // the title line's band: every page keeps at least this (README "How many pages")
constexpr double kMargin = 18;       // OrgLayoutOptions::margin
constexpr double kFlowTitleHeight = kTitleHeight + 8;  // a flowed page: the date line under the title clear of the top connectors
constexpr double kFlowGap = 12;  // page 1: between the overview's drawing and the flowed columns below it
/// The smallest card a page adds (a header, a stub): one line of text with the node's margins, at least as wide as
/// Graphviz's default node (README "How many pages").
constexpr Size kSmallestPageCard{kSmallestCard.width, kFontSize + 2 * 4};

std::string page_ref(std::size_t page) { return "p. " + std::to_string(page); }

/// "<first>" over "+K more, continued on p. N": two lines (32 pt tall; "<first> and K more" wrapped to a third line
/// in three stubs of four), the name cut with "…" to one line.
std::string stub_text(const OrgGraph& g, Vertex first, std::size_t more, const std::string& ref) {
  std::string text = shorten(display_name(g, first), kNameWrap) + "\n";
  if (more > 0) text += "+" + std::to_string(more) + " more, ";
  return text + "continued on " + ref;
}
/// "from <parent>, p. M": one line (20 pt) for a short name, two for most (32 pt, against 36 for a unit's card of two
/// lines); the name is never cut (headers cut to one line kept 16 characters of it, too few to read).
std::string header_text(const OrgGraph& g, Vertex parent, const std::string& ref) {
  return "from " + display_name(g, parent) + ", " + ref;
}
std::string reference_text(const OrgGraph& g, const OrgEdge& e, Vertex target, const std::string& ref) {
  return (e.label.empty() ? e.relation : e.label) + " \u2192 " + display_name(g, target) + ", " + ref;
}

/// The unit of a page's own card (stub, header, reference) standing for vertex `v` of the whole chart: its colour
/// and fields, saying `text`.
Unit page_card_unit(const OrgGraph& g, Vertex v, const std::string& text, bool side) {
  const OrgNode& orig = g.graph[v];
  Unit u;
  if (orig.type == NodeType::kUnit) {
    u = g.unit(v);
  } else {
    u.id = orig.id;
    u.name = display_name(g, v);
    u.kind = orig.type == NodeType::kPerson ? "person" : "unit";
  }
  u.label = text;
  u.placement = side ? "side" : "";
  u.photo.clear();
  u.photo_file.clear();
  u.vacant = false;
  u.parent.clear();
  if (g.color_by != "group") u.group.clear();  // a frame of its own around one card: room for nothing
  return u;
}

/// A page's own card is as tall as its text and the node's margins (4 pt above and below), not Graphviz's default
/// node height (36 pt): a header of one line is 20 pt tall (kSmallestPageCard), a stub of two lines 32.
Size page_card_size(const OrgGraph& probe, Vertex v, Size measured) {
  const double text = static_cast<double>(card_lines(probe, v).size()) * kFontSize + 2 * 4;
  return {measured.width, std::max(kSmallestPageCard.height, std::min(measured.height, text))};
}

OrgNode page_card_node(const OrgGraph& g, Vertex v, const std::string& id, std::size_t index) {
  const OrgNode& orig = g.graph[v];
  OrgNode node;
  node.type = NodeType::kUnit;
  node.id = id;
  node.index = index;
  node.depth = orig.depth;
  node.subtree_size = orig.subtree_size;
  node.direct_reports = orig.direct_reports;
  node.total_reports = orig.total_reports;
  node.change = orig.change;
  return node;
}

/// Builds the chart of one page from the whole chart and the plan.
class PageBuilder {
 public:
  /// The part of page `page` made of `pieces` (all of the page's when empty); its own cards are numbered on from
  /// `cards_before` (the cards of another part of the same page).
  PageBuilder(const OrgGraph& g, const PagePlan& plan, std::size_t page, std::vector<std::size_t> pieces = {},
              std::size_t cards_before = 0)
      : g_(g), plan_(plan), page_(page), pieces_(pieces.empty() ? plan.pages[page] : std::move(pieces)),
        overview_(pieces_.front() == 0), cards_(cards_before) {}

  ChartPage build() {
    out_.graph.model.title = page_title();
    out_.graph.model.description = g_.model.description;
    out_.graph.model.sources = g_.model.sources;
    out_.graph.model.files = g_.model.files;
    out_.graph.model.styles = g_.model.styles;
    out_.graph.is_diff = g_.is_diff;
    out_.graph.headcount = g_.headcount;
    out_.graph.color_by = g_.color_by;
    for (std::size_t p : pieces_) add_piece(p);
    add_cross_edges();
    out_.source = std::move(source_);
    out_.column = std::move(column_);
    return std::move(out_);
  }

 private:
  std::size_t page_of_vertex(Vertex v) const { return plan_.page_of[plan_.piece_of[v]] + 1; }
  std::size_t page_of_piece(std::size_t p) const { return plan_.page_of[p] + 1; }

  std::string page_title() const {
    const std::string n = "page " + std::to_string(page_ + 1) + " of " + std::to_string(plan_.pages.size());
    if (g_.model.title.empty()) return "P" + n.substr(1);
    return g_.model.title + " \u2014 " + n;
  }

  Vertex add(const OrgNode& node, Vertex from) {
    const Vertex v = boost::add_vertex(node, out_.graph.graph);
    out_.graph.children.emplace_back();
    source_.push_back(from);
    column_.push_back(-1);
    if (from != Graph::null_vertex()) copy_of_[from] = v;
    return v;
  }

  /// A copy of a vertex of the whole chart, pointing into this page's model.
  Vertex copy(Vertex v) {
    OrgNode node = g_.graph[v];
    if (node.type == NodeType::kPerson) {
      auto [it, fresh] = person_at_.emplace(node.index, out_.graph.model.people.size());
      if (fresh) out_.graph.model.people.push_back(g_.model.people[node.index]);
      node.index = it->second;
    } else {
      node.index = unit_index(node.index);
    }
    const Vertex c = add(node, v);
    if (v < plan_.column.size()) column_[c] = plan_.column[v];
    return c;
  }

  std::size_t unit_index(std::size_t i) {
    auto [it, fresh] = unit_at_.emplace(i, out_.graph.model.units.size());
    if (fresh) out_.graph.model.units.push_back(g_.model.units[i]);
    return it->second;
  }

  /// A card of this page standing for vertex `v` of the whole chart (its colour and fields), saying `text`.
  Vertex card(Vertex v, const std::string& text, bool side, PageLink::Kind kind, std::size_t target, int column) {
    Unit u = page_card_unit(g_, v, text, side);
    u.id += "~p" + std::to_string(page_ + 1) + "." + std::to_string(++cards_);
    OrgNode node = page_card_node(g_, v, u.id, out_.graph.model.units.size());
    out_.graph.model.units.push_back(std::move(u));
    const Vertex c = add(node, Graph::null_vertex());
    column_[c] = column;
    out_.links.push_back({kind, c, target});
    return c;
  }

  Vertex stub_for(std::size_t piece) {
    const PagePiece& p = plan_.pieces[piece];
    const int column = piece < plan_.stub_column.size() ? plan_.stub_column[piece] : -1;
    return card(p.tops.front(), stub_text(g_, p.tops.front(), p.tops.size() - 1, page_ref(page_of_piece(piece))), false,
                PageLink::Kind::kContinued, page_of_piece(piece), column);
  }

  void add_edge(Vertex a, Vertex b, const OrgEdge& e) { boost::add_edge(a, b, e, out_.graph.graph); }
  void hierarchy(Vertex parent, Vertex child) {
    add_edge(parent, child, OrgEdge{EdgeType::kHierarchy, "parent", 0, ""});
    out_.graph.children[parent].push_back(child);
  }

  void add_piece(std::size_t piece) {
    const PagePiece& p = plan_.pieces[piece];
    Vertex header = Graph::null_vertex();
    if (p.parent != kNoParent) {
      const Vertex parent = static_cast<Vertex>(p.parent);
      const std::size_t from = page_of_vertex(parent);
      header = card(parent, header_text(g_, parent, page_ref(from)), false, PageLink::Kind::kFrom, from,
                    piece < plan_.header_column.size() ? plan_.header_column[piece] : -1);
      out_.graph.roots.push_back(header);
    }
    // Preorder from the tops; the overview walks the roots and meets the cut ones as stubs in their place.
    // A cut child becomes a stub where the first top of its piece stood among its siblings.
    const std::vector<Vertex> tops = piece == 0 ? g_.roots : std::vector<Vertex>(p.tops.begin(), p.tops.end());
    struct Item {
      Vertex v, parent;
      std::size_t stub;  // the piece a stub stands for, or kNoParent for a vertex of this piece
    };
    std::vector<Item> stack, kids;
    for (auto it = tops.rbegin(); it != tops.rend(); ++it) {
      if (plan_.piece_of[*it] == piece) {
        stack.push_back({*it, header, kNoParent});
        continue;
      }
      for (std::size_t c : plan_.root_cut)
        if (plan_.pieces[c].tops.front() == *it) stack.push_back({*it, header, c});
    }
    while (!stack.empty()) {
      const Item item = stack.back();
      stack.pop_back();
      Vertex nv;
      if (item.stub != kNoParent) {
        nv = stub_for(item.stub);
        if (item.parent != Graph::null_vertex()) add_edge(item.parent, nv, OrgEdge{EdgeType::kHierarchy, "parent", 0, ""});
      } else {
        nv = copy(item.v);
        on_page_.push_back(item.v);
        if (item.parent != Graph::null_vertex() && item.parent == header)
          add_edge(header, nv, OrgEdge{EdgeType::kHierarchy, "parent", 0, ""});
        // Other edges into nv are copies of the whole chart's (add_cross_edges).
      }
      if (item.parent == Graph::null_vertex()) out_.graph.roots.push_back(nv);
      else out_.graph.children[item.parent].push_back(nv);
      if (item.stub != kNoParent) continue;
      kids.clear();
      for (Vertex c : g_.children[item.v]) {
        if (plan_.piece_of[c] == piece) {
          kids.push_back({c, nv, kNoParent});
          continue;
        }
        for (std::size_t cp : plan_.cut[item.v])
          if (plan_.pieces[cp].tops.front() == c) kids.push_back({c, nv, cp});
      }
      stack.insert(stack.end(), kids.rbegin(), kids.rend());
    }
    // The same parent's children go on on a later page: a stub under the header, last.
    if (header != Graph::null_vertex() && piece < plan_.next_run.size() && plan_.next_run[piece] != kNoParent) {
      const Vertex s = stub_for(plan_.next_run[piece]);
      hierarchy(header, s);
    }
  }

  /// Relations and roles: kept where both ends are on this page, else a reference card beside the source.
  void add_cross_edges() {
    for (Vertex v : on_page_) {
      const Vertex nv = copy_of_.at(v);
      std::size_t k = 0;
      for (auto e : boost::make_iterator_range(boost::out_edges(v, g_.graph))) {
        const OrgEdge& oe = g_.graph[e];
        const Vertex t = boost::target(e, g_.graph);
        if (oe.type == EdgeType::kHierarchy) {
          if (plan_.piece_of[t] == plan_.piece_of[v]) add_edge(nv, copy_of_.at(t), oe);
          continue;
        }
        const int column = v < plan_.side_column.size() && k < plan_.side_column[v].size() ? plan_.side_column[v][k] : -1;
        ++k;
        // On the overview, a relation within the page is drawn; on a flowed page it is a reference card like any
        // other (its place is kept anyway, and lines across the columns' connectors would not read).
        if (auto it = copy_of_.find(t); it != copy_of_.end() && overview_) {
          OrgEdge copy = oe;
          if (oe.type == EdgeType::kRelation) {
            copy.index = out_.graph.model.relations.size();
            out_.graph.model.relations.push_back(g_.model.relations[oe.index]);
          }
          add_edge(nv, it->second, copy);
          continue;
        }
        const std::size_t target_page = page_of_vertex(t);
        const Vertex ref = card(t, reference_text(g_, oe, t, page_ref(target_page)), true, PageLink::Kind::kReference,
                                target_page, column);
        hierarchy(nv, ref);
      }
    }
  }

  const OrgGraph& g_;
  const PagePlan& plan_;
  std::size_t page_;
  std::vector<std::size_t> pieces_;
  bool overview_;  ///< the overview's part: relations within it are drawn
  ChartPage out_;
  std::vector<Vertex> source_;
  std::vector<int> column_;
  std::vector<Vertex> on_page_;
  std::unordered_map<Vertex, Vertex> copy_of_;
  std::unordered_map<std::size_t, std::size_t> unit_at_, person_at_;
  std::size_t cards_;
};

/// Page 1's flowed part appended to its overview part: the vertices (and units, people, relations they index)
/// follow the overview's, and so do the layout's per-vertex entries and relation routes.
void append_part(ChartPage& into, const ChartPage& part) {
  OrgGraph& a = into.graph;
  const OrgGraph& b = part.graph;
  const std::size_t off = boost::num_vertices(a.graph), nb = boost::num_vertices(b.graph);
  const std::size_t units = a.model.units.size(), people = a.model.people.size(), rels = a.model.relations.size();
  a.model.units.insert(a.model.units.end(), b.model.units.begin(), b.model.units.end());
  a.model.people.insert(a.model.people.end(), b.model.people.begin(), b.model.people.end());
  a.model.relations.insert(a.model.relations.end(), b.model.relations.begin(), b.model.relations.end());
  for (Vertex v = 0; v < nb; ++v) {
    OrgNode node = b.graph[v];
    node.index += node.type == NodeType::kPerson ? people : units;
    boost::add_vertex(std::move(node), a.graph);
  }
  a.children.resize(off + nb);
  for (Vertex v = 0; v < nb; ++v)
    for (Vertex c : b.children[v]) a.children[off + v].push_back(off + c);
  for (Vertex r : b.roots) a.roots.push_back(off + r);
  for (auto e : boost::make_iterator_range(boost::edges(b.graph))) {
    OrgEdge oe = b.graph[e];
    if (oe.type == EdgeType::kRelation) oe.index += rels;
    boost::add_edge(off + boost::source(e, b.graph), off + boost::target(e, b.graph), oe, a.graph);
  }
  into.source.insert(into.source.end(), part.source.begin(), part.source.end());
  into.column.insert(into.column.end(), part.column.begin(), part.column.end());
  for (PageLink link : part.links) {
    link.vertex += off;
    into.links.push_back(link);
  }
  Layout& la = into.layout;
  const Layout& lb = part.layout;
  if (la.empty() || lb.empty()) return;
  la.centre.insert(la.centre.end(), lb.centre.begin(), lb.centre.end());
  la.size.insert(la.size.end(), lb.size.begin(), lb.size.end());
  la.hierarchy_route.insert(la.hierarchy_route.end(), lb.hierarchy_route.begin(), lb.hierarchy_route.end());
  for (LayoutRelation r : lb.relations) {
    r.relation += rels;
    r.source += off;
    r.target += off;
    la.relations.push_back(std::move(r));
  }
  la.bounds.width = std::max(la.bounds.width, lb.bounds.width);
  la.bounds.height = std::max(la.bounds.height, lb.bounds.height);
}

}  // namespace

double page_scale(const Rect& bounds, const PageSize& page) {
  if (!(bounds.width > 0) || !(bounds.height > 0)) return 1;
  return std::min({1.0, page.width / bounds.width, page.height / bounds.height});
}

namespace {

Layout lay_out_page(const OrgGraph& g, const std::vector<Size>& cards, Size legend, const PageSize& page) {
  OrgLayoutOptions o;
  o.tree.page_aspect = page.width / page.height;
  o.margin = kMargin;
  // The heading as the writer draws it: the title and the date line under it (28 pt kept for the title alone let
  // the date line run under the first cards).
  const ChartHeading heading = chart_heading(g, std::nullopt);
  o.title_height = heading_height(heading);
  o.title_width = heading_width(heading);
  return org_layout(g, cards, o, legend);
}

/// The card sizes of every page: a vertex of the whole chart keeps its measured size; the pages' own cards
/// (stubs, headers, references) are measured together in one Graphviz pass.
std::vector<std::vector<Size>> page_card_sizes(const std::vector<ChartPage>& pages, const std::vector<Size>& chart) {
  OrgGraph probe;
  if (!pages.empty()) {
    probe.is_diff = pages[0].graph.is_diff;
    probe.headcount = pages[0].graph.headcount;
    probe.color_by = pages[0].graph.color_by;
    probe.model.styles = pages[0].graph.model.styles;
  }
  std::vector<std::vector<Size>> out(pages.size());
  std::vector<std::pair<std::size_t, Vertex>> where;  // probe vertex -> (page, vertex)
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const ChartPage& p = pages[i];
    out[i].resize(p.source.size());
    for (Vertex v = 0; v < p.source.size(); ++v) {
      if (p.source[v] != Graph::null_vertex()) {
        out[i][v] = chart[p.source[v]];
        continue;
      }
      OrgNode node = p.graph.graph[v];
      node.index = probe.model.units.size();
      probe.model.units.push_back(p.graph.unit(v));
      boost::add_vertex(node, probe.graph);
      probe.children.emplace_back();
      probe.roots.push_back(boost::num_vertices(probe.graph) - 1);
      where.emplace_back(i, v);
    }
  }
  if (where.empty()) return out;
  const CardSizes measured = measure_cards(probe);
  for (std::size_t k = 0; k < where.size(); ++k)
    out[where[k].first][where[k].second] = page_card_size(probe, k, measured.cards[k]);
  return out;
}

}  // namespace

namespace {

/// Upper bounds on the sizes of the cards the pages add: per vertex a header naming it and a stub whose run starts
/// at it, per relation or role the reference beside its source; page numbers and counts with the most digits
/// they can have (digits are of one width). A reference wraps its name with the page number, so a shorter number
/// can wrap it wider: it is measured with every count of digits, and its size is the largest.
struct ExtraSizes {
  std::vector<Size> header, stub;
  std::vector<std::vector<Size>> side;
};

ExtraSizes extra_card_sizes(const OrgGraph& g) {
  const std::size_t n = boost::num_vertices(g.graph);
  std::size_t fan = 0;
  for (std::size_t v = 0; v < n; ++v) fan = std::max(fan, g.children[v].size());
  const std::size_t digits = std::to_string(n + 1).size();
  const std::string ref = "p. " + std::string(digits, '8');
  const std::size_t more = fan == 0 ? 0 : std::stoul(std::string(std::to_string(fan).size(), '8'));
  OrgGraph probe;
  probe.is_diff = g.is_diff;
  probe.headcount = g.headcount;
  probe.color_by = g.color_by;
  probe.model.styles = g.model.styles;
  auto add = [&](Vertex v, const std::string& text, bool side) {
    Unit u = page_card_unit(g, v, text, side);
    const OrgNode node = page_card_node(g, v, u.id, probe.model.units.size());
    probe.model.units.push_back(std::move(u));
    boost::add_vertex(node, probe.graph);
    probe.children.emplace_back();
    probe.roots.push_back(boost::num_vertices(probe.graph) - 1);
  };
  std::vector<std::size_t> sides(n, 0);
  for (Vertex v = 0; v < n; ++v) {
    add(v, header_text(g, v, ref), false);
    add(v, stub_text(g, v, more, ref), false);
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g.graph))) {
      if (g.graph[e].type == EdgeType::kHierarchy) continue;
      for (std::size_t d = 1; d <= digits; ++d)
        add(boost::target(e, g.graph), reference_text(g, g.graph[e], boost::target(e, g.graph), "p. " + std::string(d, '8')),
            true);
      ++sides[v];
    }
  }
  const CardSizes measured = measure_cards(probe);
  ExtraSizes out;
  out.header.resize(n);
  out.stub.resize(n);
  out.side.resize(n);
  std::size_t k = 0;
  auto next = [&] {
    const Size s = page_card_size(probe, k, measured.cards[k]);
    ++k;
    return s;
  };
  for (Vertex v = 0; v < n; ++v) {
    out.header[v] = next();
    out.stub[v] = next();
    for (std::size_t i = 0; i < sides[v]; ++i) {
      Size most{0, 0};
      for (std::size_t d = 1; d <= digits; ++d) {
        const Size s = next();
        most = {std::max(most.width, s.width), std::max(most.height, s.height)};
      }
      out.side[v].push_back(most);
    }
  }
  return out;
}

}  // namespace

PagedChart paginate(const OrgGraph& g, const PagingSettings& settings) {
  PagedChart out;
  out.page = settings.page;
  out.min_scale = settings.min_text / settings.smallest_font;
  const std::size_t n = boost::num_vertices(g.graph);
  const CardSizes sizes = measure_cards(g);

  // What a page holds at the smallest scale: the paper over that scale, less the margins and the title band.
  const double w = std::max(settings.page.width / out.min_scale - 2 * kMargin, 1.0);
  const double h = std::max(settings.page.height / out.min_scale - 2 * kMargin - kTitleHeight, 1.0);
  const double flow_h = std::max(h - (kFlowTitleHeight - kTitleHeight), 1.0);
  FlowOptions fo;
  fo.width = w;
  fo.height = flow_h;
  {
    // README "How many pages".
    PageBoundInput bound;
    bound.cards = sizes.cards;
    // Every page keeps its heading band: page 1 the title and date line of the overview, a flowed page the title
    // band with its date line and the connectors' lane above its columns. Cards stand below those; the bound takes
    // the larger of the two rooms for every page.
    ChartHeading first_heading = chart_heading(g, std::nullopt);
    first_heading.title = "page";  // every page has a title ("Page 1 of N" at least)
    const double first_h = settings.page.height / out.min_scale - 2 * kMargin - heading_height(first_heading);
    const double flowed_h = flow_h - fo.geometry.edge - fo.geometry.foot;
    bound.room = {w, std::max({first_h, flowed_h, 1.0})};
    const TreeLayoutOptions gaps;
    bound.gap = {gaps.sibling_gap, gaps.row_gap};
    bound.roots = g.roots.size();
    bound.extra = kSmallestPageCard;
    const PageBound b = page_lower_bound(bound);
    out.lower_bound = b.pages;
    out.area_bound = b.area;
    out.lines_bound = b.lines;
    out.columns_bound = b.columns;
  }

  FlowInput in;
  in.size = sizes.cards;
  in.children.resize(n);
  for (std::size_t v = 0; v < n; ++v) in.children[v].assign(g.children[v].begin(), g.children[v].end());
  in.roots.assign(g.roots.begin(), g.roots.end());
  {
    ExtraSizes extra = extra_card_sizes(g);
    in.header = std::move(extra.header);
    in.stub = std::move(extra.stub);
    in.side = std::move(extra.side);
  }
  fo.shrink.assign(n, Size{0, 0});

  // The overview: the top levels, as deep as their cards (and a stub under each parent of the last level) take at
  // most a sixth of the page by area (a tidy chart uses about three times that of its box, and the flow goes on
  // under it: a third left page 1 too little room, 8 pages for 300 units against 7); shallower if its layout does
  // not fit at the smallest scale.
  std::vector<int> depth(n, 0);
  std::vector<double> level_area, level_stubs;
  {
    std::vector<Vertex> order(g.roots.begin(), g.roots.end());
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Vertex v = order[i];
      if (level_area.size() <= static_cast<std::size_t>(depth[v])) level_area.resize(depth[v] + 1, 0), level_stubs.resize(depth[v] + 1, 0);
      level_area[depth[v]] += footprint(sizes.cards[v]);
      if (!g.children[v].empty()) level_stubs[depth[v]] += footprint(in.stub[g.children[v].front()]);
      for (Vertex c : g.children[v]) depth[c] = depth[v] + 1, order.push_back(c);
    }
  }
  int overview = 0;
  for (double area = level_area.empty() ? 0 : level_area[0];
       overview + 1 < static_cast<int>(level_area.size()) &&
       area + level_area[overview + 1] + level_stubs[overview + 1] <= w * h / 6;)
    area += level_area[++overview];

  FlowLayoutOptions lo;
  lo.geometry = fo.geometry;
  lo.margin = kMargin;
  const double paper_h = settings.page.height / out.min_scale;
  for (out.rounds = 1;; ++out.rounds) {
    fo.overview_depth = overview;
    const PagePlan plan = plan_flow(in, fo);
    out.pages.clear();
    {
      // Page 1: the overview, and below it the first run of the flow when there is room (then its pieces follow
      // the overview's, laid out apart and appended).
      const std::vector<std::size_t>& first = plan.pages[0];
      out.pages.push_back(PageBuilder(g, plan, 0, {0}).build());
      if (first.size() > 1)
        out.pages.push_back(
            PageBuilder(g, plan, 0, {first.begin() + 1, first.end()}, out.pages[0].links.size()).build());
      const auto cards = page_card_sizes(out.pages, sizes.cards);
      ChartPage whole = out.pages[0];
      if (first.size() > 1) append_part(whole, out.pages[1]);
      // Its legend as the writer draws it: the kinds on the page.
      ChartPage& cp = out.pages[0];
      cp.layout = lay_out_page(cp.graph, cards[0], measure_cards(whole.graph).legend, settings.page);
      if (page_scale(cp.layout.bounds, settings.page) < out.min_scale - 1e-9 && overview >= 0) {
        --overview;
        fo.first_room = {0, 0};
        continue;
      }
      // The flow goes on under the overview (kFlowGap below its drawing), down to the bottom margin.
      const double flow_top = cp.layout.bounds.height - kMargin + kFlowGap;
      const double room_h = paper_h - kMargin - flow_top;
      const bool tried = fo.first_room.height > 0;
      if (room_h > fo.geometry.edge && (!tried || fo.first_room.height > room_h + 1e-9) &&
          out.rounds < settings.max_rounds) {
        // Planned with more room than the overview leaves (or none yet): flow again with what it leaves, 1 pt
        // less each time so that this ends.
        fo.first_room = {tried ? fo.first_room.width : w, tried ? std::min(room_h, fo.first_room.height - 1) : room_h};
        continue;
      }
      if (first.size() > 1) {
        FlowLayoutOptions below = lo;
        below.title_height = flow_top - kMargin;
        below.title_width = 0;
        out.pages[1].layout = flow_layout(out.pages[1].graph, cards[1], out.pages[1].column, below);
        append_part(cp, out.pages[1]);
        out.pages.pop_back();
      }
    }
    for (std::size_t page = 1; page < plan.pages.size(); ++page) out.pages.push_back(PageBuilder(g, plan, page).build());
    const auto cards = page_card_sizes(out.pages, sizes.cards);
    out.unfit = 0;
    for (std::size_t page = 0; page < out.pages.size(); ++page) {
      ChartPage& cp = out.pages[page];
      if (page > 0) {
        lo.title_height = kFlowTitleHeight;
        lo.title_width = heading_width(chart_heading(cp.graph, std::nullopt));
        cp.layout = flow_layout(cp.graph, cards[page], cp.column, lo);
      }
      if (page_scale(cp.layout.bounds, settings.page) < out.min_scale - 1e-9) {
        ++out.unfit;
        // The planner's sizes of stubs and headers are upper bounds but for where their final text wraps: give
        // the page that much less room and flow again (its first card keys it; pages before it stay the same).
        if (page == 0 && plan.pages[0].size() > 1) {
          // Page 1's flowed part: less room under the overview.
          const double ex_w = cp.layout.bounds.width - settings.page.width / out.min_scale;
          const double ex_h = cp.layout.bounds.height - paper_h;
          // Its columns came out wider than planned by as much again as the room must lose (the planned width
          // may be well under the room: the next card needed a column more).
          const double drawn = cp.layout.bounds.width - 2 * kMargin;
          if (ex_w > 0) fo.first_room.width = std::min(fo.first_room.width - ex_w - 1, w - (drawn - plan.width[0]) - 1);
          if (ex_h > 0) fo.first_room.height -= ex_h + 1;
        } else if (page > 0) {
          const std::size_t first = plan.pieces[plan.pages[page].front()].tops.front();
          double cut = 0;  // the width the page had less
          for (Vertex v : cp.source)
            if (v != Graph::null_vertex()) cut = std::max(cut, fo.shrink[v].width);
          const double ex_w = cp.layout.bounds.width - settings.page.width / out.min_scale;
          const double ex_h = cp.layout.bounds.height - settings.page.height / out.min_scale;
          // As on page 1: at least the difference between the drawn and the planned width.
          const double drawn = cp.layout.bounds.width - 2 * kMargin;
          // Every card of the page: the search for page breaks may start the next page's run a card earlier or later.
          if (ex_w > 0)
            for (Vertex v : cp.source)
              if (v != Graph::null_vertex())
                fo.shrink[v].width = std::max({fo.shrink[v].width, cut + ex_w + 1, drawn - plan.width[page] + 1});
          fo.shrink[first].height += std::max(ex_h, 0.0) + (ex_h > 0 ? 1 : 0);
        }
      }
    }
    if (out.unfit == 0 || out.rounds >= settings.max_rounds) break;
  }
  return out;
}

}  // namespace orgchart
