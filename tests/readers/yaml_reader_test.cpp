#include "orgchart/readers/yaml_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.hpp"

namespace orgchart {
namespace {

namespace fs = std::filesystem;

using test::errors_of;

TEST(YamlReader, ReadsAllFieldsInFileOrder) {
  auto r = load_org_string(R"(title: T
sources:
  - {id: s1, title: Seed, date: 2024}
units:
  - id: cc
    name: Central Committee
    kind: party-organ
    sources: [s1]
  - id: ild
    name: International Department
    native_name: 中联部
    abbreviation: [ILD, Zhonglianbu]
    aliases: [International Liaison Department]
    kind: department
    parent: cc
    founded: 1951
    sources: [s1]
people:
  - name: Liu Jianchao
    unit: ild
    role: head
    until: 2025
    sources: [s1]
relations:
  - {unit: ild, kind: affiliation, target: cc, sources: [s1]}
)",
                           "t.yaml");
  const auto& m = r.model;
  EXPECT_EQ(m.title, "T");
  ASSERT_EQ(m.units.size(), 2u);
  EXPECT_EQ(m.units[1].id, "ild");
  EXPECT_EQ(m.units[1].native_name, "中联部");
  EXPECT_EQ(m.units[1].abbreviations, (std::vector<std::string>{"ILD", "Zhonglianbu"}));
  EXPECT_EQ(m.units[1].parent, "cc");
  EXPECT_EQ(m.units[1].founded->str(), "1951");
  EXPECT_EQ(m.units[1].loc.line, 9);
  ASSERT_EQ(m.people.size(), 1u);
  ASSERT_EQ(m.people[0].roles.size(), 1u);
  EXPECT_EQ(m.people[0].roles[0].display_title(), "Head");
  EXPECT_EQ(m.people[0].roles[0].valid.until->str(), "2025");
  ASSERT_EQ(m.relations.size(), 1u);
  EXPECT_EQ(m.relations[0].display_label(), "affiliation");
}

TEST(YamlReader, SyntaxErrorHasLineColumnAndCaret) {
  EXPECT_EQ(errors_of("units:\n  - id: a\n    name: [unclosed\n"),
            "t.yaml:4:1: error: YAML syntax error: end of sequence flow not found\n");
}

TEST(YamlReader, UnknownFieldSuggestsTheKnownOne) {
  EXPECT_EQ(errors_of("units:\n  - id: a\n    name: A\n    kind: office\n    parnet: b\n"),
            "t.yaml:5:5: error: unknown field 'parnet' in a unit (did you mean 'parent'?)\n"
            "        parnet: b\n"
            "        ^\n");
}

TEST(YamlReader, MissingRequiredAndWrongTypes) {
  EXPECT_EQ(errors_of("units:\n  - id: a\n    name: [A]\n  - name: B\n    kind: office\n"),
            "t.yaml:2:5: error: unit 'a' has no 'kind'; add 'kind: ...' (any word: office, team, ...), or 'title: ...' for a person\n"
            "      - id: a\n"
            "        ^\n"
            "t.yaml:3:11: error: 'name' must be text, not a list\n"
            "        name: [A]\n"
            "              ^\n"
            "t.yaml:4:5: error: this unit has no 'id'; add 'id: <id>'\n"
            "      - name: B\n"
            "        ^\n");
}

TEST(YamlReader, DuplicateKeyAndBadDate) {
  EXPECT_EQ(errors_of("units:\n  - {id: a, name: A, kind: office, name: B, from: 2025-13}\n"),
            "t.yaml:2:36: error: field 'name' is given twice in a unit; keep one\n"
            "      - {id: a, name: A, kind: office, name: B, from: 2025-13}\n"
            "                                       ^\n"
            "t.yaml:2:51: error: 'from' is not a valid date: '2025-13'; write YYYY, YYYY-MM or YYYY-MM-DD\n"
            "      - {id: a, name: A, kind: office, name: B, from: 2025-13}\n"
            "                                                      ^\n");
}

TEST(YamlReader, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = "units: " + std::string(100000, '[');
  EXPECT_NE(errors_of(deep).find("error: YAML syntax error"), std::string::npos);
}

TEST(YamlReader, NotAMapping) {
  EXPECT_EQ(errors_of("- a\n- b\n"),
            "t.yaml:1:1: error: the file must be a mapping with keys such as 'units:' and 'people:'\n"
            "    - a\n"
            "    ^\n");
}

TEST(YamlReader, IncludesAreReadOnceAndResolvedRelativeToTheFile) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/base.yaml", "units:\n  - {id: cc, name: CC, kind: party-organ}\n");
  test::write_file(dir + "/main.yaml",
                   "include: [base.yaml, ./base.yaml]\nunits:\n  - {id: x, name: X, kind: office, parent: cc}\n");
  auto r = load_org_file(dir + "/main.yaml");
  ASSERT_EQ(r.model.units.size(), 2u);
  EXPECT_EQ(r.model.files.size(), 2u);
}

TEST(YamlReader, MissingIncludeIsReportedAtTheInclude) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/main.yaml", "include: [nope.yaml]\n");
  try {
    load_org_file(dir + "/main.yaml");
    FAIL() << "expected an error";
  } catch (const ParseError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].loc.line, 1);
    EXPECT_EQ(e.diagnostics()[0].loc.column, 11);
    EXPECT_NE(e.diagnostics()[0].message.find("cannot read included file"), std::string::npos);
  }
}

// Folders of cases: valid/* must load; invalid/*.yaml must fail with exactly the text in the .err beside it.
TEST(YamlReader, ValidCases) {
  const fs::path dir = fs::path(test::source_dir()) / "tests/data/yaml/valid";
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    EXPECT_NO_THROW(load_org_file(entry.path().string())) << entry.path();
  }
  EXPECT_GT(count, 0);
}

TEST(YamlReader, InvalidCases) {
  const fs::path root = fs::path(test::source_dir());
  const fs::path dir = root / "tests/data/yaml/invalid";
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    const std::string rel = fs::relative(entry.path(), root).string();
    std::string got = "(no error)";
    try {
      load_org_file(rel);
    } catch (const ParseError& e) {
      got = format_diagnostics(e.diagnostics());
    }
    fs::path expected = entry.path();
    expected.replace_extension(".err");
    if (test::update_golden()) test::write_file(expected.string(), got);
    EXPECT_EQ(test::read_file(expected.string()), got) << rel;
  }
  EXPECT_GT(count, 0);
}

}  // namespace
}  // namespace orgchart
