#include "orgchart/readers/table_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "orgchart/readers/loader.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

namespace fs = std::filesystem;

/// Every diagnostic of loading `text` as table "t.csv" (errors only when it fails), or "(no error)".
std::string errors(const std::string& text, const TableOptions& options = {}) {
  try {
    load_org_string(text, "t.csv", InputFormat::kTable, options);
    return "(no error)";
  } catch (const ParseError& e) {
    return format_diagnostics(e.diagnostics());
  }
}

OrgModel load(const std::string& text, const TableOptions& options = {}) {
  return load_org_string(text, "t.csv", InputFormat::kTable, options).model;
}

TEST(TableReader, RecognisesColumnsBySynonymsIgnoringCaseSpacesUnderscoresAndHyphens) {
  const OrgModel m = load(
      "Employee_ID,First Name,last-name,Job Title,DEPARTMENT,Reports To,Hire Date,End Date,Avatar,Is Assistant,"
      "Dotted Line Managers,Desk\n"
      "1,Ann,Lee,CEO,Exec,,2020-01-02,,ann.png,no,,A1\n"
      "2,Bo,Chan,Assistant,Exec,1,2021-03,2024,,yes,,\n"
      "3,Cy,Diaz,CTO,Eng,1,2019,,,,1;2,B7\n");
  ASSERT_EQ(m.units.size(), 3u);
  const Unit& a = m.units[0];
  EXPECT_EQ(a.id, "1");
  EXPECT_EQ(a.name, "Ann Lee");
  EXPECT_EQ(a.kind, "person");
  EXPECT_EQ(a.title, "CEO");
  EXPECT_EQ(a.group, "Exec");
  EXPECT_EQ(a.photo, "ann.png");
  EXPECT_EQ(a.valid.from->str(), "2020-01-02");
  EXPECT_EQ(a.parent, "");
  EXPECT_EQ(a.notes, "row 2");
  EXPECT_EQ(a.sources, std::vector<std::string>{"t"});
  // Columns without a field of their own are attributes (first and last name too: --label may use them).
  EXPECT_EQ(a.attributes, (std::map<std::string, std::string>{{"Desk", "A1"}, {"First Name", "Ann"}, {"last-name", "Lee"}}));
  EXPECT_EQ(m.units[1].placement, "side");
  EXPECT_EQ(m.units[1].valid.until->str(), "2024");
  EXPECT_EQ(m.units[2].parent, "1");
  ASSERT_EQ(m.relations.size(), 2u);
  EXPECT_EQ(m.relations[0].kind, "dotted-line");
  EXPECT_EQ(m.relations[0].unit, "3");
  EXPECT_EQ(m.relations[0].target, "1");
  EXPECT_EQ(m.relations[1].target, "2");
  ASSERT_EQ(m.sources.size(), 1u);
  EXPECT_EQ(m.sources[0].id, "t");
}

TEST(TableReader, ParentByNameOrEmailWhenUnique) {
  const OrgModel m = load("id,name,email,manager\n1,Ann Lee,ann@x.org,\n2,Bo,bo@x.org,ann lee\n3,Cy,,BO@x.org\n");
  EXPECT_EQ(m.units[1].parent, "1");
  EXPECT_EQ(m.units[2].parent, "2");
}

TEST(TableReader, IdsOurFormatCannotHoldAreSluggedAndStillResolve) {
  const OrgModel m = load("id,name,parent\nE 001,Ann,\nE 002,Bo,E 001\n");
  EXPECT_EQ(m.units[0].id, "E-001");
  EXPECT_EQ(m.units[0].attributes.at("id"), "E 001");
  EXPECT_EQ(m.units[1].parent, "E-001");
}

TEST(TableReader, EmailIsTheKeyWhenThereIsNoIdColumn) {
  const OrgModel m = load("name,email,manager\nAnn,ann@x.org,\nBo,bo@x.org,ann@x.org\n");
  EXPECT_EQ(m.units[0].id, "ann@x.org");
  EXPECT_EQ(m.units[1].parent, "ann@x.org");
}

