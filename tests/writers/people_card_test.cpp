// Person cards, vacancies, co-heads, dotted-line managers and colours by value: what the DOT says.
#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "orgchart/graph/diff_graph.hpp"
#include "orgchart/readers/loader.hpp"
#include "orgchart/writers/card.hpp"
#include "orgchart/writers/dot_writer.hpp"
#include "orgchart/writers/style.hpp"

namespace orgchart {
namespace {

OrgGraph graph_of(const std::string& yaml, GraphOptions o = {}) {
  return build_graph(load_org_string(yaml, "t.yaml").model, o);
}

std::string text_of(const std::vector<CardLine>& lines) {
  std::string s;
  for (const auto& l : lines) s += std::to_string(static_cast<int>(l.style)) + ":" + l.text + "|";
  return s;
}

std::string dot_of(const OrgGraph& g) {
  std::ostringstream out;
  write_dot(out, g, Layout{});
  return out.str();
}

Vertex vertex(const OrgGraph& g, const std::string& id) {
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph)))
    if (g.graph[v].id == id) return v;
  throw std::runtime_error("no vertex " + id);
}

constexpr const char* kTeam = R"(units:
  - {id: boss, name: Ada Lovelace, title: CTO, group: Engineering}
  - {id: open, name: Open role, title: Frontend Lead, group: Apps, vacant: true, parent: boss}
  - {id: team, name: Platform, kind: squad, parent: boss}
  - {id: lab, name: Lab, kind: guild, parent: boss}
  - {id: c, name: Carol, kind: contractor, parent: team, label: "Carol C.\nContract <ends> 2026"}
people:
  - {name: Alan, unit: team, role: co-head}
  - {name: Barbara, unit: team, role: co-head}
relations:
  - {unit: c, kind: dotted-line, target: boss}
  - {unit: c, kind: funds, target: lab}
)";

TEST(PeopleCard, NameTitleDepartmentVacancyLabelAndCoHeads) {
  const OrgGraph g = graph_of(kTeam);
  // Styles: 0 name, 1 native, 2 detail, 3 leader, 4 small, 5 vacant.
  EXPECT_EQ(text_of(card_lines(g, vertex(g, "boss"))), "0:Ada Lovelace|2:CTO|4:Engineering|");
  EXPECT_EQ(text_of(card_lines(g, vertex(g, "open"))), "5:Vacant|0:Frontend Lead|2:Open role|4:Apps|");
  EXPECT_EQ(text_of(card_lines(g, vertex(g, "c"))), "0:Carol C.|2:Contract <ends> 2026|");
  EXPECT_EQ(text_of(card_lines(g, vertex(g, "team"))), "0:Platform|3:Co-heads: Alan, Barbara|");
  EXPECT_EQ(g.unit(vertex(g, "boss")).kind, "person");  // a title without a kind is a person
  EXPECT_EQ(g.unit(vertex(g, "open")).kind, "position");
}

TEST(PeopleCard, Initials) {
  EXPECT_EQ(initials_of("Ada Lovelace"), "AL");
  EXPECT_EQ(initials_of("ada augusta king-lovelace"), "AL");
  EXPECT_EQ(initials_of("  Zhou   Enlai "), "ZE");
  EXPECT_EQ(initials_of("\xE5\x91\xA8\xE6\x81\xA9\xE6\x9D\xA5"), "\xE5\x91\xA8");  // one CJK word: its first character
  EXPECT_EQ(initials_of(""), "?");
}

TEST(PeopleDot, VacancyDottedLineAndLegend) {
  const OrgGraph g = graph_of(kTeam);
  const std::string dot = dot_of(g);
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> ag(agmemread(dot.c_str()), agclose);
  ASSERT_TRUE(ag) << dot;
  Agnode_t* open = agnode(ag.get(), const_cast<char*>("open"), 0);
  ASSERT_TRUE(open);
  EXPECT_EQ(std::string(agget(open, const_cast<char*>("style"))), "rounded,filled,dashed");
  Agnode_t* boss = agnode(ag.get(), const_cast<char*>("boss"), 0);
  EXPECT_EQ(std::string(agget(boss, const_cast<char*>("style"))), "rounded,filled");  // the default: not dashed
  Agnode_t* c = agnode(ag.get(), const_cast<char*>("c"), 0);
  int dotted = 0, labelled = 0;
  for (Agedge_t* e = agfstout(ag.get(), c); e; e = agnxtout(ag.get(), e)) {
    const std::string rel = agget(e, const_cast<char*>("relation"));
    if (rel == "dotted-line") {
      ++dotted;
      EXPECT_EQ(std::string(agget(e, const_cast<char*>("style"))), "dotted");
      EXPECT_EQ(std::string(agget(e, const_cast<char*>("label"))), "");
      EXPECT_EQ(std::string(aghead(e) == boss ? "boss" : "other"), "boss");
    } else if (std::string(agget(e, const_cast<char*>("label"))) == "funds") {
      ++labelled;
    }
  }
  EXPECT_EQ(dotted, 1);
  EXPECT_EQ(labelled, 1);  // other relations keep their label
  const std::string legend = legend_label(g);
  EXPECT_NE(legend.find(">dotted-line manager<"), std::string::npos) << legend;
  EXPECT_NE(legend.find(">vacancy (dashed)<"), std::string::npos) << legend;
  EXPECT_EQ(legend.find("dotted line (relation)"), std::string::npos) << legend;
  // Open kinds: each once, known kinds first in their fixed order, then by first appearance.
  const auto at = [&](const char* k) { return legend.find(std::string(">") + k + "<"); };
  EXPECT_LT(at("person"), at("position"));
  EXPECT_LT(at("position"), at("squad"));
  EXPECT_LT(at("squad"), at("guild"));
  EXPECT_LT(at("guild"), at("contractor"));
  EXPECT_EQ(legend.find(">squad<", at("squad") + 1), std::string::npos);
}

