#include "orgchart/readers/graphml_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "orgchart/cli/export.hpp"
#include "orgchart/model/validate.hpp"
#include "orgchart/readers/text_file.hpp"
#include "orgchart/writers/graphml_writer.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

OrgModel load(const std::string& path) { return load_org_file(path).model; }

std::string graphml_of(const OrgGraph& g, const Layout& layout, GraphmlDialect d) {
  std::ostringstream out;
  write_graphml(out, g, layout, GraphmlOptions{d});
  return out.str();
}

/// Reads GraphML that must be free of errors, and must validate.
OrgModel read_ok(const std::string& text, const std::string& file = "t.graphml") {
  ReadResult r = read_graphml_string(text, file);
  EXPECT_EQ(format_diagnostics(r.diagnostics), "");
  const auto more = validate(r.model);
  EXPECT_FALSE(has_errors(more)) << format_diagnostics(more);
  return r.model;
}

/// The whole diagnostic text of reading `text` (reader only, no validation).
std::string errors_of(const std::string& text) {
  return format_diagnostics(read_graphml_string(text, "t.graphml").diagnostics);
}

const Unit& unit(const OrgModel& m, const std::string& id) {
  const Unit* u = m.find_unit(id);
  if (!u) throw std::runtime_error("no unit " + id);
  return *u;
}

std::vector<std::string> ids(const OrgModel& m) {
  std::vector<std::string> out;
  for (const auto& u : m.units) out.push_back(u.id);
  return out;
}

// ---- our own GraphML, both dialects -----------------------------------------------------------------------

TEST(GraphmlReader, ReadsTrickyBackInBothDialects) {
  const OrgGraph g = build_graph(load("tests/data/yaml/valid/tricky.yaml"));
  for (auto dialect : {GraphmlDialect::kPlain, GraphmlDialect::kYed}) {
    SCOPED_TRACE(dialect == GraphmlDialect::kPlain ? "plain" : "yed");
    const OrgModel m = read_ok(graphml_of(g, Layout{}, dialect));
    EXPECT_EQ(m.title, "Tricky <b>chart</b> & \"friends\"");
    EXPECT_EQ(ids(m), (std::vector<std::string>{"root", "child-1", "child.2", "other"}));
    const Unit& root = unit(m, "root");
    EXPECT_EQ(root.name, "Root \"quoted\" \\ back\\slash \\N \\G");
    EXPECT_EQ(root.native_name, "中国共产党中央委员会对外联络部");
    EXPECT_EQ(root.abbreviations, (std::vector<std::string>{"R&D"}));
    EXPECT_EQ(root.kind, "party-organ");
    EXPECT_EQ(root.parent, "");
    const Unit& c1 = unit(m, "child-1");
    EXPECT_EQ(c1.name, "</text><script>alert(1)</script>");
    EXPECT_EQ(c1.parent, "root");
    EXPECT_EQ(c1.group, "Group <one> & more");
    EXPECT_EQ(c1.notes, "comment -- end --> here");
    EXPECT_EQ(unit(m, "child.2").name, "Line one\nline two");  // the writer drops the control character
    ASSERT_EQ(m.relations.size(), 1u);
    EXPECT_EQ(m.relations[0].unit, "child-1");
    EXPECT_EQ(m.relations[0].kind, "funds");
    EXPECT_EQ(m.relations[0].target, "other");
    EXPECT_EQ(m.relations[0].label, "pays <$> & more");
    EXPECT_EQ(m.relations[0].sources, (std::vector<std::string>{"s1"}));
    ASSERT_EQ(m.people.size(), 1u);
    EXPECT_EQ(m.people[0].name, "Head <i>X</i>");
    ASSERT_EQ(m.people[0].roles.size(), 1u);
    EXPECT_EQ(m.people[0].roles[0].unit, "root");
    EXPECT_EQ(m.people[0].roles[0].role, "head");
    EXPECT_EQ(m.people[0].roles[0].title, "");
    EXPECT_EQ(m.people[0].roles[0].sources, (std::vector<std::string>{"s1"}));
    ASSERT_EQ(m.sources.size(), 1u);
    EXPECT_EQ(m.sources[0].id, "s1");
    // The graph's 'sources' data carries the records, so titles survive (and reach SVG tooltips again).
    EXPECT_EQ(m.sources[0].title, "Source with <tags> & \"quotes\"");
    EXPECT_EQ(m.sources[0].date->str(), "2024");
  }
}

TEST(GraphmlReader, ReadsIldBack) {
  const OrgModel original = load("data/ild.yaml");
  const OrgGraph g = build_graph(original);
  const OrgModel m = read_ok(graphml_of(g, Layout{}, GraphmlDialect::kYed), "ild.graphml");
  ASSERT_EQ(m.units.size(), g.model.units.size());
  for (const Unit& want : g.model.units) {
    SCOPED_TRACE(want.id);
    const Unit& got = unit(m, want.id);
    EXPECT_EQ(got.name, want.name);
    EXPECT_EQ(got.kind, want.kind);
    EXPECT_EQ(got.parent, want.parent);
    EXPECT_EQ(got.group, want.group);
    EXPECT_EQ(got.abbreviations, want.abbreviations);
    EXPECT_EQ(got.aliases, want.aliases);
    EXPECT_EQ(got.tags, want.tags);
    EXPECT_EQ(got.type, want.type);
    EXPECT_EQ(got.founded, want.founded);
    EXPECT_EQ(got.notes, want.notes);
    EXPECT_EQ(got.sources, want.sources);
    EXPECT_EQ(got.valid.from, want.valid.from);
  }
  ASSERT_EQ(m.relations.size(), g.model.relations.size());
  for (std::size_t i = 0; i < m.relations.size(); ++i) {
    // Relations come back grouped by their source unit, as edges are written.
    const Relation& got = m.relations[i];
    auto want = std::find_if(g.model.relations.begin(), g.model.relations.end(), [&](const Relation& r) {
      return r.unit == got.unit && r.target == got.target && r.kind == got.kind;
    });
    ASSERT_NE(want, g.model.relations.end()) << got.unit << " " << got.kind << " " << got.target;
    EXPECT_EQ(got.label, want->label);
    EXPECT_EQ(got.notes, want->notes);
    EXPECT_EQ(got.sources, want->sources);
    EXPECT_EQ(got.valid.from, want->valid.from);
  }
  // Leaders: one person per card entry, heads before deputies, roles from the titles.
  std::vector<std::string> leaders;
  for (const Person& p : m.people) leaders.push_back(p.roles.at(0).role + " " + p.name);
  EXPECT_EQ(leaders, (std::vector<std::string>{"head Liu Haixing", "deputy-head Shen Ying", "deputy-head Chen Zhou",
                                               "deputy-head Li Mingxiang", "deputy-head Sun Haiyan",
                                               "deputy-head Lu Kang", "deputy-head Ma Hui"}));
  // The graph's sources come back whole: titles, dates, files, notes.
  ASSERT_EQ(m.sources.size(), original.sources.size());
  for (std::size_t i = 0; i < m.sources.size(); ++i) {
    SCOPED_TRACE(original.sources[i].id);
    EXPECT_EQ(m.sources[i].id, original.sources[i].id);
    EXPECT_EQ(m.sources[i].title, original.sources[i].title);
    EXPECT_EQ(m.sources[i].date, original.sources[i].date);
    EXPECT_EQ(m.sources[i].url, original.sources[i].url);
    EXPECT_EQ(m.sources[i].file, original.sources[i].file);
    EXPECT_EQ(m.sources[i].notes, original.sources[i].notes);
  }
  EXPECT_EQ(m.title, original.title);
  EXPECT_EQ(m.description, original.description);
}

