// Infobox pages through the real binary: export and validate work on them, bad pages write nothing.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.hpp"

namespace orgchart {
namespace {

using test::binary;
using test::run;
using test::shell_quote;

TEST(InfoboxCli, ExportAndValidateReadWikitextAndFlattenedPages) {
  const std::string dir = test::temp_dir();
  const std::string svg = dir + "/mot.svg";
  auto r = run(binary() + " export tests/data/infobox/merge/ministry-of-transport.wiki -o " + shell_quote(svg));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(test::read_file(svg).find("Department of Railways"), std::string::npos);
  r = run(binary() + " export tests/data/infobox/seed-004-ild-2025.txt -o " + shell_quote(dir + "/ild.graphml"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(test::read_file(dir + "/ild.graphml").find("First Asia Bureau"), std::string::npos);
  r = run(binary() + " validate --merge tests/data/infobox/merge/ministry-of-transport.wiki "
                     "tests/data/infobox/merge/national-road-agency.txt tests/data/infobox/merge/road-safety-bureau.wiki "
                     "--aliases tests/data/infobox/merge/aliases.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "tests/data/infobox/merge/ministry-of-transport.wiki + tests/data/infobox/merge/national-road-agency.txt + "
            "tests/data/infobox/merge/road-safety-bureau.wiki: ok: 12 units, 9 people (9 roles), 3 relations, 3 sources\n");
  EXPECT_NE(r.err.find("are one unit, 'national-roads-agency' (both are names in tests/data/infobox/merge/aliases.txt:2)"),
            std::string::npos)
      << r.err;
}

TEST(InfoboxCli, APageWithoutAnInfoboxIsAnErrorAndWritesNothing) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/empty.wiki", "");
  const auto r = run(binary() + " export " + shell_quote(dir + "/empty.wiki") + " -o " + shell_quote(dir + "/x.svg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, dir + "/empty.wiki:1:1: error: no infobox found: expected '{{Infobox ...}}' (wikitext) or an "
                         "'Infobox' line followed by '- Key: value' fields (flattened form)\n"
                         "orgchart: 1 error in the input; nothing was written\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/x.svg"));
}

TEST(InfoboxCli, EveryMalformedPageFailsCleanlyOrLoads) {
  for (const auto& e : std::filesystem::directory_iterator("tests/data/infobox/malformed")) {
    const std::string out = test::temp_dir() + "/x.svg";
    const auto r = run(binary() + " export " + shell_quote(e.path().string()) + " -o " + shell_quote(out));
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << e.path() << " exit " << r.exit_code << "\n" << r.err;
    EXPECT_EQ(std::filesystem::exists(out), r.exit_code == 0) << e.path();
  }
}

}  // namespace
}  // namespace orgchart
