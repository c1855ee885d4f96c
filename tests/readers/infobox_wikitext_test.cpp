// The wikitext form: templates, links, refs, comments, lists; and malformed pages that must never crash.
#include "orgchart/readers/infobox_wikitext.hpp"
#include "orgchart/readers/infobox_flat.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "orgchart/readers/loader.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

ReadResult wiki(const std::string& text) { return read_wikitext_infobox(text, "t.wiki"); }

std::string notes_of(const ReadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += format_diagnostic(d);
  return out;
}

const Unit* named(const OrgModel& m, const std::string& name) {
  for (const auto& u : m.units)
    if (u.name == name) return &u;
  return nullptr;
}

TEST(InfoboxWikitext, ReadsTheMinistryPage) {
  const ReadResult r = load_org_file("tests/data/infobox/merge/ministry-of-transport.wiki");
  const OrgModel& m = r.model;
  const Unit* mot = named(m, "Ministry of Transport");
  ASSERT_TRUE(mot);
  EXPECT_EQ(mot->kind, "ministry");
  EXPECT_EQ(mot->native_name, "Ministeri i Transportit");  // {{lang|ex|...}}
  EXPECT_EQ(mot->founded->str(), "1992-03-15");              // {{Start date|1992|03|15}}
  EXPECT_EQ(mot->headquarters, "12 Harbour Street, Port Vell");  // <br /> between two entries
  EXPECT_EQ(mot->website, "transport.example.gov");          // {{URL|...}}
  EXPECT_EQ(mot->parent, "council-of-ministers");            // [[Council of Ministers of Examplestan|Council of Ministers]]
  EXPECT_EQ(named(m, "Council of Ministers")->aliases, std::vector<std::string>{"Council of Ministers of Examplestan"});
  EXPECT_EQ(mot->loc.line, 4);
  EXPECT_EQ(named(m, "Civil Aviation Authority")->group, "Child agencies");
  EXPECT_EQ(named(m, "Legal Office")->group, "Structure");  // {{nowrap|Legal Office}} in a * list
  EXPECT_EQ(named(m, "Department of Ports")->kind, "department");  // <ref name=gov>...</ref> left out
  ASSERT_EQ(m.people.size(), 3u);
  EXPECT_EQ(m.people[0].name, "Anna Kovač");
  EXPECT_EQ(m.people[0].roles[0].role, "head");
  EXPECT_EQ(m.people[1].name, "Boris Lind");  // <ref>{{cite web|...}}</ref> left out
  EXPECT_EQ(m.people[1].roles[0].role, "deputy-head");
  EXPECT_EQ(m.people[2].name, "Carla Mendes");  // <!-- comment --> left out
  EXPECT_EQ(m.people[2].roles[0].title, "Deputy Minister");
  EXPECT_EQ(m.sources.at(0).title, "Ministry of Transport");
}

TEST(InfoboxWikitext, ListsLinksAndNestedTemplates) {
  const ReadResult r = wiki(
      "{{Infobox organization\n| name = '''Road''' Board <small>(RB)</small>\n"
      "| parent_organization = {{plainlist|\n* [[Ministry of Roads|Roads Ministry]]\n* [[State Council]]}}\n"
      "| leader_title = Chair\n| leader_name = {{ubl|Ann Lee|Bo Chen}}\n"
      "| leader_title2 = {{nowrap|Vice Chair}}\n| leader_name2 = Commissioner General Chen Yixin<br>Dan Wu\n"
      "| subsidiaries = {{hlist|[[A Office]]|{{nowrap|B {{small|Office}}}}}}\n}}\n");
  const OrgModel& m = r.model;
  const Unit* board = named(m, "Road Board");  // bold and <small> marks dropped; "(RB)" an abbreviation
  ASSERT_TRUE(board) << notes_of(r);
  EXPECT_EQ(board->abbreviations, std::vector<std::string>{"RB"});
  EXPECT_EQ(board->parent, "roads-ministry");
  ASSERT_EQ(m.relations.size(), 1u);
  EXPECT_EQ(m.relations[0].kind, "also-reports-to");
  EXPECT_EQ(m.relations[0].target, "state-council");
  ASSERT_EQ(m.people.size(), 4u);
  EXPECT_EQ(m.people[0].name, "Ann Lee");
  EXPECT_EQ(m.people[0].roles[0].role, "head");
  EXPECT_EQ(m.people[1].name, "Bo Chen");
  EXPECT_EQ(m.people[1].roles[0].role, "other");
  EXPECT_EQ(m.people[2].name, "Chen Yixin");
  EXPECT_EQ(m.people[2].roles[0].title, "Vice Chair");
  EXPECT_EQ(m.people[2].roles[0].role, "deputy-head");
  EXPECT_EQ(m.people[3].name, "Dan Wu");
  ASSERT_TRUE(named(m, "A Office"));
  ASSERT_TRUE(named(m, "B Office"));
  EXPECT_EQ(named(m, "B Office")->group, "Subsidiaries");
}