TEST(GraphmlReader, ReadsPeopleDrawnAsNodes) {
  GraphOptions people_nodes;
  people_nodes.people = PeopleMode::kNodes;
  const OrgGraph g = build_graph(load("data/ild.yaml"), people_nodes);
  const OrgModel m = read_ok(graphml_of(g, Layout{}, GraphmlDialect::kPlain));
  ASSERT_EQ(m.people.size(), g.model.people.size());
  for (std::size_t i = 0; i < m.people.size(); ++i) {
    SCOPED_TRACE(m.people[i].name);
    EXPECT_EQ(m.people[i].name, g.model.people[i].name);
    ASSERT_EQ(m.people[i].roles.size(), g.model.people[i].roles.size());
    EXPECT_EQ(m.people[i].roles[0].role, g.model.people[i].roles[0].role);
    EXPECT_EQ(m.people[i].roles[0].unit, g.model.people[i].roles[0].unit);
    EXPECT_EQ(m.people[i].roles[0].sources, g.model.people[i].roles[0].sources);
    EXPECT_EQ(m.people[i].roles[0].valid.from, g.model.people[i].roles[0].valid.from);
  }
  for (const Unit& u : g.model.units) EXPECT_EQ(unit(m, u.id).sources, u.sources) << u.id;
}

// ---- the round trip: model -> GraphML -> model -> GraphML is byte-identical --------------------------------

void expect_round_trip(const OrgModel& model, const GraphOptions& options, bool org_layout) {
  for (auto dialect : {GraphmlDialect::kPlain, GraphmlDialect::kYed}) {
    SCOPED_TRACE(dialect == GraphmlDialect::kPlain ? "plain" : "yed");
    const OrgGraph g1 = build_graph(model, options);
    const Layout l1 = org_layout ? layout_for(g1, LayoutEngine::kOrg, PageSize{}) : Layout{};
    const std::string first = graphml_of(g1, l1, dialect);
    const OrgGraph g2 = build_graph(read_ok(first), options);
    const Layout l2 = org_layout ? layout_for(g2, LayoutEngine::kOrg, PageSize{}) : Layout{};
    const std::string second = graphml_of(g2, l2, dialect);
    EXPECT_EQ(second, first);
  }
}

TEST(GraphmlReader, RoundTripIsByteIdentical) {
  for (const char* path : {"tests/data/yaml/valid/tricky.yaml", "data/ild.yaml", "data/party-state.yaml"}) {
    SCOPED_TRACE(path);
    const OrgModel model = load(path);
    expect_round_trip(model, {}, false);
    expect_round_trip(model, {}, true);
  }
}

TEST(GraphmlReader, PeopleChartFieldsSurviveTheRoundTrip) {
  // title, vacant, placement, photo and the card label come back from the attribute table's GraphML keys.
  OrgModel model = load("data/examples/people.yaml");
  model.units[1].label = "Grace\nHopper";
  const std::string xml = graphml_of(build_graph(model), Layout{}, GraphmlDialect::kPlain);
  const OrgModel back = read_ok(xml);
  ASSERT_EQ(back.units.size(), model.units.size());
  bool vacancy = false;
  for (std::size_t i = 0; i < model.units.size(); ++i) {
    SCOPED_TRACE(model.units[i].id);
    const Unit& a = model.units[i];
    const Unit& b = unit(back, a.id);
    EXPECT_EQ(b.title, a.title);
    EXPECT_EQ(b.vacant, a.vacant);
    EXPECT_EQ(b.placement, a.placement);
    EXPECT_EQ(b.photo, a.photo);
    EXPECT_EQ(b.label, a.label);
    vacancy = vacancy || a.vacant;
  }
  EXPECT_TRUE(vacancy) << "the example must hold a vacancy for this test to mean something";
  EXPECT_EQ(unit(back, "assistant").placement, "side");
  EXPECT_EQ(unit(back, "cto").photo, "photos/ada.png");
  EXPECT_EQ(unit(back, "assistant").label, "Grace\nHopper");
  const std::string no = "<data key=\"n_vacant\">0<";
  EXPECT_NE(errors_of(std::string(xml).replace(xml.find(no), no.size(), "<data key=\"n_vacant\">maybe<"))
                .find("'vacant' is not true or false: 'maybe'; write true or false"),
            std::string::npos);
}

TEST(GraphmlReader, RoundTripIsByteIdenticalWithPeopleAsNodes) {
  GraphOptions options;
  options.people = PeopleMode::kNodes;
  expect_round_trip(load("data/ild.yaml"), options, true);
  // A person with roles in two units, the first one deeper: drawn under that one both times.
  const OrgModel model = load_org_string(R"(sources: [{id: s, title: S}]
units:
  - {id: a, name: A, kind: office, sources: [s]}
  - {id: b, name: B, kind: office, parent: a, sources: [s]}
  - {id: c, name: C, kind: office, parent: b, sources: [s]}
people:
  - name: P
    roles:
      - {unit: c, role: head, sources: [s]}
      - {unit: b, role: deputy-head, title: Vice Director, from: 2020, sources: [s]}
  - {name: Q, unit: b, role: head, sources: [s]}
)",
                                         "t.yaml")
                              .model;
  expect_round_trip(model, options, true);
}

TEST(GraphmlReader, RoundTripIsByteIdenticalAsOfADate) {
  GraphOptions options;
  options.as_of = parse_date("2024");
  expect_round_trip(load("data/ild.yaml"), options, true);
}

TEST(GraphmlReader, RoundTripKeepsLeadersInCardOrder) {
  // Titles that say nothing of rank must still come out in the order written: a "Director" before a
  // "Deputy Head" ranks as a deputy (a head or a deputy; a deputy cannot clash with another head).
  const std::string yaml = R"(sources: [{id: s, title: S}, {id: t, title: T}]
units:
  - {id: a, name: A, kind: office, sources: [s]}
  - {id: b, name: B, kind: office, parent: a, sources: [s]}
people:
  - {name: V, unit: b, role: head, sources: [t]}
  - {name: P, unit: a, role: head, title: Director, sources: [s]}
  - {name: Q, unit: a, role: deputy-head, sources: [s]}
  - {name: R, unit: a, role: secretary, title: "Party Secretary", sources: [s]}
  - {name: "T; U", unit: a, role: adviser, sources: [s]}
)";
  const OrgModel model = load_org_string(yaml, "t.yaml").model;
  expect_round_trip(model, {}, true);
  const OrgModel m = read_ok(graphml_of(build_graph(model), Layout{}, GraphmlDialect::kPlain));
  std::vector<std::string> roles;
  for (const Person& p : m.people) roles.push_back(p.roles[0].role + "/" + p.roles[0].title + "/" + p.name);
  EXPECT_EQ(roles, (std::vector<std::string>{"deputy-head/Director/P", "deputy-head//Q", "party-secretary//R",
                                             "adviser//T; U", "head//V"}));
  // B's node cites s and t, its hierarchy edge s only: t is its leader's.
  EXPECT_EQ(unit(m, "b").sources, (std::vector<std::string>{"s"}));
  EXPECT_EQ(m.people[4].roles[0].sources, (std::vector<std::string>{"t"}));
}

