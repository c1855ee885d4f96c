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

std::string display_name(const OrgGraph& g, Vertex v) { return g.display_name(v); }

bool is_person_card(const Unit& u) {
  return u.kind == "person" || u.kind == "position" || !u.title.empty() || u.vacant;
}

std::string initials_of(const std::string& name) {
  // The first character of the first and of the last word.
  std::vector<std::string> firsts;
  bool at_start = true;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '.';
    if (space) at_start = true;
    else if (at_start) {
      std::string ch = name.substr(i, n);
      if (ch.size() == 1 && ch[0] >= 'a' && ch[0] <= 'z') ch[0] = static_cast<char>(ch[0] - 'a' + 'A');
      firsts.push_back(std::move(ch));
      at_start = false;
    }
    i += n;
  }
  if (firsts.empty()) return "?";
  return firsts.size() == 1 ? firsts[0] : firsts.front() + firsts.back();
}

std::optional<CardPicture> card_picture(const OrgGraph& g, Vertex v) {
  if (g.graph[v].type != NodeType::kUnit) return std::nullopt;
  const Unit& u = g.unit(v);
  if (u.photo.empty() || u.vacant) return std::nullopt;
  CardPicture p;
  p.file = u.photo_file;
  if (p.file.empty()) p.initials = initials_of(u.name);
  return p;
}

namespace {

void add_wrapped(std::vector<CardLine>& out, CardLine::Style style, const std::string& text, std::size_t width) {
  for (auto& l : wrap_card_text(text, width)) out.push_back({style, l});
}

/// "Uncertain on the chart's date: ..." with the windows that make it so (the sources give no exact date).
std::string uncertain_note(const OrgGraph& g, Vertex v) {
  std::string t = "\nUncertain on the chart's date (the sources give no exact date):";
  auto bounds = [](const Validity& valid) {
    std::string s;
    if (valid.from && !valid.from->exact()) s += " from " + valid.from->describe();
    if (valid.until && !valid.until->exact()) s += std::string(s.empty() ? "" : ",") + " until " + valid.until->describe();
    return s;
  };
  const Unit& u = g.unit(v);
  if (u.uncertain) t += "\n- the unit exists" + bounds(u.valid);
  for (const auto& p : g.model.people)
    for (const auto& r : p.roles)
      if (r.uncertain && r.unit == u.id) t += "\n- " + p.name + " is " + r.display_title() + bounds(r.valid);
  return t;
}

/// Name, title, department; a vacancy says so first and shows the position's title in place of a name.
void person_lines(std::vector<CardLine>& out, const Unit& u) {
  if (u.vacant) {
    out.push_back({CardLine::Style::kVacant, "Vacant"});
    add_wrapped(out, CardLine::Style::kName, u.title.empty() ? u.name : u.title, kNameWrap);
    if (!u.title.empty() && u.name != u.title && u.name != "Vacant") add_wrapped(out, CardLine::Style::kDetail, u.name, kDetailWrap);
  } else {
    add_wrapped(out, CardLine::Style::kName, u.name, kNameWrap);
    if (!u.native_name.empty()) add_wrapped(out, CardLine::Style::kNative, u.native_name, kNameWrap);
    if (!u.title.empty()) add_wrapped(out, CardLine::Style::kDetail, u.title, kDetailWrap);
  }
  if (!u.group.empty()) add_wrapped(out, CardLine::Style::kSmall, u.group, kDetailWrap);
}

/// The data's own card text: one line per line of `label`, the first as the name.
void label_lines(std::vector<CardLine>& out, const std::string& label) {
  std::size_t start = 0;
  while (start <= label.size()) {
    std::size_t end = label.find('\n', start);
    if (end == std::string::npos) end = label.size();
    std::string line = label.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    add_wrapped(out, out.empty() ? CardLine::Style::kName : CardLine::Style::kDetail, line, out.empty() ? kNameWrap : kDetailWrap);
    start = end + 1;
  }
}

/// The card's text before the headcount line.
std::vector<CardLine> unit_lines(const OrgGraph& g, Vertex v) {
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
  if (!u.label.empty()) {
    label_lines(out, u.label);
  } else if (is_person_card(u)) {
    person_lines(out, u);
  } else {
    std::string name = u.name;
    if (!u.abbreviations.empty() && u.abbreviations.front() != u.name) name += " (" + u.abbreviations.front() + ")";
    for (auto& l : wrap_card_text(name, kNameWrap)) out.push_back({CardLine::Style::kName, l});
    if (!u.native_name.empty())
      for (auto& l : wrap_card_text(u.native_name, kNameWrap)) out.push_back({CardLine::Style::kNative, l});
  }
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
      names += (j > i ? ", " : "") + leaders[j].name + (leaders[j].uncertain ? kUncertainMark : "");
      ++j;
    }
    std::string title = leaders[i].title;
    if (j - i > 1 && !title.empty() && title.back() != 's') title += 's';
    for (auto& l : wrap_card_text(title + ": " + names, kDetailWrap)) out.push_back({CardLine::Style::kLeader, l});
    i = j;
  }
  return out;
}

}  // namespace

std::vector<CardLine> card_lines(const OrgGraph& g, Vertex v) {
  std::vector<CardLine> out = unit_lines(g, v);
  const OrgNode& n = g.graph[v];
  if (g.headcount && n.type == NodeType::kUnit)
    out.push_back({CardLine::Style::kSmall,
                   std::to_string(n.direct_reports) + " direct / " + std::to_string(n.total_reports) + " total"});
  return out;
}

std::string tooltip_text(const OrgGraph& g, Vertex v) {
  const OrgNode& n = g.graph[v];
  std::string t = display_name(g, v);
  if (n.type == NodeType::kUnit) {
    const Unit& u = g.unit(v);
    if (u.vacant) t += " (vacant)";
    if (!u.title.empty()) t += "\n" + u.title;
    if (!u.group.empty() && is_person_card(u)) t += "\n" + u.group;
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
    for (const auto& l : n.leaders) t += "\n" + l.title + ": " + l.name + (l.uncertain ? kUncertainMark : "");
    if (is_uncertain(g, v)) t += uncertain_note(g, v);
    if (g.headcount) t += "\nReports: " + std::to_string(n.direct_reports) + " direct, " + std::to_string(n.total_reports) + " in total";
    if (!u.photo.empty() && u.photo_file.empty()) t += "\nPhoto not drawn: " + u.photo;
    for (const auto& [k, val] : u.attributes) t += "\n" + k + ": " + val;
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

bool is_uncertain(const OrgGraph& g, Vertex v) {
  const OrgNode& n = g.graph[v];
  if (n.type != NodeType::kUnit) return false;
  return g.unit(v).uncertain || std::any_of(n.leaders.begin(), n.leaders.end(), [](const Leader& l) { return l.uncertain; });
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
