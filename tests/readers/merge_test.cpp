// Several infobox files into one graph: identity across files, the alias table, and each merge as a note.
#include "orgchart/readers/merge.hpp"

#include <gtest/gtest.h>

#include "orgchart/readers/infobox_flat.hpp"
#include "orgchart/readers/infobox_names.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

const std::string kDir = "tests/data/infobox/merge/";
const std::vector<std::string> kPages = {kDir + "ministry-of-transport.wiki", kDir + "national-road-agency.txt",
                                         kDir + "road-safety-bureau.wiki"};

std::string merge_notes(const ReadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics)
    if (d.message.find(" are one unit") != std::string::npos || d.message.find(" is under ") != std::string::npos)
      out += format_diagnostic(d);
  return out;
}

const Unit* named(const OrgModel& m, const std::string& name) {
  for (const auto& u : m.units)
    if (u.name == name) return &u;
  return nullptr;
}

TEST(MergeNames, NormalisedNamesFoldCasePunctuationArticlesAndOf) {
  EXPECT_EQ(normalize_name("Central Committee of the Chinese Communist Party"), "chinese communist party central committee");
  EXPECT_EQ(normalize_name("Chinese Communist Party Central Committee"), "chinese communist party central committee");
  EXPECT_EQ(normalize_name("  The Ministry of Foreign-Affairs "), "foreign affairs ministry");
  EXPECT_EQ(normalize_name("People's Bank"), normalize_name("Peoples BANK"));
  // Two "of": which phrase nests in which is not guessed.
  EXPECT_EQ(normalize_name("Office of the Secretary of State"), "office of secretary of state");
  EXPECT_EQ(slug("Ministry of Foreign Affairs (China)"), "ministry-of-foreign-affairs-china");
  EXPECT_EQ(slug("People's Bank"), "peoples-bank");
  EXPECT_EQ(slug("中联部"), "");
}

TEST(Merge, ThreePagesInBothFormsBecomeOneGraphAndEachMergeIsANote) {
  const ReadResult r = load_org_files(kPages);
  EXPECT_EQ(merge_notes(r),
            "tests/data/infobox/merge/national-road-agency.txt:6:18: note: 'Transport Ministry' here and 'Ministry of "
            "Transport' at tests/data/infobox/merge/ministry-of-transport.wiki:4 are one unit, 'ministry-of-transport' "
            "(same name once case, punctuation, articles and word order are set aside)\n"
            "    - Parent Agency: Transport Ministry, Ministry of Finance\n"
            "                     ^\n"
            "tests/data/infobox/merge/road-safety-bureau.wiki:2:25: note: 'Road Safety Bureau' here and 'Road Safety "
            "Bureau' at tests/data/infobox/merge/national-road-agency.txt:10 are one unit, 'road-safety-bureau' (same "
            "name)\n"
            "    | name                = Road Safety Bureau\n"
            "                            ^\n"
            "tests/data/infobox/merge/road-safety-bureau.wiki:10:49: note: 'NRA' here and 'National Roads Agency' at "
            "tests/data/infobox/merge/ministry-of-transport.wiki:18 are one unit, 'national-roads-agency' (a name of one "
            "is a name of the other)\n"
            "    | parent_organization = [[National Roads Agency|NRA]]\n"
            "                                                    ^\n"
            "tests/data/infobox/merge/road-safety-bureau.wiki:10:49: note: 'Road Safety Bureau' is under "
            "'national-roads-agency' here but under 'national-road-agency' at "
            "tests/data/infobox/merge/national-road-agency.txt:10: the first is kept\n"
            "    | parent_organization = [[National Roads Agency|NRA]]\n"
            "                                                    ^\n"
            "tests/data/infobox/merge/road-safety-bureau.wiki:12:28: note: 'Railways Department' here and 'Department "
            "of Railways' at tests/data/infobox/merge/ministry-of-transport.wiki:27 are one unit, "
            "'department-of-railways' (same name once case, punctuation, articles and word order are set aside)\n"
            "    * [[Department of Railways|Railways Department]]\n"
            "                               ^\n");
  const OrgModel& m = r.model;
  EXPECT_EQ(m.units.size(), 13u);
  EXPECT_EQ(m.sources.size(), 3u);
  const Unit* mot = named(m, "Ministry of Transport");
  ASSERT_TRUE(mot);
  EXPECT_EQ(mot->aliases, std::vector<std::string>{"Transport Ministry"});
  EXPECT_EQ(mot->sources, (std::vector<std::string>{"ministry-of-transport", "national-road-agency"}));
  EXPECT_EQ(named(m, "National Road Agency")->parent, "ministry-of-transport");
  EXPECT_EQ(named(m, "Road Safety Bureau")->parent, "national-road-agency");
}