TEST(InfoboxWikitext, HowRealPagesWriteDatesNamesAndLeaders) {
  const OrgModel m = wiki(
      "{{Infobox government agency\n| agency_name = Ministry of Public Order\n"
      "| nativename = {{nobold|{{lang|zh-hans|公安部}}}}\n| nativename_r = ''Gong'anbu''\n"
      "| formed = {{start date and age|df=yes|1949|10|19}}\n"
      "| minister1_name = [[Wang Xiaohong]]<br>{{small|(since 2022)}}\n| minister1_pfo = Minister\n"
      "| key_people = Li Ming (Party Secretary)\n}}\n== Organisation ==\n* [[General Office]] (办公厅)\n").model;
  ASSERT_EQ(m.units.size(), 2u);
  EXPECT_EQ(m.units[0].native_name, "公安部");
  EXPECT_EQ(m.units[0].romanized_name, "Gong'anbu");
  EXPECT_EQ(m.units[0].founded->str(), "1949-10-19");
  EXPECT_EQ(m.units[1].name, "General Office");
  EXPECT_EQ(m.units[1].aliases, std::vector<std::string>{"办公厅"});
  ASSERT_EQ(m.people.size(), 2u);  // "(since 2022)" is no person
  EXPECT_EQ(m.people[0].name, "Wang Xiaohong");
  EXPECT_EQ(m.people[1].name, "Li Ming");
  EXPECT_EQ(m.people[1].roles[0].title, "Party Secretary");
}

TEST(InfoboxWikitext, CharacterReferencesReadAsThePageShowsThem) {
  // Pages write "&amp;", "&nbsp;", "&ndash;" and numeric references; they reached the chart as written
  // ("Science &amp; Technology").
  const OrgModel m = wiki(
      "{{Infobox government agency\n| agency_name = Ministry of Science &amp; Technology\n"
      "| headquarters = 10&nbsp;Main&#160;St &ndash; Block&#x20;B\n}}\n== Organisation ==\n"
      "* Office of &lt;Policy&gt; &#0; &bogus; &amp\n").model;
  ASSERT_EQ(m.units.size(), 2u);
  EXPECT_EQ(m.units[0].name, "Ministry of Science & Technology");
  EXPECT_EQ(m.units[0].headquarters, "10 Main St \u2013 Block B");
  // Text, not markup: "<Policy>" is what the page shows. A NUL, an unknown name and a bare '&' stay as written.
  EXPECT_EQ(m.units[1].name, "Office of <Policy> &#0; &bogus; &amp");
}

TEST(InfoboxWikitext, MalformedMarkupIsANoteWithItsPlace) {
  const ReadResult r = wiki("{{Infobox government agency\n| name = Water Bureau }}\n}}\n| foo\n{{Infobox x\n"
                            "[[Broken link\n| parent_agency = {{unknown template|x}}\n<!-- open comment\n");
  EXPECT_EQ(notes_of(r),
            "t.wiki:3:1: note: stray '}}' with nothing to close: read as text\n"
            "t.wiki:3:1: note: the text before the first heading: 2 lines of running text not imported\n"
            "t.wiki:5:1: note: '{{' is never closed: add '}}'\n"
            "t.wiki:5:1: note: a second infobox on the page: not imported (one infobox per file)\n"
            "t.wiki:6:1: note: '[[' is never closed: add ']]'\n"
            "t.wiki:8:1: note: '<!--' is never closed: the rest of the file is a comment\n");
  // A template the reader does not know is named, not dropped silently.
  EXPECT_EQ(notes_of(wiki("{{Infobox x\n| name = A\n| parent_agency = {{unknown template|x}} B\n}}")),
            "t.wiki:3:19: note: template '{{unknown template}}' in field 'parent_agency' is not understood: left out\n");
  ASSERT_EQ(r.model.units.size(), 1u);
  EXPECT_EQ(r.model.units[0].name, "Water Bureau");
}

