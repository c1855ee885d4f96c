#include "orgchart/readers/yaml_reader.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

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
            "t.yaml:2:56: error: 'from' is not a valid date: '2025-13': month 13 is not a month (01 to 12); write YYYY, YYYY-MM or YYYY-MM-DD, or for a date the sources give only roughly 2025? (uncertain), "
            "2025~ (approximate), 2025-XX (month unknown) or an interval 2024-01-30/2025-12 (happened between)\n"
            "      - {id: a, name: A, kind: office, name: B, from: 2025-13}\n"
            "                                                           ^\n");
}

TEST(YamlReader, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = "units: " + std::string(100000, '[');
  const std::string shown = errors_of(deep);
  EXPECT_EQ(shown.substr(0, shown.find('\n') + 1).substr(shown.find(": error:")),
            ": error: the YAML is nested more than 1000 levels deep here, the most orgchart reads (a data file needs a "
            "few: units, a unit, its sources); close the brackets opened before, or check that this is the file you "
            "meant\n");
}

TEST(YamlReader, NestingPast1000LevelsStopsTheParseWhereItPasses) {
  // libfyaml reads any depth, and "[[[[..." cost it 350 bytes a bracket before its first event (found by hand:
  // a 10 MB file took 3.5 GB and 24 s; 64 MB, the most a file may have, would take 22 GB). Collections deeper
  // than kMaxYamlDepth stop the parse at the one that passes it...
  auto nested = [](int depth) {
    return "units:\n  - {id: a, name: A, kind: office, note: " + std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']') + "}\n";
  };
  // 1000 levels with the file's mapping, the list of units and the unit's mapping.
  EXPECT_EQ(errors_of(nested(997)).find("nested"), std::string::npos);
  const std::string shown = errors_of(nested(998));
  EXPECT_EQ(shown.substr(0, shown.find(" the most")), "t.yaml:2:1039: error: the YAML is nested more than 1000 levels deep here,")
      << shown;
  // ... and brackets that libfyaml is given without an event between them are counted as it reads: it stops
  // after kMaxYamlOpensAhead of them (and a chunk), whatever follows.
  for (const std::string& flood : {std::string(1000000, '['), std::string(200000, '{') + "a: b",
                                   [] {
                                     std::string s;
                                     for (int i = 0; i < 200000; ++i) s += "[\"]]\", ";  // closes that are text
                                     return s;
                                   }()}) {
    const std::string e = errors_of("units: " + flood + "\n");
    EXPECT_NE(e.find("error: the YAML is nested more than 1000 levels deep here"), std::string::npos) << e.substr(0, 300);
  }
}

TEST(YamlReader, AFlowListOfManyUnitsIsNotDeep) {
  // JSON-like files put every unit in one flow list: libfyaml gives their events as it reads, so the brackets
  // counted between events stay few.
  std::string units;
  for (int i = 0; i < 30000; ++i) units += (i ? ", " : "") + std::string("{id: u") + std::to_string(i) + ", name: N, kind: office}";
  EXPECT_EQ(errors_of("units: [" + units + "]\n"), "(no error)");
}