TEST(TableReader, IdsFromNamesWhenThereIsNoKey) {
  const OrgModel m = load("name,reports to\nAnn Lee,\nJosé Ruiz,Ann Lee\n");
  EXPECT_EQ(m.units[0].id, "ann-lee");
  EXPECT_EQ(m.units[1].id, "jos-ruiz");
  EXPECT_EQ(m.units[1].parent, "ann-lee");
  // Namesakes get ids of their own; naming one of them as a manager is ambiguous.
  EXPECT_EQ(errors("name,manager\nSam Lee,\nSam Lee,\nBo,Sam Lee\n"),
            "t.csv:4:4: error: parent 'Sam Lee' in column 'manager' is ambiguous: 2 rows have that name: 'sam-lee' "
            "(row 2), 'sam-lee-3' (row 3); add an id column and write the manager's id, or tell the namesakes apart\n"
            "    Bo,Sam Lee\n"
            "       ^\n");
}

TEST(TableReader, VacanciesAreVacantPositions) {
  const OrgModel m = load("id,name,title,parent\n1,Ann,CEO,\n2,,CFO,1\n3,Vacant,CTO,1\n");
  EXPECT_FALSE(m.units[0].vacant);
  EXPECT_TRUE(m.units[1].vacant);
  EXPECT_EQ(m.units[1].kind, "position");
  EXPECT_EQ(m.units[1].name, "CFO");
  EXPECT_TRUE(m.units[2].vacant);
  EXPECT_EQ(m.units[2].name, "CTO");
}

TEST(TableReader, ColumnsOptionOverridesDetection) {
  TableOptions o;
  o.columns = "id=EmpNo, parent=Boss,name=Who";
  const OrgModel m = load("EmpNo,Who,Boss,Name\n7,Ann,,x\n8,Bo,7,y\n", o);
  EXPECT_EQ(m.units[1].id, "8");
  EXPECT_EQ(m.units[1].name, "Bo");
  EXPECT_EQ(m.units[1].parent, "7");
  EXPECT_EQ(m.units[1].attributes.at("Name"), "y");
}

TEST(TableReader, LabelTemplateFillsTheCardText) {
  TableOptions o;
  o.label = "{first_name} {Last Name}\\n{position} ({{x}})\\n{Desk}";
  const OrgModel m = load("id,first name,last name,position,desk\n1,Ann,Lee,CEO,\n", o);
  EXPECT_EQ(m.units[0].label, "Ann Lee\nCEO ({x})");
}

TEST(TableReader, QuotedFieldsWithDelimitersNewlinesAndQuotes) {
  const OrgModel m = load("id;name;parent\r\n1;\"Lee; Ann\r\n\"\"Jr\"\"\";\r\n2;Bo;1\r\n");
  EXPECT_EQ(m.units[0].name, "Lee; Ann\n\"Jr\"");
  EXPECT_EQ(m.units[1].parent, "1");
  EXPECT_EQ(m.units[1].notes, "row 3");
}

TEST(TableReader, Utf16AndBomAreRead) {
  const std::string utf8 = "id\tname\n1\tZoë\n";
  std::string le = "\xFF\xFE";
  for (char c : std::string("id\tname\n1\tZo")) le += std::string{c, '\0'};
  le += std::string("\xEB\0\n\0", 4);
  EXPECT_EQ(load(le).units[0].name, "Zoë");
  EXPECT_EQ(load("\xEF\xBB\xBF" + utf8).units[0].name, "Zoë");
}