TEST(InfoboxWikitext, TheLoaderPicksTheReaderFromExtensionAndContent) {
  EXPECT_EQ(input_format_for("a.wiki", ""), InputFormat::kInfobox);
  EXPECT_EQ(input_format_for("a.WIKITEXT", ""), InputFormat::kInfobox);
  EXPECT_EQ(input_format_for("a.txt", "{{ infobox person\n| name = x}}"), InputFormat::kInfobox);
  EXPECT_EQ(input_format_for("a.txt", "= T =\n\nInfobox\n- Agency Name: X\n- Formed: 1950\n"), InputFormat::kInfobox);
  EXPECT_FALSE(looks_like_infobox("id,name,parent\n1,A,\n2,B,1\n"));
  EXPECT_FALSE(looks_like_infobox("- a: b\n- c: d\n"));  // a YAML-ish list, no Infobox or title line
}

TEST(InfoboxWikitext, NamesWithoutLatinLettersGetNumberedIdsInPageOrder) {
  // CJK (or Cyrillic) names have no letters for a slug: all share the base "unit" and are told apart by a
  // suffix, which skips one a Latin name took ("Unit 5"). Each base remembers its next suffix: a page of tens of
  // thousands of such names took quadratic time when every id counted up from 2.
  const char* const stems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
  std::string list = "|Unit 5";
  for (const char* a : stems)
    for (const char* b : stems) list += std::string("|") + a + b + "局";
  const ReadResult r = wiki("{{Infobox government agency\n| agency_name = 中央部\n| subsidiaries = {{ubl" + list + "}}\n}}\n");
  ASSERT_EQ(r.model.units.size(), 102u);
  EXPECT_EQ(r.model.units[0].id, "unit");
  EXPECT_EQ(r.model.units[1].id, "unit-5");
  std::vector<std::string> ids;
  for (std::size_t i = 2; i < r.model.units.size(); ++i) ids.push_back(r.model.units[i].id);
  std::vector<std::string> expected;
  for (int n = 2; expected.size() < 100; ++n)
    if (n != 5) expected.push_back("unit-" + std::to_string(n));
  EXPECT_EQ(ids, expected);
}

/// Every file of tests/data/infobox/malformed, and generated hostile pages: read without crashing, in both forms.
TEST(InfoboxWikitext, MalformedPagesNeverCrash) {
  std::vector<std::pair<std::string, std::string>> pages;
  for (const auto& e : std::filesystem::directory_iterator("tests/data/infobox/malformed"))
    pages.push_back({e.path().string(), test::read_file(e.path().string())});
  ASSERT_GE(pages.size(), 6u);
  pages.push_back({"deep.wiki", std::string(200000, '{') + "Infobox" + std::string(100000, '}')});
  pages.push_back({"links.wiki", "{{Infobox a|name=" + std::string(300000, '[') + std::string(300001, ']')});
  pages.push_back({"lt.wiki", "{{Infobox a|name=" + std::string(1 << 20, '<')});
  pages.push_back({"refs.wiki", "{{Infobox a|name=x" + std::string(50000, '<') + "ref>"});
  pages.push_back({"pipes.wiki", "{{Infobox a" + std::string(1 << 20, '|') + "}}"});
  std::mt19937 rng(42);
  const std::string alphabet = "{}[]|=<>!-*#'\n abc/";
  for (int n = 0; n < 200; ++n) {
    std::string s = "{{Infobox x\n| name = ";
    const int len = static_cast<int>(rng() % 400);
    for (int i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
    pages.push_back({"random" + std::to_string(n) + ".wiki", s});
  }
  for (const auto& [name, text] : pages) {
    EXPECT_NO_THROW({
      read_wikitext_infobox(text, name);
      read_flat_infobox(text, name);
    }) << name;
    // Through the loader: a clean load or a ParseError, nothing else.
    try {
      load_org_string(text, name, InputFormat::kInfobox);
    } catch (const ParseError&) {
    }
  }
}

}  // namespace
}  // namespace orgchart