TEST(ColourScheme, DistinctDeterministicAndOverriddenByStyles) {
  OrgModel m = load_org_string(kTeam, "t.yaml").model;
  const ColourScheme by_kind(m, "");
  ASSERT_TRUE(by_kind.by_kind());
  const auto style = [&](const ColourScheme& s, const std::string& id) {
    for (const auto& u : m.units)
      if (u.id == id) return s.entry_of(u).style.fill.hex() + "/" + s.entry_of(u).style.border.hex();
    return std::string("none");
  };
  EXPECT_EQ(style(by_kind, "boss"), kind_style("person").fill.hex() + "/" + kind_style("person").border.hex());
  // Unknown kinds take the palette in order of first appearance: squad, guild, contractor.
  const auto& p = value_palette();
  EXPECT_EQ(style(by_kind, "team"), p[0].fill.hex() + "/" + p[0].border.hex());
  EXPECT_EQ(style(by_kind, "lab"), p[1].fill.hex() + "/" + p[1].border.hex());
  EXPECT_EQ(style(by_kind, "c"), p[2].fill.hex() + "/" + p[2].border.hex());
  // The palette's colours are all different, fills and outlines.
  for (std::size_t i = 0; i < p.size(); ++i)
    for (std::size_t j = i + 1; j < p.size(); ++j) {
      EXPECT_NE(p[i].fill.hex(), p[j].fill.hex());
      EXPECT_NE(p[i].border.hex(), p[j].border.hex());
    }
  // styles: wins, partly or wholly; the next value still gets the next palette colour.
  m.styles = {{"guild", "#010203", "", {}}, {"person", "#aabbcc", "#112233", {}}};
  const ColourScheme styled(m, "kind");
  EXPECT_EQ(style(styled, "lab"), "#010203/" + p[1].border.hex());
  EXPECT_EQ(style(styled, "boss"), "#aabbcc/#112233");
  EXPECT_EQ(style(styled, "c"), p[2].fill.hex() + "/" + p[2].border.hex());
  // By an attribute (a table's extra column); units without it share the "(none)" entry, listed last.
  m.units[0].attributes["site"] = "Oslo";
  m.units[2].attributes["site"] = "Lima";
  m.units[3].attributes["site"] = "Oslo";
  const ColourScheme by_site(m, "site");
  ASSERT_EQ(by_site.entries().size(), 3u);
  EXPECT_EQ(by_site.entries()[0].value, "Oslo");
  EXPECT_EQ(by_site.entries()[1].value, "Lima");
  EXPECT_EQ(by_site.entries()[2].value, "");
  EXPECT_EQ(style(by_site, "boss"), style(by_site, "lab"));
  EXPECT_NE(style(by_site, "boss"), style(by_site, "team"));
}

TEST(ColourScheme, PastTwelveValuesTheOutlineIsBoldAndAnUnknownColumnIsAUsageError) {
  OrgModel m;
  for (int i = 0; i < 14; ++i) {
    Unit u;
    u.id = "u" + std::to_string(i);
    u.name = "U";
    u.kind = "k" + std::to_string(i);
    m.units.push_back(std::move(u));
  }
  const ColourScheme s(m, "kind");
  ASSERT_EQ(s.entries().size(), 14u);
  EXPECT_FALSE(s.entries()[11].bold);
  EXPECT_TRUE(s.entries()[12].bold);
  EXPECT_EQ(s.entries()[12].style.fill.hex(), s.entries()[0].style.fill.hex());
  try {
    ColourScheme bad(m, "kin");
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "--color-by 'kin' is not a field or column of the data (did you mean 'kind'?)");
  }
}

TEST(ColourScheme, ADiffChartKeepsTheDataStyles) {
  const OrgModel m = load_org_string("styles: {squad: {fill: \"#010203\", outline: \"#040506\"}}\n"
                                     "units:\n  - {id: a, name: A, kind: squad}\n",
                                     "t.yaml")
                         .model;
  const OrgGraph g = build_diff_graph(m, m, GraphOptions{});
  EXPECT_NE(legend_label(g).find("BGCOLOR=\"#010203\" BORDER=\"1\" COLOR=\"#040506\""), std::string::npos) << legend_label(g);
}

}  // namespace
}  // namespace orgchart