TEST(GraphmlReader, SourcesAndAttributesSurviveTheRoundTrip) {
  OrgModel model = load_org_string(R"(title: "T \"q\" \\ & <x>"
description: "Line one\nline\ttwo"
sources:
  - id: s1
    title: "Quotes \" and \\ backslash, 中文 😀, tab\tnewline\n, CR\r, </data> & <!-- -->"
    date: 2024-02-03
    url: "https://example.org/?a=1&b=2"
    file: ../x.txt
    notes: "]]> and \u2028"
  - {id: s2, title: Plain}
units:
  - {id: a, name: A, kind: office, sources: [s1]}
  - {id: b, name: B, kind: office, parent: a, sources: [s2]}
relations:
  - {unit: b, kind: funds, target: a, sources: [s1]}
)",
                                   "t.yaml")
                       .model;
  model.units[0].attributes = {{"Modularity Class", "3"}, {"url", "https://example.org/?a=1&b=2"}, {"zz", "<&>"}};
  model.units[1].attributes = {{"url", "u2"}, {"empty", ""}};
  model.relations[0].attributes = {{"Edge Weight Class", "x y"}};
  for (auto dialect : {GraphmlDialect::kPlain, GraphmlDialect::kYed}) {
    SCOPED_TRACE(dialect == GraphmlDialect::kPlain ? "plain" : "yed");
    const std::string first = graphml_of(build_graph(model), Layout{}, dialect);
    const OrgModel m = read_ok(first);
    EXPECT_EQ(m.title, model.title);
    EXPECT_EQ(m.description, model.description);
    ASSERT_EQ(m.sources.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
      EXPECT_EQ(m.sources[i].id, model.sources[i].id);
      EXPECT_EQ(m.sources[i].title, model.sources[i].title);
      EXPECT_EQ(m.sources[i].date, model.sources[i].date);
      EXPECT_EQ(m.sources[i].url, model.sources[i].url);
      EXPECT_EQ(m.sources[i].file, model.sources[i].file);
      EXPECT_EQ(m.sources[i].notes, model.sources[i].notes);
    }
    EXPECT_EQ(unit(m, "a").attributes, model.units[0].attributes);
    EXPECT_EQ(unit(m, "b").attributes, (std::map<std::string, std::string>{{"url", "u2"}}));  // empty values are not kept
    ASSERT_EQ(m.relations.size(), 1u);
    EXPECT_EQ(m.relations[0].attributes, model.relations[0].attributes);
    EXPECT_EQ(graphml_of(build_graph(m), Layout{}, dialect), first);
  }
}

// ---- copies saved by yEd and Gephi ---------------------------------------------------------------------------

TEST(GraphmlReader, ReadsAYedSavedCopy) {
  const std::string path = "tests/data/graphml/yed-saved.graphml";
  ReadResult r = read_graphml_file(path);
  ASSERT_EQ(format_diagnostics(r.diagnostics), "");
  const OrgModel& m = r.model;
  EXPECT_EQ(m.title, "");  // yEd's "Created by" comment is no title
  EXPECT_EQ(ids(m), (std::vector<std::string>{"cc", "ild", "general-office", "press-office"}));
  EXPECT_EQ(unit(m, "ild").parent, "cc");
  EXPECT_EQ(unit(m, "ild").abbreviations, (std::vector<std::string>{"ILD", "中联部"}));
  EXPECT_EQ(unit(m, "ild").founded->str(), "1951");
  EXPECT_EQ(unit(m, "ild").sources, (std::vector<std::string>{"s1"}));  // the hierarchy edge's: the unit's own
  EXPECT_EQ(unit(m, "general-office").parent, "ild");                    // parent_id: its edge was deleted
  EXPECT_EQ(unit(m, "general-office").group, "Internal organization");
  EXPECT_EQ(unit(m, "press-office").name, "Press Office");  // no label data: yEd's label
  EXPECT_EQ(unit(m, "press-office").parent, "ild");         // a hierarchy edge drawn in yEd
  EXPECT_EQ(unit(m, "press-office").loc.line, 85);
  EXPECT_EQ(unit(m, "press-office").loc.column, 5);
  ASSERT_EQ(m.people.size(), 2u);
  EXPECT_EQ(m.people[0].name, "Liu Haixing");
  EXPECT_EQ(m.people[0].roles[0].role, "head");
  EXPECT_EQ(m.people[0].roles[0].sources, (std::vector<std::string>{"s2"}));
  EXPECT_EQ(m.people[1].name, "Shen Ying");
  EXPECT_EQ(m.people[1].roles[0].role, "deputy-head");
  ASSERT_EQ(m.relations.size(), 1u);
  EXPECT_EQ(m.relations[0].kind, "reports-to");
  EXPECT_EQ(m.relations[0].label, "");  // "reports to" is what the kind says anyway
  // Unknown keys are kept by attr.name, non-empty values only.
  EXPECT_EQ(unit(m, "cc").attributes, (std::map<std::string, std::string>{{"url", "https://example.org/cc"}}));
  EXPECT_EQ(unit(m, "ild").attributes, (std::map<std::string, std::string>{{"description", "moved in yEd"}}));
  EXPECT_EQ(unit(m, "general-office").attributes, (std::map<std::string, std::string>{}));
  EXPECT_EQ(m.relations[0].attributes, (std::map<std::string, std::string>{{"url", "https://example.org/e2"}}));
  EXPECT_FALSE(has_errors(validate(m))) << format_diagnostics(validate(m));
}

TEST(GraphmlReader, ReadsAGephiSavedCopy) {
  ReadResult r = read_graphml_file("tests/data/graphml/gephi-saved.graphml");
  ASSERT_EQ(format_diagnostics(r.diagnostics), "");
  const OrgModel& m = r.model;
  EXPECT_EQ(ids(m), (std::vector<std::string>{"mfa", "policy-planning", "ciis"}));
  EXPECT_EQ(unit(m, "mfa").kind, "ministry");
  EXPECT_EQ(unit(m, "policy-planning").parent, "mfa");
  EXPECT_EQ(unit(m, "policy-planning").tags, (std::vector<std::string>{"planning", "policy"}));
  EXPECT_EQ(unit(m, "policy-planning").valid.from->str(), "2009-05");
  EXPECT_EQ(unit(m, "ciis").parent, "");
  ASSERT_EQ(m.relations.size(), 1u);
  EXPECT_EQ(m.relations[0].kind, "funds");
  EXPECT_EQ(m.relations[0].label, "");  // Gephi's "Edge Label" is the label
  EXPECT_EQ(m.relations[0].amount, "CNY 10 million");
  EXPECT_EQ(m.relations[0].sources, (std::vector<std::string>{"s2"}));
  EXPECT_EQ(unit(m, "mfa").attributes, (std::map<std::string, std::string>{{"Modularity Class", "0"}}));
  EXPECT_EQ(unit(m, "ciis").attributes, (std::map<std::string, std::string>{{"Modularity Class", "1"}}));
  EXPECT_EQ(m.relations[0].attributes, (std::map<std::string, std::string>{}));  // weight and Edge Label are ours
  std::vector<std::string> source_ids;
  for (const Source& s : m.sources) source_ids.push_back(s.id);
  EXPECT_EQ(source_ids, (std::vector<std::string>{"s1", "s2"}));
  EXPECT_FALSE(has_errors(validate(m))) << format_diagnostics(validate(m));
}

