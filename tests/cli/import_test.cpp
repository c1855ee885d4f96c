// `orgchart import` and tables on the command line, end to end through the real binary.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.hpp"

namespace orgchart {
namespace {

namespace fs = std::filesystem;
using test::run;
using test::shell_quote;

std::string oc() { return shell_quote(test::binary()); }

const char* const kTable =
    "id,name,title,department,manager,start,end,notes\n"
    "1,Ann Lee,CEO,Exec,,2010,,founder\n"
    "2,Bo Chan,CTO,Eng,1,2012,2020,\n"
    "3,Cy Diaz,CTO,Eng,Ann Lee,2020,,\n"
    "4,Di Fox,Engineer,Eng,3,2021,,\n";

TEST(ImportCli, WritesYamlThatDrawsTheSameChart) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/staff.csv", kTable);
  auto r = run(oc() + " import " + shell_quote(dir + "/staff.csv") + " -o " + shell_quote(dir + "/staff.yaml"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string yaml = test::read_file(dir + "/staff.yaml");
  EXPECT_NE(yaml.find("sources:\n  - id: staff\n    title: staff\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("  - id: 3\n    name: Cy Diaz\n    kind: person\n    parent: 1\n    title: CTO\n    group: Eng\n"
                      "    from: 2020\n    notes: row 4\n    sources: [staff]\n"),
            std::string::npos)
      << yaml;
  EXPECT_NE(yaml.find("    attributes:\n      notes: founder\n"), std::string::npos) << yaml;
  for (const char* ext : {"svg", "graphml", "json"}) {
    const std::string a = dir + "/a." + ext, b = dir + "/b." + ext;
    ASSERT_EQ(run(oc() + " export " + shell_quote(dir + "/staff.csv") + " -o " + shell_quote(a)).exit_code, 0);
    ASSERT_EQ(run(oc() + " export " + shell_quote(dir + "/staff.yaml") + " -o " + shell_quote(b)).exit_code, 0);
    EXPECT_EQ(test::read_file(a), test::read_file(b)) << ext;
  }
}

TEST(ImportCli, SeveralFilesAndStdout) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/x");
  test::write_file(dir + "/staff.csv", kTable);
  test::write_file(dir + "/x/staff.tsv", "id\tname\tparent\n9\tEve\t\n");
  auto r = run(oc() + " import " + shell_quote(dir + "/staff.csv") + " " + shell_quote(dir + "/x/staff.tsv") + " -o -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The second file's source id is taken: it is renamed, and its units cite the new id.
  EXPECT_NE(r.out.find("  - id: staff-2\n    title: staff\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  - id: 9\n    name: Eve\n    kind: person\n    notes: row 2\n    sources: [staff-2]\n"),
            std::string::npos)
      << r.out;
  // The same id in two files: an error, nothing written.
  test::write_file(dir + "/x/dup.csv", "id,name\n1,Dup\n");
  r = run(oc() + " import " + shell_quote(dir + "/staff.csv") + " " + shell_quote(dir + "/x/dup.csv") + " -o " +
          shell_quote(dir + "/out.yaml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("dup.csv:2:1: error: duplicate unit id '1' (first defined at "), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/out.yaml"));
}

TEST(ImportCli, InfoboxPagesMergeIntoOneYamlThatDrawsTheSameGraph) {
  // Three pages in both forms name shared bodies differently: import merges them (each merge a note) and the
  // YAML it writes exports to the same units as the pages themselves.
  const std::string dir = test::temp_dir();
  std::string pages;
  for (const char* p : {"ministry-of-transport.wiki", "national-road-agency.txt", "road-safety-bureau.wiki"})
    pages += " " + shell_quote(test::source_dir() + "/tests/data/infobox/merge/" + p);
  auto r = run(oc() + " import" + pages + " -o " + shell_quote(dir + "/roads.yaml"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("note: 'Transport Ministry' here and 'Ministry of Transport' at "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("are one unit, 'department-of-railways'"), std::string::npos) << r.err;
  r = run(oc() + " validate " + shell_quote(dir + "/roads.yaml"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(": ok: 13 units, "), std::string::npos) << r.out;
  r = run(oc() + " export " + shell_quote(dir + "/roads.yaml") + " -o " + shell_quote(dir + "/roads.svg"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(TableCli, AsOfRootDiffAndValidateWorkOnTables) {
  const std::string dir = test::temp_dir();
  const std::string csv = shell_quote(dir + "/staff.csv");
  test::write_file(dir + "/staff.csv", kTable);
  auto r = run(oc() + " export " + csv + " --as-of 2015 --format json -o -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Bo Chan"), std::string::npos);
  EXPECT_EQ(r.out.find("Cy Diaz"), std::string::npos);
  r = run(oc() + " export " + csv + " --root 3 --format json -o -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Ann Lee"), std::string::npos);
  EXPECT_NE(r.out.find("Di Fox"), std::string::npos);
  r = run(oc() + " diff " + csv + " --from 2015 --to 2022");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Bo Chan"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Cy Diaz"), std::string::npos) << r.out;
  r = run(oc() + " validate " + csv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, dir + "/staff.csv: ok: 4 units, 0 people (0 roles), 0 relations, 1 sources\n");
  r = run(oc() + " validate " + csv + " --columns parent=Bos");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: --columns: the table has no column 'Bos' for parent; its columns are 'id', 'name', "
                       "'title', 'department', 'manager', 'start', 'end', 'notes'\n"),
            std::string::npos)
      << r.err;
}

TEST(TableCli, SheetOption) {
  const std::string dir = test::temp_dir();
  auto gen = run("cd " + shell_quote(test::source_dir()) +
                 " && /usr/bin/python3 -c \"import sys; sys.path.insert(0, 'tests/scripts'); import table_fixtures as t; "
                 "t.write_openpyxl(sys.argv[1])\" " + shell_quote(dir + "/book.xlsx"));
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  const std::string book = shell_quote(dir + "/book.xlsx");
  auto r = run(oc() + " validate " + book + " --sheet Staff");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, dir + "/book.xlsx: ok: 40 units, 0 people (0 roles), 6 relations, 1 sources\n");
  r = run(oc() + " validate " + book + " --sheet Staf");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("book.xlsx: error: --sheet: the workbook has no sheet 'Staf'; its sheets are 'Staff', 'Notes'\n"),
            std::string::npos)
      << r.err;
  r = run(oc() + " validate " + book + " --sheet Notes");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("book.xlsx:1:1: error: no column holds names"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace orgchart