TEST(YamlReader, NotAMapping) {
  // One error, and the file's lines are not repeated: it is not a data file of ours.
  EXPECT_EQ(errors_of("- a\n- b\n"),
            "t.yaml:1:1: error: the file must be a mapping with keys such as 'units:' and 'people:', not a list\n");
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


namespace safety {

std::string load_errors(const std::string& path) {
  try {
    load_org_file(path);
  } catch (const ParseError& e) {
    return format_diagnostics(e.diagnostics());
  }
  return "(no error)";
}

// Issue 8, finding 4: /etc/shadow was echoed line by line through an include.
TEST(YamlInputSafety, ANonDataFileIsOneErrorAndNoneOfItsLines) {
  const std::string shadow = "root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n";
  EXPECT_EQ(errors_of(shadow),
            "t.yaml:1:1: error: this is not an orgchart data file: none of its top-level keys is one of title, "
            "description, include, sources, units, people or relations\n");
}

TEST(YamlInputSafety, IncludesStayInsideTheMainFilesFolder) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/data/sub");
  test::write_file(dir + "/secret.yaml", "units:\n  - {id: SECRETMARKER, name: X, kind: office, parent: nope}\n");
  test::write_file(dir + "/data/sub/part.yaml", "units:\n  - {id: p, name: P, kind: office}\n");
  // A nested include may name a file elsewhere in the main file's folder tree.
  test::write_file(dir + "/data/sub/nested.yaml", "include: [../ok.yaml]\n");
  test::write_file(dir + "/data/ok.yaml", "units:\n  - {id: ok, name: OK, kind: office}\n");
  fs::create_symlink(dir + "/secret.yaml", dir + "/data/link.yaml");
  test::write_file(dir + "/data/main.yaml",
                   "include: [../secret.yaml, " + dir + "/secret.yaml, link.yaml, /etc/passwd, sub/part.yaml, sub/nested.yaml]\n");
  const std::string got = load_errors(dir + "/data/main.yaml");
  EXPECT_EQ(got.find("SECRETMARKER"), std::string::npos) << got;
  EXPECT_EQ(got.find("root:"), std::string::npos) << got;
  std::size_t outside = 0;
  for (std::size_t p = 0; (p = got.find("is outside the folder of", p)) != std::string::npos; ++p) ++outside;
  EXPECT_EQ(outside, 4u) << got;
  EXPECT_NE(got.find("main.yaml:1:11: error: the included file '" + dir + "/secret.yaml' is outside"), std::string::npos) << got;
  EXPECT_EQ(got.find("ok.yaml"), std::string::npos) << got;  // allowed, and read without errors
}

TEST(YamlInputSafety, IncludeRootWidensWhereIncludesMayPoint) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/data");
  fs::create_directories(dir + "/shared");
  test::write_file(dir + "/shared/base.yaml", "units:\n  - {id: cc, name: CC, kind: office}\n");
  test::write_file(dir + "/data/main.yaml", "include: [../shared/base.yaml]\nunits:\n  - {id: x, name: X, kind: office, parent: cc}\n");
  EXPECT_NE(load_errors(dir + "/data/main.yaml").find("is outside the folder"), std::string::npos);
  allow_includes_under(dir + "/shared");
  EXPECT_EQ(load_org_file(dir + "/data/main.yaml").model.units.size(), 2u);
  EXPECT_THROW(allow_includes_under(dir + "/no-such-folder"), UsageError);
}

// Findings 4 and 14: a directory, a FIFO or a device is refused before a byte is read (a FIFO never hangs).
TEST(YamlInputSafety, OnlyRegularFilesAreRead) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/folder.yaml");
  ASSERT_EQ(::mkfifo((dir + "/fifo.yaml").c_str(), 0600), 0);
  test::write_file(dir + "/main.yaml", "include: [folder.yaml, fifo.yaml]\n");
  const std::string got = load_errors(dir + "/main.yaml");
  EXPECT_NE(got.find("main.yaml:1:11: error: cannot read included file '" + dir + "/folder.yaml': it is a directory"), std::string::npos) << got;
  EXPECT_NE(got.find("main.yaml:1:24: error: cannot read included file '" + dir + "/fifo.yaml': it is a FIFO"), std::string::npos) << got;
  EXPECT_EQ(load_errors(dir + "/folder.yaml"), dir + "/folder.yaml: error: cannot read file: it is a directory, not a data file; name a file in it\n");
  EXPECT_NE(load_errors(dir + "/fifo.yaml").find("it is a FIFO (named pipe)"), std::string::npos);
  EXPECT_NE(load_errors("/dev/zero").find("it is a device, not a regular file"), std::string::npos);
}