TEST(TableReader, ExtensionsPickTheTableReaders) {
  EXPECT_EQ(input_format_from_path("a/staff.CSV"), InputFormat::kTable);
  EXPECT_EQ(input_format_from_path("staff.tsv"), InputFormat::kTable);
  EXPECT_EQ(input_format_from_path("staff.tab"), InputFormat::kTable);
  EXPECT_EQ(input_format_from_path("staff.txt"), InputFormat::kTable);
  EXPECT_EQ(input_format_from_path("staff.xlsx"), InputFormat::kXlsx);
  EXPECT_EQ(input_format_from_path("staff.csv.yaml"), InputFormat::kYaml);
}

TEST(TableReader, SniffsTheDelimiter) {
  EXPECT_EQ(sniff_delimiter("a,b;c\n1,2;3\n"), ',');
  EXPECT_EQ(sniff_delimiter("a;b;c\n1;\"2,5\";3\n"), ';');
  EXPECT_EQ(sniff_delimiter("a\tb, c\td\n1\t2, 3\t4\n"), '\t');
  EXPECT_EQ(sniff_delimiter("a|b\n1|2\n"), '|');
  EXPECT_EQ(sniff_delimiter("name\nAnn\n"), ',');
}

TEST(TableReader, WhatSpreadsheetsAddIsHarmless) {
  // Trailing delimiters on every line, rows of delimiters only, the top person reporting to themselves,
  // and NULL for "no manager".
  const ReadResult r = load_org_string("id;name;parent;\n1;Ann;1;\n2;Bo;1;;\n;;;\n3;Cy;NULL\n;;;;\n", "t.csv",
                                       InputFormat::kTable);
  ASSERT_EQ(r.model.units.size(), 3u);
  EXPECT_EQ(r.model.units[0].parent, "");
  EXPECT_EQ(r.model.units[1].parent, "1");
  EXPECT_EQ(r.model.units[2].parent, "");
  EXPECT_EQ(format_diagnostics(r.diagnostics),
            "t.csv:2:1: note: unit '1' has no parent: it is drawn as a separate root\n"
            "    1;Ann;1;\n"
            "    ^\n"
            "t.csv:2:7: warning: row 2 names itself in column 'parent': drawn as a root (leave the cell empty to say so)\n"
            "    1;Ann;1;\n"
            "          ^\n"
            "t.csv:5:1: note: unit '3' has no parent: it is drawn as a separate root\n"
            "    3;Cy;NULL\n"
            "    ^\n");
}

// --- Every error, whole message. ---

TEST(TableReaderErrors, EmptyIdAndEmptyName) {
  EXPECT_EQ(errors("id,name\n1,Ann\n,Bo\n3,\n"),
            "t.csv:3:1: error: row 3 has an empty id in column 'id'; give every row an id of its own\n"
            "    ,Bo\n"
            "    ^\n"
            "t.csv:4:3: error: row 4 has no name in column 'name'; write one (or a title alone, or 'vacant', for a vacancy)\n"
            "    3,\n"
            "      ^\n");
}

TEST(TableReaderErrors, DuplicateIds) {
  EXPECT_EQ(errors("id,name\n1,Ann\n1,Bo\n"),
            "t.csv:3:1: error: duplicate unit id '1' (first defined at t.csv:2:1); give each unit its own id, or merge the two\n"
            "    1,Bo\n"
            "    ^\n");
}

TEST(TableReaderErrors, UnknownParentWithSuggestion) {
  EXPECT_EQ(errors("id,name,manager\nann,Ann,\nbo,Bo,anne\ncy,Cy,Zed\n"),
            "t.csv:3:7: error: unknown parent 'anne' in column 'manager': no row has that id, name or e-mail (did you "
            "mean 'ann'?)\n"
            "    bo,Bo,anne\n"
            "          ^\n"
            "t.csv:4:7: error: unknown parent 'Zed' in column 'manager': no row has that id, name or e-mail\n"
            "    cy,Cy,Zed\n"
            "          ^\n");
}