TEST(Merge, TheAliasFileJoinsWhatNamesCannotAndIsCitedInTheNote) {
  const ReadResult r = load_org_files(kPages, kDir + "aliases.txt");
  const OrgModel& m = r.model;
  EXPECT_EQ(m.units.size(), 12u);
  const Unit* nra = named(m, "National Roads Agency");
  ASSERT_TRUE(nra);
  EXPECT_EQ(nra->parent, "ministry-of-transport");
  EXPECT_EQ(nra->aliases, (std::vector<std::string>{"National Road Agency", "NRA"}));
  EXPECT_EQ(nra->founded->str(), "2001");
  EXPECT_EQ(named(m, "Road Safety Bureau")->parent, "national-roads-agency");
  EXPECT_NE(merge_notes(r).find(
                "tests/data/infobox/merge/national-road-agency.txt:4:16: note: 'National Road Agency' here and 'National "
                "Roads Agency' at tests/data/infobox/merge/ministry-of-transport.wiki:18 are one unit, "
                "'national-roads-agency' (both are names in tests/data/infobox/merge/aliases.txt:2)\n"),
            std::string::npos)
      << merge_notes(r);
  // Leaders of all three pages, on the merged units.
  std::map<std::string, std::string> role_of;
  for (const auto& p : m.people) role_of[p.name] = p.roles.at(0).unit + " " + p.roles.at(0).role;
  EXPECT_EQ(role_of["Elif Yilmaz"], "national-roads-agency head");
  EXPECT_EQ(role_of["Marco Rossi"], "national-roads-agency deputy-head");
  EXPECT_EQ(role_of["Ines Duarte"], "national-roads-agency other");
  EXPECT_EQ(role_of["Tomas Berg"], "road-safety-bureau head");
  EXPECT_EQ(role_of["Lena Holm"], "road-safety-bureau deputy-head");
  EXPECT_EQ(role_of["Anna Kovač"], "ministry-of-transport head");
}

TEST(Merge, GenericNamesAreOneBodyOnlyUnderOneParent) {
  const OrgModel a = read_flat_infobox("Infobox\n- Agency Name: Ministry A\n\n== Organization ==\n- General Office\n", "a.txt").model;
  const OrgModel b = read_flat_infobox("Infobox\n- Agency Name: Ministry B\n\n== Organization ==\n- General Office\n", "b.txt").model;
  const OrgModel c = read_flat_infobox("Infobox\n- Agency Name: ministry  a.\n\n== Organization ==\n- General Office\n", "c.txt").model;
  const ReadResult r = merge_models({a, b, c});
  ASSERT_EQ(r.model.units.size(), 4u);
  EXPECT_EQ(r.model.units[1].id, "general-office");
  EXPECT_EQ(r.model.units[1].parent, "ministry-a");
  EXPECT_EQ(r.model.units[3].id, "general-office-2");
  EXPECT_EQ(r.model.units[3].parent, "ministry-b");
  // c's "ministry  a." is a's "Ministry A", so c's General Office is a's.
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(format_diagnostic(r.diagnostics[1]),
            "c.txt:5:3: note: 'General Office' here and 'General Office' at a.txt:5 are one unit, 'general-office' (same "
            "name)\n");
}

TEST(Merge, AnUnreadableAliasFileSaysWhyAsEveryReaderDoes) {
  const std::string dir = test::temp_dir();
  for (const auto& [path, why] : {std::pair<std::string, std::string>{dir + "/none.txt", "no such file"},
                                  {dir, "it is a directory, not a data file; name a file in it"}}) {
    try {
      read_aliases_file(path);
      FAIL() << path;
    } catch (const ParseError& e) {
      EXPECT_EQ(format_diagnostics(e.diagnostics()), path + ": error: cannot read file: " + why + "\n");
    }
  }
}

TEST(Merge, AliasFileErrorsNameFileLineAndColumn) {
  try {
    parse_aliases("# ok\nA = B\n = C\nD\n", "al.txt");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(format_diagnostics(e.diagnostics()),
              "al.txt:3:1: error: empty name: write 'canonical name = other name = other name'\n"
              "     = C\n"
              "    ^\n"
              "al.txt:4:1: error: 'D' has no other name: write 'canonical name = other name'\n"
              "    D\n"
              "    ^\n");
  }
  const AliasTable y = parse_aliases("Party Central Committee: [Central Committee, CCP Central Committee]\n", "al.yaml");
  ASSERT_EQ(y.sets.size(), 1u);
  EXPECT_EQ(y.sets[0].names, (std::vector<std::string>{"Party Central Committee", "Central Committee", "CCP Central Committee"}));
}

TEST(Merge, Seed004WithAnAliasLineMatchesTheCuratedUnits) {
  const std::string aliases = test::temp_dir() + "/ild-aliases.txt";
  test::write_file(aliases, "China Center for Contemporary World Studies = Center for Contemporary World Studies\n");
  const ReadResult r = load_org_files({"tests/data/infobox/seed-004-ild-2025.txt"}, aliases);
  EXPECT_EQ(r.model.units.size(), 27u);
  const Unit* cccws = named(r.model, "China Center for Contemporary World Studies");
  ASSERT_TRUE(cccws);
  EXPECT_EQ(cccws->group, "Child agencies");
  EXPECT_EQ(cccws->aliases, std::vector<std::string>{"Center for Contemporary World Studies"});
}

}  // namespace
}  // namespace orgchart