// Finding 7: de-duplication by path text let symlink loops (a -> ., b -> .) multiply the files without end.
TEST(YamlInputSafety, SymlinkLoopsAreReadOnce) {
  const std::string dir = test::temp_dir();
  fs::create_directory_symlink(".", dir + "/a");
  fs::create_directory_symlink(".", dir + "/b");
  test::write_file(dir + "/main.yaml",
                   "include: [a/main.yaml, b/main.yaml, a/b/a/main.yaml, a/part.yaml, b/a/part.yaml]\n"
                   "units:\n  - {id: m, name: M, kind: office}\n");
  test::write_file(dir + "/part.yaml", "include: [a/part.yaml, b/main.yaml]\nunits:\n  - {id: p, name: P, kind: office}\n");
  const ReadResult r = load_org_file(dir + "/main.yaml");
  EXPECT_EQ(r.model.units.size(), 2u);
  EXPECT_EQ(r.model.files.size(), 2u);
}

// Finding 5: a few KB of anchors and aliases expanded to gigabytes.
TEST(YamlInputSafety, AliasExpansionIsBounded) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", " : "") + prev;
    text += "]\n";
  }
  const std::string got = errors_of(text);
  EXPECT_NE(got.find("t.yaml:5:45: error"), std::string::npos) << got;  // the 8th alias of a4 passes 100 000 nodes
  EXPECT_NE(got.find("error: the aliases (*name) of this file would expand it"), std::string::npos) << got;
  EXPECT_EQ(got.find("unknown field"), std::string::npos) << got;  // the tree is never built
  // Sharing that stays small is fine.
  EXPECT_EQ(errors_of("sources:\n  - &s {id: s1, title: S}\nunits:\n  - {id: a, name: &n A, kind: office, sources: [s1]}\n"
                      "  - {id: b, name: *n, kind: office}\n"),
            "(no error)");
}

TEST(YamlInputSafety, ASecondDocumentIsAnError) {
  EXPECT_EQ(errors_of("units:\n  - {id: a, name: A, kind: office}\n---\nunits:\n  - {id: b, name: B, kind: office}\n"),
            "t.yaml:3:1: error: a second YAML document starts here: orgchart reads one document per file; remove the "
            "'---' line, or move what follows to a file of its own and list it under 'include:'\n"
            "    ---\n"
            "    ^\n");
}

TEST(YamlInputSafety, NulAndInvalidUtf8AreReportedNeverEchoed) {
  EXPECT_EQ(errors_of(std::string("units:\n  - {id: a, name: \"A\0B\", kind: office}\n", 43)),
            "t.yaml:2:21: error: a NUL byte: this is not a text file (save the data as UTF-8 text)\n");
  EXPECT_EQ(errors_of("units:\n  - {id: a, name: Caf\xe9, kind: office}\n"),
            "t.yaml:2:22: error: the byte 0xe9 is not UTF-8: save the file as UTF-8 (it may be Latin-1 or "
            "Windows-1252)\n");
  EXPECT_EQ(errors_of(std::string("\xff\xfeu\0n\0", 6)), "t.yaml:1:1: error: the file is UTF-16 text; save it as UTF-8\n");
}

// Finding 6: each diagnostic kept a copy of its whole line: 100 KB lines with many errors printed 298 MB.
TEST(YamlInputSafety, LongLinesAreShownAsAWindowAroundTheColumn) {
  std::string line = "units: [";
  for (int i = 0; i < 5000; ++i) line += "{id: u" + std::to_string(i) + ", name: N, kind: office, bad: 1}, ";
  line += "]\n";
  const std::string got = errors_of(line);
  std::size_t errors = 0;
  for (std::size_t p = 0; (p = got.find("error: unknown field 'bad'", p)) != std::string::npos; ++p) ++errors;
  EXPECT_EQ(errors, 5000u);
  EXPECT_LT(got.size(), 5000u * 700);  // each one: message (with the allowed fields), 120 bytes of line, caret
  // The caret still points at the column, inside the window.
  const std::string last = got.substr(got.rfind("t.yaml:1:"));
  const std::size_t nl = last.find('\n'), nl2 = last.find('\n', nl + 1);
  const std::string shown = last.substr(nl + 1, nl2 - nl - 1), caret = last.substr(nl2 + 1);
  EXPECT_EQ(shown.substr(0, 7), "    ...");
  EXPECT_LE(shown.size(), 4 + 3 + kSourceWindow + 3);
  EXPECT_EQ(shown.substr(caret.find('^'), 3), "bad");
}

}  // namespace safety

}  // namespace
}  // namespace orgchart