TEST(TableReaderErrors, AmbiguousParentNamesTheCandidates) {
  EXPECT_EQ(errors("id,name,boss\n1,Ann,\n2,Bob,Ann\n3,Bob,Ann\n4,Cy,Bob\n"),
            "t.csv:5:6: error: parent 'Bob' in column 'boss' is ambiguous: 2 rows have that name: '2' (row 3), '3' "
            "(row 4); write the id instead\n"
            "    4,Cy,Bob\n"
            "         ^\n");
}

TEST(TableReaderErrors, CyclesAreNamed) {
  EXPECT_EQ(errors("id,name,parent\na,A,c\nb,B,a\nc,C,b\nd,D,\n"),
            "t.csv:2:5: error: the hierarchy has a cycle: a -> c -> b -> a; a unit cannot be its own ancestor, change "
            "one 'parent'\n"
            "    a,A,c\n"
            "        ^\n");
}

TEST(TableReaderErrors, WrongNumberOfFields) {
  EXPECT_EQ(errors("id,name,parent\n1,Ann,\n2,Lee, Bo,1\n3,Cy\n"),
            "t.csv:3:11: error: row 3 has 4 fields but the header has 3; quote a value that contains the delimiter "
            "(\"a, b\")\n"
            "    2,Lee, Bo,1\n"
            "              ^\n"
            "t.csv:4:3: error: row 4 has 2 fields but the header has 3; add the missing fields (empty ones too)\n"
            "    3,Cy\n"
            "      ^\n");
}

TEST(TableReaderErrors, RowsOfTheWrongShapeAreReportedTwentyThenCounted) {
  // A 2 MB table whose every row is short made a million errors: 260 MB on the terminal in 37 s (found by hand).
  // The first twenty are shown, the rest counted in one error at the last of them.
  std::string text = "id,name,parent\n";
  for (int i = 0; i < 25; ++i) text += "u" + std::to_string(i) + ",N\n";
  const std::string shown = errors(text);
  std::size_t count = 0;
  for (std::size_t at = shown.find("fields but the header"); at != std::string::npos;
       at = shown.find("fields but the header", at + 1))
    ++count;
  EXPECT_EQ(count, 20u) << shown;
  EXPECT_NE(shown.find("t.csv:26:1: error: 5 more rows (the last one here) have more or fewer fields than the header's 3, "
                       "as those above; fix those first (is the delimiter right?)\n"),
            std::string::npos)
      << shown;
}

TEST(TableReaderErrors, TheColumnsListedInAMessageAreBounded) {
  // A header of a million columns (or one 10 MB header) was listed whole: a 150 KB line of error.
  std::string header = std::string(100, 'h');
  for (int i = 1; i < 40; ++i) header += ",c" + std::to_string(i);
  const std::string shown = errors(header + "\nx\n");
  EXPECT_EQ(shown.substr(0, shown.find('\n') + 1),
            "t.csv:1:1: error: no column holds names: call one 'name' (or 'full name', or 'first name' and 'last "
            "name'), or say which with --columns name=HEADER; the columns are '" + std::string(60, 'h') +
                "...', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13', 'c14', "
                "'c15', 'c16', 'c17', 'c18', 'c19', 'c20', 'c21', 'c22', 'c23', 'c24', 'c25', 'c26', 'c27', 'c28', "
                "'c29' and 10 more\n");
}

TEST(TableReaderErrors, RowsWiderThanASpreadsheetAreRefusedNotHeld) {
  // A wrong delimiter or hostile input: a line of 20000 fields. Held whole, a row costs ~40 bytes of memory per
  // delimiter, and header columns were compared pairwise (quadratic); past 16384 fields (Excel's XFD) a row is an
  // error and the rest of it is not kept.
  std::string wide = "id,name";
  for (int i = 0; i < 20000; ++i) wide += ",h" + std::to_string(i);
  std::size_t comma = 0;
  for (int n = 0; n < 16384; ++n) comma = wide.find(',', n ? comma + 1 : 0);
  const std::string e = errors(wide + "\n1,Ann\n");
  EXPECT_NE(e.find("t.csv:1:" + std::to_string(comma + 2) +
                   ": error: row 1 has more than 16384 fields, the most a spreadsheet holds; the rest of the row is left "
                   "out (is ',' really the delimiter of this table?)\n"),
            std::string::npos)
      << e.substr(0, 2000);
  EXPECT_NE(errors("id\tname\n1\tAnn" + std::string(20000, '\t') + "\n").find("(is tab really the delimiter"),
            std::string::npos);
}