TEST(GraphmlReader, ReadsGraphLevelTitleDescriptionSourcesAndKeyDefaults) {
  const OrgModel m = read_ok(R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <!-- not the title: the graph's data says it -->
  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>
  <key id="g_description" for="graph" attr.name="description" attr.type="string"/>
  <key id="g_sources" for="graph" attr.name="sources" attr.type="string"/>
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <key id="s" for="node" attr.name="sources" attr.type="string"/>
  <key id="k" for="node" attr.name="kind" attr.type="string"><default>office</default></key>
  <graph edgedefault="directed">
    <data key="g_title">The title</data>
    <data key="g_description">Two lines
of text</data>
    <data key="g_sources">[{"id": "s1", "title": "A \"quoted\" source \u4e2d😀", "date": "2024-02",
      "url": "https://example.org/"}, {"id": "s2", "title": "Second", "notes": "tab\there"}]</data>
    <node id="a"><data key="l">A</data><data key="s">s1</data></node>
  </graph>
</graphml>
)");
  EXPECT_EQ(m.title, "The title");
  EXPECT_EQ(m.description, "Two lines\nof text");
  ASSERT_EQ(m.sources.size(), 2u);
  EXPECT_EQ(m.sources[0].id, "s1");
  EXPECT_EQ(m.sources[0].title, "A \"quoted\" source 中😀");
  EXPECT_EQ(m.sources[0].date->str(), "2024-02");
  EXPECT_EQ(m.sources[0].url, "https://example.org/");
  EXPECT_EQ(m.sources[1].notes, "tab\there");
  ASSERT_EQ(m.units.size(), 1u);
  EXPECT_EQ(m.units[0].kind, "office");  // the key's default
}

TEST(GraphmlReader, ReportsBadGraphSources) {
  EXPECT_EQ(errors_of(R"(<graphml>
  <key id="g" for="graph" attr.name="sources"/>
  <graph><data key="g">[{"id": "s1", "title": "x"}, {"title": "no id"}, {"id": "s3", "date": "May 2024"}</data></graph>
</graphml>
)"),
            "t.graphml:3:10: error: the graph's 'sources' is not a list of sources: end of sequence flow not found "
            "(at line 1, column 1 of it)\n"
            "      <graph><data key=\"g\">[{\"id\": \"s1\", \"title\": \"x\"}, {\"title\": \"no id\"}, {\"id\": \"s3\", "
            "\"date\": \"May 2024\"}</data></graph>\n"
            "             ^\n");
  EXPECT_EQ(errors_of(R"(<graphml>
  <key id="g" for="graph" attr.name="sources"/>
  <graph><data key="g">[{"id": "s1", "title": "x"}, {"title": "no id"}, {"id": "s3", "date": "May 2024"}]</data></graph>
</graphml>
)"),
            "t.graphml:3:10: error: source 2 of the graph's 'sources' has no valid 'id'\n"
            "      <graph><data key=\"g\">[{\"id\": \"s1\", \"title\": \"x\"}, {\"title\": \"no id\"}, {\"id\": \"s3\", "
            "\"date\": \"May 2024\"}]</data></graph>\n"
            "             ^\n"
            "t.graphml:3:10: error: source 's3' has an invalid date 'May 2024'; write YYYY, YYYY-MM or YYYY-MM-DD, or for a date the sources give only roughly 2025? (uncertain), "
            "2025~ (approximate), 2025-XX (month unknown) or an interval 2024-01-30/2025-12 (happened between)\n"
            "      <graph><data key=\"g\">[{\"id\": \"s1\", \"title\": \"x\"}, {\"title\": \"no id\"}, {\"id\": \"s3\", "
            "\"date\": \"May 2024\"}]</data></graph>\n"
            "             ^\n");
}

// ---- errors: like a compiler, every one of them ------------------------------------------------------------

TEST(GraphmlReader, MalformedXmlGivesLineAndColumn) {
  EXPECT_EQ(errors_of(""), "t.graphml:1:1: error: XML syntax error: Document is empty\n");
  EXPECT_EQ(errors_of("\n"), "t.graphml:2:1: error: XML syntax error: Start tag expected, '<' not found\n");
  EXPECT_EQ(errors_of("<graphml>\n  <graph>\n"),
            "t.graphml:3:1: error: XML syntax error: Premature end of data in tag graph line 2\n");
  EXPECT_EQ(errors_of("<graphml>\n  <graph>\n    <node id=\"n0\">\n  </graph>\n</graphml>\n"),
            "t.graphml:4:11: error: XML syntax error: Opening and ending tag mismatch: node line 3 and graph\n"
            "      </graph>\n"
            "              ^\n");
  EXPECT_EQ(errors_of("<graphml>\n  <graph>\n    <node id=n0/>\n  </graph>\n</graphml>\n"),
            "t.graphml:3:14: error: XML syntax error: AttValue: \" or ' expected\n"
            "        <node id=n0/>\n"
            "                 ^\n");
  // libxml2 counts characters, carets count bytes: the column is converted (中 is three bytes).
  EXPECT_EQ(errors_of("<graphml>\n  <graph>\n    <node id=\"中\"><data key=\"k\">R&D</data></node>\n"),
            "t.graphml:3:37: error: XML syntax error: EntityRef: expecting ';'\n"
            "        <node id=\"中\"><data key=\"k\">R&D</data></node>\n"
            "                                        ^\n");
  EXPECT_EQ(errors_of("<graphml><graph><node id=\"a\"><data key=\"k\">&xxe;</data></node></graph></graphml>"),
            "t.graphml:1:49: error: XML syntax error: Entity 'xxe' not defined\n"
            "    <graphml><graph><node id=\"a\"><data key=\"k\">&xxe;</data></node></graph></graphml>\n"
            "                                                    ^\n");
  EXPECT_EQ(errors_of("<graphml>\n<graph>\n</graph>\n</graphml>\n<graphml/>\n"),
            "t.graphml:5:1: error: XML syntax error: Extra content at the end of the document\n"
            "    <graphml/>\n"
            "    ^\n");
  // libxml2's depth limit stays on (no XML_PARSE_HUGE), and its advice to the programmer is not repeated.
  std::string deep = "<graphml>";
  for (int i = 0; i < 300; ++i) deep += "<x>";
  const std::string text = errors_of(deep);
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "t.graphml:1:778: error: XML syntax error: the elements are nested more than 256 deep");
}

