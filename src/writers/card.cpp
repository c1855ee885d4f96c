#include "orgchart/writers/card.hpp"

#include <algorithm>

#include "orgchart/writers/text.hpp"

namespace orgchart {

namespace {

// Text is drawn shortened: a card keeps a size a chart can show, and no string of megabytes reaches Graphviz
// (its DOT lexer takes time quadratic in a string's length). The data outputs keep the text whole.
constexpr std::size_t kCardTextMax = kChartTextMax;  ///< about ten wrapped lines
constexpr std::size_t kTooltipMax = 2000;  ///< display columns of a hover text

std::vector<std::string> wrap_card_text(std::string_view s, std::size_t width) {
  return wrap_text(shorten(s, kCardTextMax), width);
}

}  // namespace

std::string display_name(const OrgGraph& g, Vertex v) {
  const OrgNode& n = g.graph[v];
  switch (n.type) {
    case NodeType::kUnit: return g.unit(v).name;
    case NodeType::kPerson: return g.person(v).name;
    case NodeType::kStub:
      return "+" + std::to_string(n.subtree_size) + (n.subtree_size == 1 ? " unit" : " units");
  }
  return n.id;
}

std::vector<CardLine> card_lines(const OrgGraph& g, Vertex v) {
  std::vector<CardLine> out;
  const OrgNode& n = g.graph[v];
  if (n.type == NodeType::kStub) {
    out.push_back({CardLine::Style::kDetail, display_name(g, v)});
    return out;
  }
  if (n.type == NodeType::kPerson) {
    const Person& p = g.person(v);
    for (auto& l : wrap_card_text(p.name, kNameWrap)) out.push_back({CardLine::Style::kName, l});
    if (!p.native_name.empty()) out.push_back({CardLine::Style::kNative, shorten(p.native_name, kCardTextMax)});
    return out;
  }
  const Unit& u = g.unit(v);
  std::string name = u.name;
  if (!u.abbreviations.empty() && u.abbreviations.front() != u.name) name += " (" + u.abbreviations.front() + ")";
  for (auto& l : wrap_card_text(name, kNameWrap)) out.push_back({CardLine::Style::kName, l});
  if (!u.native_name.empty())
    for (auto& l : wrap_card_text(u.native_name, kNameWrap)) out.push_back({CardLine::Style::kNative, l});
  const auto& leaders = n.leaders;
  if (g.is_diff && std::any_of(leaders.begin(), leaders.end(), [](const Leader& l) { return l.change != Change::kNone; })) {
    // A diff card lists leaders one by one, so that each can carry its change.
    for (const auto& l : leaders) {
      const char* mark = l.change == Change::kAdded ? "+ " : l.change == Change::kRemoved ? "\u2212 " : "";
      for (auto& line : wrap_card_text(mark + l.title + ": " + l.name, kDetailWrap))
        out.push_back({CardLine::Style::kLeader, line, l.change});
    }
    return out;
  }
  // Leaders grouped by title: "Head: A", "Deputy Heads: B, C, D".
  for (std::size_t i = 0; i < leaders.size();) {
    std::size_t j = i;
    std::string names;
    while (j < leaders.size() && leaders[j].title == leaders[i].title) {
      names += (j > i ? ", " : "") + leaders[j].name;
      ++j;
    }
    std::string title = leaders[i].title;
    if (j - i > 1 && !title.empty() && title.back() != 's') title += 's';
    for (auto& l : wrap_card_text(title + ": " + names, kDetailWrap)) out.push_back({CardLine::Style::kLeader, l});
    i = j;
  }
  return out;
}

std::string tooltip_text(const OrgGraph& g, Vertex v) {
  const OrgNode& n = g.graph[v];
  std::string t = display_name(g, v);
  if (n.type == NodeType::kUnit) {
    const Unit& u = g.unit(v);
    if (!u.native_name.empty()) t += "\n" + u.native_name;
    if (!u.romanized_name.empty()) t += "\n" + u.romanized_name;
    if (!u.abbreviations.empty()) {
      t += "\nAbbreviation: ";
      for (std::size_t i = 0; i < u.abbreviations.size(); ++i) t += (i ? ", " : "") + u.abbreviations[i];
    }
    if (!u.aliases.empty()) {
      t += "\nAlso: ";
      for (std::size_t i = 0; i < u.aliases.size(); ++i) t += (i ? "; " : "") + u.aliases[i];
    }
    if (!u.type.empty()) t += "\nType: " + u.type;
    if (u.founded) t += "\nFounded: " + u.founded->str();
    if (!u.headquarters.empty()) t += "\nHeadquarters: " + u.headquarters;
    for (const auto& l : n.leaders) t += "\n" + l.title + ": " + l.name;
  } else if (n.type == NodeType::kPerson) {
    for (const auto& r : g.person(v).roles) t += "\n" + r.display_title() + " of " + r.unit;
  } else {
    t += " below " + g.model.units[n.index].name + " (not shown at this depth)";
  }
  const auto sources = g.sources_of(v);
  if (!sources.empty()) {
    t += "\nSources:";
    for (const auto& id : sources) {
      const Source* s = g.model.find_source(id);
      t += "\n- " + id;
      if (s) {
        t += ": " + s->title;
        if (s->date) t += " (" + s->date->str() + ")";
      }
    }
  }
  return shorten(t, kTooltipMax);
}

std::string element_id(const OrgGraph&, Vertex v) { return "v" + std::to_string(v); }

std::string element_id(const OrgGraph& g, Edge e) {
  const OrgEdge& oe = g.graph[e];
  switch (oe.type) {
    case EdgeType::kHierarchy: return "h" + std::to_string(boost::target(e, g.graph));
    case EdgeType::kRelation: return "r" + std::to_string(oe.index);
    case EdgeType::kRole: return "p" + std::to_string(boost::target(e, g.graph)) + "-" + std::to_string(oe.index);
  }
  return "e";
}

std::string tooltip_text(const OrgGraph& g, Edge e) {
  const OrgEdge& oe = g.graph[e];
  const Vertex s = boost::source(e, g.graph), t = boost::target(e, g.graph);
  std::string tip = display_name(g, s) + " \u2192 " + display_name(g, t);
  if (oe.type == EdgeType::kHierarchy) return shorten(tip, kTooltipMax);
  tip = display_name(g, s) + " \u2014 " + oe.label + " \u2192 " + display_name(g, t);
  const Validity* valid = nullptr;
  if (oe.type == EdgeType::kRelation) {
    const Relation& r = g.model.relations[oe.index];
    valid = &r.valid;
    if (!r.amount.empty()) tip += "\nAmount: " + r.amount;
    if (!r.notes.empty()) tip += "\n" + r.notes;
  } else {
    valid = &g.person(t).roles[oe.index].valid;
  }
  if (valid->from) tip += "\nFrom: " + valid->from->str();
  if (valid->until) tip += "\nUntil: " + valid->until->str();
  const auto sources = g.sources_of(e);
  if (!sources.empty()) {
    tip += "\nSources:";
    for (const auto& id : sources) tip += " " + id;
  }
  return shorten(tip, kTooltipMax);
}

}  // namespace orgchart