TEST(TableReaderErrors, ColumnPositionsCountCharactersAndLinesOfQuotedFields) {
  // The second row starts on line 4: the quoted name of the first spans two lines. "é" is one character.
  EXPECT_EQ(errors("id,name,parent\n1,\"Ann\nLee\",\n2,Ré,9\n"),
            "t.csv:4:6: error: unknown parent '9' in column 'parent': no row has that id, name or e-mail\n"
            "    2,Ré,9\n"
            "         ^\n");
}

TEST(TableReaderErrors, UnknownColumnsRolesAndHeaders) {
  TableOptions o;
  o.columns = "parnt=boss,name=Nme,id";
  // The rows are still read, so their own problems come in the same run.
  EXPECT_EQ(errors("id,name,boss\n1,Ann,\n1,Bo,\n", o),
            "t.csv: error: --columns: unknown role 'parnt' (did you mean 'parent'?); the roles are id, parent, name, "
            "first_name, last_name, title, group, kind, photo, from, until, assistant, dotted_line, email, vacant\n"
            "t.csv: error: --columns: the table has no column 'Nme' for name (did you mean 'name'?); its columns are "
            "'id', 'name', 'boss'\n"
            "t.csv: error: --columns: 'id' is not ROLE=HEADER (e.g. --columns id=EmpNo,parent=Boss)\n"
            "t.csv:3:1: error: duplicate unit id '1' (first defined at t.csv:2:1); give each unit its own id, or merge "
            "the two\n"
            "    1,Bo,\n"
            "    ^\n");
}

TEST(TableReaderErrors, UnknownLabelColumn) {
  TableOptions o;
  o.label = "{nme} {title";
  EXPECT_EQ(errors("id,name\n1,Ann\n", o),
            "t.csv: error: --label: the table has no column 'nme' (did you mean 'name'?); its columns are 'id', 'name'\n"
            "t.csv: error: --label: the '{' at character 7 is never closed; write {Column}, or {{ for a brace\n");
}

TEST(TableReaderErrors, NoNameColumnListsTheHeaders) {
  EXPECT_EQ(errors("id,who\n1,Ann\n"),
            "t.csv:1:1: error: no column holds names: call one 'name' (or 'full name', or 'first name' and 'last "
            "name'), or say which with --columns name=HEADER; the columns are 'id', 'who'\n"
            "    id,who\n"
            "    ^\n");
}