TEST(GraphmlReader, RejectsEntityDeclarations) {
  // Billion laughs: refused at the first declaration, before anything expands.
  EXPECT_EQ(errors_of(R"(<?xml version="1.0"?>
<!DOCTYPE graphml [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<graphml><graph><node id="a"><data key="k">&lol2;</data></node></graph></graphml>
)"),
            "t.graphml:3:3: error: the DOCTYPE declares the entity 'lol'; GraphML files may not declare entities, "
            "remove the DOCTYPE\n"
            "      <!ENTITY lol \"lol\">\n"
            "      ^\n");
  // An external entity (XXE) is never fetched.
  EXPECT_EQ(errors_of(R"(<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<graphml><graph><node id="a"><data key="k">&xxe;</data></node></graph></graphml>
)"),
            "t.graphml:2:20: error: the DOCTYPE declares the entity 'xxe'; GraphML files may not declare entities, "
            "remove the DOCTYPE\n"
            "    <!DOCTYPE graphml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            "                       ^\n");
  // Nor is a parameter entity.
  EXPECT_EQ(errors_of("<!DOCTYPE graphml [<!ENTITY % pe SYSTEM \"http://example.org/x.dtd\"> %pe;]>\n<graphml/>\n"),
            "t.graphml:1:20: error: the DOCTYPE declares the entity 'pe'; GraphML files may not declare entities, "
            "remove the DOCTYPE\n"
            "    <!DOCTYPE graphml [<!ENTITY % pe SYSTEM \"http://example.org/x.dtd\"> %pe;]>\n"
            "                       ^\n");
  // A DOCTYPE without entities is harmless.
  EXPECT_EQ(errors_of("<!DOCTYPE graphml>\n<graphml><graph/></graphml>\n"), "");
}

TEST(GraphmlReader, CollectsEveryProblem) {
  EXPECT_EQ(errors_of("<graphml/>\n"),
            "t.graphml:1:1: error: the file has no <graph> element: there is nothing to draw\n"
            "    <graphml/>\n"
            "    ^\n");
  EXPECT_EQ(errors_of("<svg/>\n"),
            // Not GraphML: its lines are not repeated.
            "t.graphml:1:1: error: the root element is <svg>, not <graphml>: this is not a GraphML file\n");
  EXPECT_EQ(errors_of(R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="l" for="node" attr.name="label"/>
  <key id="k" for="node" attr.name="kind"/>
  <key id="r" for="edge" attr.name="relation"/>
  <key id="f" for="node" attr.name="founded"/>
  <graph>
    <node id="a"><data key="l">A</data><data key="k">office</data></node>
    <node id="b"><data key="k">office</data><data key="f">19x1</data></node>
    <node id="c"><data key="l">C</data></node>
    <node id="a"><data key="l">A again</data></node>
    <node id="bad id"><data key="l">D</data><data key="k">office</data><data key="zz">?</data></node>
    <edge source="a" target="x"><data key="r">parent</data></edge>
    <edge id="e1" source="a" target="c"/>
    <edge id="e2" source="a" target="b"><data key="r">funded by</data></edge>
    <edge id="e3" source="a" target="c"><data key="r">parent</data></edge>
    <edge id="e4" source="b" target="c"><data key="r">parent</data></edge>
  </graph>
</graphml>
)"),
            R"(t.graphml:8:5: error: node 'b' has no label; give it a 'label' (or a yEd label)
        <node id="b"><data key="k">office</data><data key="f">19x1</data></node>
        ^
t.graphml:8:45: error: 'founded' is not a valid date: '19x1': unspecified digits (X) must come last in the year, as in 202X; write YYYY, YYYY-MM or YYYY-MM-DD, or for a date the sources give only roughly 2025? (uncertain), 2025~ (approximate), 2025-XX (month unknown) or an interval 2024-01-30/2025-12 (happened between)
        <node id="b"><data key="k">office</data><data key="f">19x1</data></node>
                                                ^
t.graphml:9:5: error: node 'c' has no 'kind'; give it one of the unit kinds, such as 'department'
        <node id="c"><data key="l">C</data></node>
        ^
t.graphml:10:5: error: duplicate node id 'a' (first at line 7); give each node its own id
        <node id="a"><data key="l">A again</data></node>
        ^
t.graphml:11:5: error: 'bad id' is not a valid unit id: use letters, digits, '-', '_', '.', '@' or '+', starting with a letter or digit (set 'unit_id')
        <node id="bad id"><data key="l">D</data><data key="k">office</data><data key="zz">?</data></node>
        ^
t.graphml:11:72: error: <data> uses the key 'zz', which no <key> declares; declare it or remove the data
        <node id="bad id"><data key="l">D</data><data key="k">office</data><data key="zz">?</data></node>
                                                                           ^
t.graphml:12:5: error: this edge has the unknown target node 'x'
        <edge source="a" target="x"><data key="r">parent</data></edge>
        ^
t.graphml:13:5: error: edge 'e1' from 'a' to 'c' has no 'relation'; write 'parent' for the hierarchy or a relation kind such as 'funds'
        <edge id="e1" source="a" target="c"/>
        ^
t.graphml:14:41: error: 'funded by' is not a valid relation kind: use letters, digits, '-', '_', '.', '@' or '+', starting with a letter or digit
        <edge id="e2" source="a" target="b"><data key="r">funded by</data></edge>
                                            ^
t.graphml:16:5: error: unit 'c' has a second parent edge (the first is at line 15); a unit has one parent
        <edge id="e4" source="b" target="c"><data key="r">parent</data></edge>
        ^
)");
}

TEST(GraphmlReader, SuggestsTheNodeMeant) {
  EXPECT_EQ(errors_of(R"(<graphml>
  <key id="r" for="edge" attr.name="relation"/>
  <key id="l" for="node" attr.name="label"/>
  <key id="k" for="node" attr.name="kind"/>
  <graph>
    <node id="n10"><data key="l">A</data><data key="k">office</data></node>
    <edge id="e0" source="n10" target="n11"><data key="r">parent</data></edge>
  </graph>
</graphml>
)"),
            "t.graphml:7:5: error: edge 'e0' has the unknown target node 'n11' (did you mean 'n10'?)\n"
            "        <edge id=\"e0\" source=\"n10\" target=\"n11\"><data key=\"r\">parent</data></edge>\n"
            "        ^\n");
}

TEST(GraphmlReader, ReadsOtherEncodings) {
  // Latin-1: libxml2 converts to UTF-8; locations still name the element, without a (garbled) source line.
  ReadResult r = read_graphml_string(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<graphml>\n  <key id=\"l\" for=\"node\" attr.name=\"label\"/><key id=\"k\" for=\"node\" attr.name=\"kind\"/>\n  <graph>\n"
      "    <node id=\"a\"><data key=\"l\">Caf\xe9</data></node>\n  </graph>\n</graphml>\n",
      "t.graphml");
  ASSERT_EQ(r.model.units.size(), 1u);
  EXPECT_EQ(r.model.units[0].name, "Café");
  EXPECT_EQ(format_diagnostics(r.diagnostics),
            "t.graphml:5:5: error: node 'a' has no 'kind'; give it one of the unit kinds, such as 'department'\n");
}

TEST(GraphmlReader, AMissingFileIsADiagnostic) {
  const ReadResult r = read_graphml_file("tests/data/graphml/no-such-file.graphml");
  EXPECT_EQ(format_diagnostics(r.diagnostics),
            "tests/data/graphml/no-such-file.graphml: error: cannot read file: no such file\n");
}

// ---- GraphML of other programs -----------------------------------------------------------------------------

TEST(GraphmlForeign, NetworkxGraphsAreUnitsUnderTheirEdgesSources) {
  // networkx.write_graphml of a DiGraph built with add_edge(manager, report): no kind, no relation, ids that are
  // names. Each node and edge was an error ("has no 'kind'", "has no 'relation'", "not a valid unit id").
  const OrgModel m = read_ok(R"(<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="d1" for="node" attr.name="title" attr.type="string" />
  <key id="d0" for="node" attr.name="name" attr.type="string" />
  <graph edgedefault="directed">
    <node id="Alice Smith"><data key="d0">Alice Smith</data><data key="d1">CEO</data></node>
    <node id="Bob"><data key="d1">CTO</data></node>
    <node id="3" />
    <node id="Alice-Smith" />
    <edge source="Alice Smith" target="Bob" />
    <edge source="Bob" target="3" />
    <edge source="Bob" target="Alice-Smith" />
  </graph>
</graphml>
)");
  EXPECT_EQ(ids(m), (std::vector<std::string>{"Alice-Smith", "Bob", "3", "Alice-Smith-2"}));
  EXPECT_EQ(unit(m, "Alice-Smith").name, "Alice Smith");
  EXPECT_EQ(unit(m, "Alice-Smith").title, "CEO");
  EXPECT_EQ(unit(m, "Alice-Smith").kind, "unit");
  EXPECT_EQ(unit(m, "Alice-Smith").attributes.at("graphml id"), "Alice Smith");
  EXPECT_EQ(unit(m, "Bob").name, "Bob");  // no label, no name: the id
  EXPECT_EQ(unit(m, "Bob").parent, "Alice-Smith");
  EXPECT_EQ(unit(m, "3").parent, "Bob");
  EXPECT_EQ(unit(m, "Alice-Smith-2").parent, "Bob");
  EXPECT_EQ(unit(m, "Alice-Smith-2").attributes.at("graphml id"), "Alice-Smith");
}

TEST(GraphmlForeign, YedDrawingsTakeLabelsAndGroupsAndReportWhatAChartCannotHold) {
  const std::string head = R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode><y:NodeLabel>Anna Müller<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel></y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1" yfiles.foldertype="group"><data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode><y:NodeLabel>Sales</y:NodeLabel></y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n1:">
        <node id="n1::n0"><data key="d6"><y:ShapeNode><y:NodeLabel>Иван</y:NodeLabel></y:ShapeNode></data></node>
      </graph>
    </node>
    <edge id="e0" source="n0" target="n1::n0"><data key="d6"/></edge>
)";
  const OrgModel m = read_ok(head + "  </graph>\n</graphml>\n");
  EXPECT_EQ(ids(m), (std::vector<std::string>{"n0", "n1-n0"}));  // the group is a frame, not a unit
  EXPECT_EQ(unit(m, "n0").name, "Anna Müller");
  EXPECT_EQ(unit(m, "n1-n0").name, "Иван");
  EXPECT_EQ(unit(m, "n1-n0").group, "Sales");
  EXPECT_EQ(unit(m, "n1-n0").parent, "n0");
  EXPECT_EQ(errors_of(head + "    <edge id=\"e1\" source=\"n0\" target=\"n1\"/>\n"
                             "    <edge id=\"e2\" source=\"n0\" target=\"n0\"/>\n"
                             "    <edge id=\"e3\" source=\"n0\" target=\"n1::n0\"/>\n  </graph>\n</graphml>\n"),
            "t.graphml:12:5: error: edge 'e1' from 'n0' to 'n1' ends at the group 'Sales', which is drawn as a frame "
            "around its members, not as a card; connect the edge to a member\n"
            "        <edge id=\"e1\" source=\"n0\" target=\"n1\"/>\n"
            "        ^\n"
            "t.graphml:13:5: error: edge 'e2' from 'n0' to 'n0' is a loop: a unit cannot be its own parent; delete the edge\n"
            "        <edge id=\"e2\" source=\"n0\" target=\"n0\"/>\n"
            "        ^\n"
            "t.graphml:14:5: error: edge 'e3' from 'n0' to 'n1::n0' gives unit 'n1-n0' a second parent (the first edge is "
            "at line 11); an org chart has one parent per unit: delete one of the edges\n"
            "        <edge id=\"e3\" source=\"n0\" target=\"n1::n0\"/>\n"
            "        ^\n");
}

// Issue 8: what GraphML from elsewhere may hold.
const char* const kHead = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                          "  <key id=\"l\" for=\"node\" attr.name=\"label\"/>\n  <key id=\"k\" for=\"node\" attr.name=\"kind\"/>\n";

TEST(GraphmlInputSafety, HyperedgesAreReportedNotDropped) {
  const std::string text = std::string(kHead) +
                           "  <graph>\n    <node id=\"a\"><data key=\"l\">A</data><data key=\"k\">office</data></node>\n"
                           "    <hyperedge><endpoint node=\"a\"/></hyperedge>\n  </graph>\n</graphml>\n";
  EXPECT_EQ(errors_of(text),
            "t.graphml:6:5: warning: this <hyperedge> is left out: orgchart draws edges between two nodes only; "
            "replace it by <edge>s\n"
            "        <hyperedge><endpoint node=\"a\"/></hyperedge>\n"
            "        ^\n");
}

TEST(GraphmlInputSafety, ARedefinedKeyIsReportedWhereItIs) {
  const std::string text = std::string(kHead) + "  <key id=\"l\" for=\"node\" attr.name=\"notes\"/>\n"
                           "  <graph/>\n</graphml>\n";
  EXPECT_EQ(errors_of(text),
            "t.graphml:4:3: error: the key id 'l' is declared twice (first at line 2); give each <key> its own id\n"
            "      <key id=\"l\" for=\"node\" attr.name=\"notes\"/>\n"
            "      ^\n");
}

TEST(GraphmlInputSafety, InvalidUtf8IsNeverEchoedRaw) {
  const std::string text = std::string(kHead) +
                           "  <graph>\n    <node id=\"a\"><data key=\"l\">Caf\xe9\x01</data></node>\n  </graph>\n</graphml>\n";
  const std::string got = errors_of(text);
  EXPECT_NE(got.find("t.graphml:5:"), std::string::npos) << got;
  EXPECT_NE(got.find("Caf\\xe9"), std::string::npos) << got;
  EXPECT_EQ(got.find('\xe9'), std::string::npos) << got;
  EXPECT_EQ(got.find('\x01'), std::string::npos) << got;
}

TEST(GraphmlInputSafety, AHugeIdGetsOurOwnMessage) {
  const std::string text = std::string(kHead) + "  <graph>\n    <node id=\"" + std::string(11 << 20, 'i') +
                           "\"/>\n  </graph>\n</graphml>\n";
  const std::string got = errors_of(text);
  EXPECT_NE(got.find("is too long"), std::string::npos) << got.substr(0, 300);
  EXPECT_EQ(got.find("Huge input lookup"), std::string::npos) << got.substr(0, 300);
  EXPECT_LT(got.size(), 1000u);  // a window of the line, not the line
}

TEST(GraphmlInputSafety, SourcesDataCannotExpandWithoutBound) {
  std::string json = "[&amp;a0 [x, x, x, x, x, x, x, x, x, x]";  // &amp; in XML is YAML's anchor &
  for (int i = 1; i < 8; ++i) {
    json += ", &amp;a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) json += (k ? ", " : "") + std::string("*a") + std::to_string(i - 1);
    json += "]";
  }
  json += "]";
  const std::string text = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                           "  <key id=\"s\" for=\"graph\" attr.name=\"sources\"/>\n"
                           "  <graph><data key=\"s\">" + json + "</data></graph>\n</graphml>\n";
  const std::string got = errors_of(text);
  EXPECT_NE(got.find("t.graphml:3:10: error: the graph's 'sources' is not a list of sources: its aliases (*name) would "
                     "expand it past"), std::string::npos) << got;
}

TEST(GraphmlReader, DeeplyNestedSourcesAreBoundedAndNamed) {
  // '[[[[...' in the graph's sources made yaml-cpp hold 250 bytes a bracket before its depth guard said "bad
  // file" (found by hand: 9 MB of them in one <data>, 2.1 GB and 14 s).
  auto sources = [](const std::string& json) {
    return errors_of("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                     "  <key id=\"s\" for=\"graph\" attr.name=\"sources\"/>\n"
                     "  <graph><data key=\"s\">" + json + "</data></graph>\n</graphml>\n");
  };
  std::string got = sources(std::string(200000, '['));
  EXPECT_EQ(got.substr(0, got.find('\n')),
            "t.graphml:3:10: error: the graph's 'sources' is not a list of sources: it is nested too deeply (more "
            "than 10000 '[' and '{' at line 1, column 10001 of it)");
  got = sources(std::string(3000, '[') + std::string(3000, ']'));  // past yaml-cpp's guard, within ours
  EXPECT_EQ(got.substr(0, got.find('\n')),
            "t.graphml:3:10: error: the graph's 'sources' is not a list of sources: it is nested too deeply (at line 1, "
            "column 1 of it)");
}

// ---- streamed reading (the file is never held whole) ------------------------------------------------------------

using test::temp_dir;
using test::write_file;

/// A small org with a relation: keys, then `nodes` and `edges` in the order asked for.
std::string small_org(bool edges_first) {
  const std::string keys = std::string(kHead) + "  <key id=\"r\" for=\"edge\" attr.name=\"relation\"/>\n";
  const std::string nodes = "    <node id=\"a\"><data key=\"l\">A</data><data key=\"k\">office</data></node>\n"
                            "    <node id=\"b\"><data key=\"l\">B</data><data key=\"k\">office</data></node>\n"
                            "    <node id=\"c\"><data key=\"l\">C</data><data key=\"k\">office</data></node>\n";
  const std::string edges = "    <edge source=\"a\" target=\"b\"><data key=\"r\">parent</data></edge>\n"
                            "    <edge source=\"a\" target=\"c\"><data key=\"r\">parent</data></edge>\n"
                            "    <edge source=\"c\" target=\"b\"><data key=\"r\">funds</data></edge>\n"
                            "    <edge source=\"b\" target=\"c\"><data key=\"r\">advises</data></edge>\n";
  return keys + "  <graph>\n" + (edges_first ? edges + nodes : nodes + edges) + "  </graph>\n</graphml>\n";
}

TEST(GraphmlStreaming, EdgesBeforeTheirNodesReadAsAfterThem) {
  for (bool edges_first : {false, true}) {
    SCOPED_TRACE(edges_first ? "edges first" : "nodes first");
    const OrgModel m = read_ok(small_org(edges_first));
    EXPECT_EQ(ids(m), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(unit(m, "b").parent, "a");
    EXPECT_EQ(unit(m, "c").parent, "a");
    ASSERT_EQ(m.relations.size(), 2u);
    EXPECT_EQ(m.relations[0].kind, "funds");  // in the order written
    EXPECT_EQ(m.relations[1].kind, "advises");
  }
}

TEST(GraphmlStreaming, AnEdgeToAnUnknownNodeIsReportedWhereverItStands) {
  std::string text = small_org(true);
  text.replace(text.find("target=\"b\""), 10, "target=\"bb\"");
  EXPECT_EQ(errors_of(text), "t.graphml:6:5: error: this edge has the unknown target node 'bb' (did you mean 'b'?)\n"
                             "        <edge source=\"a\" target=\"bb\"><data key=\"r\">parent</data></edge>\n"
                             "        ^\n");
}

TEST(GraphmlStreaming, NodesInsideAGroupKeepTheDocumentOrder) {
  // yEd writes a group as a node holding a <graph>: the group closes after its members.
  const std::string text = std::string(kHead) + "  <key id=\"r\" for=\"edge\" attr.name=\"relation\"/>\n  <graph>\n"
                           "    <node id=\"g\"><data key=\"l\">G</data><data key=\"k\">office</data>\n"
                           "      <graph id=\"g:\">\n"
                           "        <node id=\"ga\"><data key=\"l\">A</data><data key=\"k\">office</data></node>\n"
                           "        <node id=\"gb\"><data key=\"l\">B</data><data key=\"k\">office</data></node>\n"
                           "        <edge source=\"g\" target=\"ga\"><data key=\"r\">parent</data></edge>\n"
                           "      </graph>\n    </node>\n"
                           "    <node id=\"z\"><data key=\"l\">Z</data><data key=\"k\">office</data></node>\n"
                           "    <edge source=\"g\" target=\"gb\"><data key=\"r\">parent</data></edge>\n"
                           "  </graph>\n</graphml>\n";
  ReadResult r = read_graphml_string(text, "t.graphml");
  EXPECT_EQ(format_diagnostics(r.diagnostics), "");
  std::vector<std::string> names;
  for (const Unit& u : r.model.units) names.push_back(u.name);
  EXPECT_EQ(names, (std::vector<std::string>{"G", "A", "B", "Z"}));
  EXPECT_EQ(r.model.units[1].parent, "g");
  EXPECT_EQ(r.model.units[2].parent, "g");
}

TEST(GraphmlStreaming, DuplicateIdsNameTheFirstInDocumentOrder) {
  const std::string text = std::string(kHead) + "  <graph>\n"
                           "    <node id=\"a\"><data key=\"l\">A</data><data key=\"k\">office</data>\n"
                           "      <graph><node id=\"a\"><data key=\"l\">A2</data><data key=\"k\">office</data></node></graph>\n"
                           "    </node>\n  </graph>\n</graphml>\n";
  EXPECT_NE(errors_of(text).find("t.graphml:6:14: error: duplicate node id 'a' (first at line 5)"), std::string::npos)
      << errors_of(text);
}

TEST(GraphmlStreaming, KeysAfterTheGraphAreReadAsIfDeclaredFirst) {
  // GraphML declares keys first; a file that does not is read a second time with every key known.
  const std::string text = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                           "  <key id=\"l\" for=\"node\" attr.name=\"label\"/>\n  <graph>\n"
                           "    <node id=\"a\"><data key=\"l\">A</data><data key=\"k\">office</data></node>\n"
                           "    <node id=\"b\"><data key=\"l\">B</data><data key=\"k\">office</data></node>\n"
                           "    <edge source=\"a\" target=\"b\"><data key=\"r\">parent</data></edge>\n"
                           "    <hyperedge><endpoint node=\"a\"/></hyperedge>\n"
                           "  </graph>\n  <key id=\"k\" for=\"node\" attr.name=\"kind\"/>\n"
                           "  <key id=\"r\" for=\"edge\" attr.name=\"relation\"/>\n  <key id=\"r\" for=\"edge\" attr.name=\"relation\"/>\n"
                           "</graphml>\n";
  const ReadResult r = read_graphml_string(text, "t.graphml");
  // The parser's own problems once, not once per pass.
  EXPECT_EQ(format_diagnostics(r.diagnostics),
            "t.graphml:7:5: warning: this <hyperedge> is left out: orgchart draws edges between two nodes only; "
            "replace it by <edge>s\n"
            "        <hyperedge><endpoint node=\"a\"/></hyperedge>\n"
            "        ^\n"
            "t.graphml:11:3: error: the key id 'r' is declared twice (first at line 10); give each <key> its own id\n"
            "      <key id=\"r\" for=\"edge\" attr.name=\"relation\"/>\n"
            "      ^\n");
  ASSERT_EQ(r.model.units.size(), 2u);
  EXPECT_EQ(r.model.units[0].kind, "office");
  EXPECT_EQ(r.model.units[1].parent, "a");
}

/// A GraphML file of `n` units (u0 the root) with `line` inserted before the closing </graph>.
std::string many_units(int n, const std::string& line = "") {
  std::string text = std::string(kHead) + "  <key id=\"r\" for=\"edge\" attr.name=\"relation\"/>\n  <graph>\n";
  for (int i = 0; i < n; ++i)
    text += "    <node id=\"u" + std::to_string(i) + "\"><data key=\"l\">Unité " + std::to_string(i) +
            "</data><data key=\"k\">office</data></node>\n";
  for (int i = 1; i < n; ++i)
    text += "    <edge source=\"u" + std::to_string((i - 1) / 4) + "\" target=\"u" + std::to_string(i) +
            "\"><data key=\"r\">parent</data></edge>\n";
  return text + line + "  </graph>\n</graphml>\n";
}

TEST(GraphmlStreaming, DiagnosticsFarIntoAFileKeepTheirLinesAndColumns) {
  // Far past the parser's first chunks: the lines shown are read again from the file.
  const std::string dir = temp_dir();
  std::string text = many_units(3000);
  const std::size_t at = text.find("<node id=\"u2500\">");
  text.replace(text.find("<data key=\"k\">office</data>", at), 27, "");
  write_file(dir + "/big.graphml", text);
  const ReadResult r = read_graphml_file(dir + "/big.graphml");
  EXPECT_EQ(format_diagnostics(r.diagnostics),
            dir + "/big.graphml:2506:5: error: node 'u2500' has no 'kind'; give it one of the unit kinds, such as "
                  "'department'\n"
                  "        <node id=\"u2500\"><data key=\"l\">Unité 2500</data></node>\n"
                  "        ^\n");
  // Validation's problems too, through the loader.
  std::string bad_parent = many_units(3000);
  const std::size_t last = bad_parent.rfind("target=\"u");
  bad_parent.replace(last, bad_parent.find('"', last + 8) + 1 - last, "target=\"u0\"");  // a cycle
  write_file(dir + "/parent.graphml", bad_parent);
  try {
    load_org_file(dir + "/parent.graphml");
    ADD_FAILURE() << "no error";
  } catch (const ParseError& e) {
    const std::string got = format_diagnostics(e.diagnostics());
    EXPECT_EQ(got.rfind(dir + "/parent.graphml:6004:5: error: ", 0), 0u) << got;
    EXPECT_NE(got.find("\n        <edge source=\"u749\" target=\"u0\">"), std::string::npos) << got;
  }
}

TEST(GraphmlStreaming, AnXmlErrorFarIntoAFileCountsColumnsInBytes) {
  const std::string dir = temp_dir();
  write_file(dir + "/broken.graphml", many_units(3000, "    <node id=\"é\" x=>\n"));
  const ReadResult r = read_graphml_file(dir + "/broken.graphml");
  ASSERT_EQ(r.diagnostics.size(), 1u) << format_diagnostics(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].loc.line, 6005);
  EXPECT_EQ(r.diagnostics[0].loc.column, 21);  // the '>' after "x=", counted in bytes ("é" is two)
  EXPECT_EQ(r.diagnostics[0].source_line, "    <node id=\"é\" x=>");
  EXPECT_TRUE(r.model.units.empty());  // what came before the error is no model
}

TEST(GraphmlStreaming, AFileLargerThanTheWholeFileCapIsRead) {
  // GraphML is streamed: the 64 MiB cap of whole-file readers does not apply (README "Scale").
  const std::string dir = temp_dir();
  std::string text = many_units(10);
  const std::string comment = "    <!--" + std::string(9 << 20, '.') + "-->\n";  // libxml2 reads up to 10 MB
  std::string filler;
  while (filler.size() <= kMaxInputBytes) filler += comment;
  text.insert(text.find("  <graph>\n") + 10, filler);
  write_file(dir + "/big.graphml", text);
  ASSERT_GT(text.size(), kMaxInputBytes);
  const ReadResult r = load_org_file(dir + "/big.graphml");
  EXPECT_EQ(r.model.units.size(), 10u);
  std::string why;
  EXPECT_FALSE(InputStream::open(dir + "/big.graphml", why, kMaxInputBytes));
  EXPECT_EQ(why, "it is larger than 64 MiB, the most orgchart reads");
  EXPECT_FALSE(read_input_file(dir + "/big.graphml", why));  // whole-file readers keep their cap
}

// ---- the same id syntax and role order as the YAML reader (model/ids.hpp) -------------------------------

TEST(GraphmlReader, AcceptsTheIdsTheYamlReaderAccepts) {
  // '@' and '+' make e-mail addresses usable as keys in YAML; a GraphML file with them must read the same.
  const OrgModel m = read_ok(R"(<graphml>
  <key id="r" for="edge" attr.name="relation"/>
  <key id="l" for="node" attr.name="label"/>
  <key id="k" for="node" attr.name="kind"/>
  <graph>
    <node id="ops@example.org"><data key="l">Ops</data><data key="k">office</data></node>
    <node id="a+b"><data key="l">A and B</data><data key="k">team</data></node>
    <edge source="ops@example.org" target="a+b"><data key="r">parent</data></edge>
  </graph>
</graphml>
)");
  const OrgModel y = load_org_string(R"(units:
  - {id: ops@example.org, name: Ops, kind: office}
  - {id: a+b, name: A and B, kind: team, parent: ops@example.org}
)",
                                     "t.yaml")
                         .model;
  EXPECT_EQ(ids(m), ids(y));
  EXPECT_EQ(unit(m, "a+b").parent, "ops@example.org");
  EXPECT_EQ(unit(m, "a+b").parent, unit(y, "a+b").parent);
  // Still refused in our GraphML: a leading '@' and characters outside the rule, with the rule in the message.
  // (Another program's graph, without our keys, gets ids made from its own: GraphmlForeign.)
  EXPECT_NE(errors_of(R"(<graphml><key id="l" for="node" attr.name="label"/><key id="k" for="node" attr.name="kind"/><graph>
<node id="@x"><data key="l">X</data></node></graph></graphml>)")
                .find("is not a valid unit id: use letters"),
            std::string::npos);
}

TEST(GraphmlReader, CoHeadsRankAsHeadsAsInYaml) {
  // Two co-heads above a deputy: YAML sorts co-heads with heads (rank 0); the GraphML reader, inferring the
  // role from the card's titles, used to demote a co-head written before a deputy to "deputy-head".
  const std::string yaml = R"(units:
  - {id: a, name: A, kind: office}
people:
  - {name: P, unit: a, role: co-head}
  - {name: Q, unit: a, role: co-head}
  - {name: R, unit: a, role: deputy-head}
)";
  const OrgModel y = load_org_string(yaml, "t.yaml").model;
  const OrgModel m = read_ok(graphml_of(build_graph(y), Layout{}, GraphmlDialect::kPlain));
  auto roles = [](const OrgModel& model) {
    std::vector<std::string> out;
    for (const Person& p : model.people) out.push_back(p.roles.at(0).role + "/" + p.name);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(roles(m), (std::vector<std::string>{"co-head/P", "co-head/Q", "deputy-head/R"}));
  EXPECT_EQ(roles(m), roles(y));
}

}  // namespace
}  // namespace orgchart