TEST(TableReader, WhatHrExportsWriteInTheirOwnWords) {
  // A SAP-style export: "Personnel No." and "Manager Personnel No." matched no synonym, so every row was a root
  // (silently) and ids were made from names; "01.02.2015" (day first, as German HR systems write it) was an error.
  ReadResult r = load_org_string("Personnel No.;Name;Manager Personnel No.;Hire Date\n1001;Zoë;;01.02.2015\n"
                                 "1002;Ahmed;1001;1.3.2016 00:00\n",
                                 "t.csv", InputFormat::kTable);
  ASSERT_EQ(r.model.units.size(), 2u);
  EXPECT_EQ(r.model.units[0].id, "1001");
  EXPECT_EQ(r.model.units[1].parent, "1001");
  EXPECT_EQ(r.model.units[0].valid.from->str(), "2015-02-01");
  EXPECT_EQ(r.model.units[1].valid.from->str(), "2016-03-01");
  EXPECT_EQ(format_diagnostics(r.diagnostics),
            "t.csv:1:20: warning: column 'Manager Personnel No.' is read as each row's parent (manager); if it is "
            "not, say which column is with --columns parent=HEADER\n"
            "    Personnel No.;Name;Manager Personnel No.;Hire Date\n"
            "                       ^\n"
            "t.csv:2:1: note: unit '1001' has no parent: it is drawn as a separate root\n"
            "    1001;Zoë;;01.02.2015\n"
            "    ^\n");
  // Dots leave no doubt about the order; slashes do (3/4: March or April?), and stay an error. So does a day
  // that does not exist.
  EXPECT_NE(errors("id,name,parent,start\n1,Ann,,31.02.2020\n2,Bo,1,3/4/2020\n").find("'31.02.2020' in column 'start' is not a date"),
            std::string::npos);
  // No parent column at all: a flat chart, and a note that says why (beside the notes on each root).
  r = load_org_string("id,name,Chef\n1,Ann,\n2,Bo,1\n", "t.csv", InputFormat::kTable);
  EXPECT_EQ(format_diagnostics(r.diagnostics).find(
                "t.csv:1:1: note: no column names each row's parent (manager): every row is drawn as a top-level box; "
                "call one 'manager' or 'parent', or say which with --columns parent=HEADER; the columns are 'id', "
                "'name', 'Chef'\n"
                "    id,name,Chef\n"
                "    ^\n"),
            0u)
      << format_diagnostics(r.diagnostics);
}

TEST(TableReaderErrors, BadDatesAndFlags) {
  EXPECT_EQ(errors("id,name,start,assistant\n1,Ann,3/4/2020,maybe\n"),
            "t.csv:2:7: error: '3/4/2020' in column 'start' is not a date (an interval has one '/', and a day is "
            "written YYYY-MM-DD); write YYYY, YYYY-MM or YYYY-MM-DD, or for a date the sources give only roughly 2025? (uncertain), "
            "2025~ (approximate), 2025-XX (month unknown) or an interval 2024-01-30/2025-12 (happened between)\n"
            "    1,Ann,3/4/2020,maybe\n"
            "          ^\n"
            "t.csv:2:16: error: 'maybe' in column 'assistant' is not yes or no; write yes (or 'side') for an assistant "
            "or staff position, or leave it empty\n"
            "    1,Ann,3/4/2020,maybe\n"
            "                   ^\n");
}

TEST(TableReaderErrors, QuotesAndEncodings) {
  EXPECT_EQ(errors("id,name\n1,\"Ann\n"),
            "t.csv:2:3: error: this quoted field is never closed: add the closing '\"' (a '\"' inside a quoted field "
            "is written twice: \"\")\n"
            "    1,\"Ann\n"
            "      ^\n");
  EXPECT_EQ(errors("id,name\n1,\"Ann\"x\n"),
            "t.csv:2:8: error: text after the closing quote of a field; a '\"' inside a quoted field is written twice "
            "(\"\"), or put the delimiter after the quote\n"
            "    1,\"Ann\"x\n"
            "           ^\n");
  EXPECT_EQ(errors("id,name\n1,Jos\xE9\n"),
            "t.csv:2:6: error: byte 0xE9 is not UTF-8 text: the file is in another encoding (Latin-1, "
            "Windows-1252?); save it as \"CSV UTF-8\" or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8\n"
            "    1,Jos\\xe9\n"
            "         ^\n");
  // The line is shown as the file has it, bad bytes as \xNN (never raw to the terminal), the caret under the
  // first one, after characters of several bytes; the column counts characters, as the other table errors do.
  EXPECT_EQ(errors("id,name,title\r\n1,Zo\xC3\xAB,Jos\xE9 M\xFCller\r\n2,x,y\r\n"),
            "t.csv:2:10: error: byte 0xE9 is not UTF-8 text: the file is in another encoding (Latin-1, "
            "Windows-1252?); save it as \"CSV UTF-8\" or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8\n"
            "    1,Zo\xC3\xAB,Jos\\xe9 M\\xfcller\n"
            "              ^\n");
  // A line that is mostly not text (a binary file under a .csv name) would be all escapes: only the place.
  EXPECT_EQ(errors("\x89PNG\x1a\x0b\x00\x00\x0d\xff\xfe\n"),
            "t.csv:1:1: error: byte 0x89 is not UTF-8 text: the file is in another encoding (Latin-1, "
            "Windows-1252?); save it as \"CSV UTF-8\" or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8\n");
  EXPECT_EQ(errors(""), "t.csv: error: the table is empty: write a header row (e.g. id,name,title,parent) and one row per person or unit\n");
}

TEST(TableReaderErrors, RowsAndCellsPastTheLimitsAreAnErrorNotMemory) {
  // The 64 MiB file cap did not bound memory: 64 MiB of "n,a,\n" rows are 16 million units of about 1 KiB each.
  // The mapper stops at its limits with one error at the row that crosses them, and asks for no more rows.
  auto read = [](const std::string& text, const TableLimits& limits, int* rows_read) {
    TableMapper mapper("t.csv", {}, limits);
    CsvParser parser(text, ',', "t.csv", mapper.diagnostics());
    TableRecord record;
    *rows_read = 0;
    while (parser.next(record) && mapper.add(record)) ++*rows_read;
    std::string out;
    for (const auto& d : mapper.finish().diagnostics) out += format_diagnostic(d);
    return out;
  };
  // Desk and Phone have no role: their filled cells are the attributes counted (2, 1, 2, 2).
  // Rows of delimiters only (line 4) are not held and do not count.
  const std::string table = "id,name,parent,Desk,Phone\n1,Ann,,A1,555\n2,Bo,1,,556\n,,,,\n3,Cy,1,C3,557\n4,Di,1,D4,558\n";
  int n = 0;
  EXPECT_EQ(read(table, {4, 100}, &n),
            "t.csv:6:1: error: the table has more than 4 rows, the most orgchart reads (a spreadsheet's limit); row 6 "
            "and those after it are not read: chart a part of it (e.g. one division per file)\n");
  EXPECT_EQ(n, 5);  // the header, the empty row and three rows; Di is refused
  EXPECT_EQ(read(table, {5, 4}, &n),
            "t.csv:5:1: error: the table has more than 4 filled cells in columns kept as attributes, the most orgchart "
            "holds; row 5 and those after it are not read: leave out the columns the chart does not need, or chart a "
            "part of the table\n");
  EXPECT_EQ(n, 4);
  EXPECT_EQ(read(table, {5, 7}, &n), "");  // exactly at the limits
  EXPECT_EQ(n, 6);
  // The defaults: a full sheet of 1,048,576 rows, 4 attribute cells a row.
  EXPECT_EQ(TableLimits{}.rows, 1048576u);
  EXPECT_EQ(TableLimits{}.attribute_cells, 4u * 1048576u);
}

TEST(TableReader, InvalidCorpusFailsWithTheStoredMessage) {
  const fs::path root = fs::path(test::source_dir());
  int count = 0;
  for (const auto& entry : fs::directory_iterator(root / "tests/data/tables/invalid")) {
    if (entry.path().extension() == ".err") continue;
    ++count;
    const std::string rel = fs::relative(entry.path(), root).string();
    std::string got = "(no error)";
    try {
      load_org_file(rel);
    } catch (const ParseError& e) {
      got = format_diagnostics(e.diagnostics());
    }
    fs::path expected = entry.path();
    expected += ".err";
    if (test::update_golden()) test::write_file(expected.string(), got);
    EXPECT_EQ(test::read_file(expected.string()), got) << rel;
    EXPECT_NE(got, "(no error)") << rel;
  }
  EXPECT_GE(count, 25);
}

}  // namespace
}  // namespace orgchart
