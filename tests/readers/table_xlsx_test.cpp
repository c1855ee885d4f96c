#include "orgchart/readers/table_xlsx.hpp"
#include "orgchart/readers/table_reader.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>

#include "support/test_support.hpp"

namespace orgchart {
namespace {

TEST(TableXlsx, SerialDatesIn1900SystemWithItsLeapYearBug) {
  EXPECT_EQ(excel_serial_to_iso(1, false), "1900-01-01");
  EXPECT_EQ(excel_serial_to_iso(59, false), "1900-02-28");
  EXPECT_EQ(excel_serial_to_iso(60, false), "1900-02-29");  // the day Excel invents
  EXPECT_EQ(excel_serial_to_iso(61, false), "1900-03-01");
  EXPECT_EQ(excel_serial_to_iso(25569, false), "1970-01-01");
  EXPECT_EQ(excel_serial_to_iso(45000, false), "2023-03-15");
  EXPECT_EQ(excel_serial_to_iso(45000.5, false), "2023-03-15 12:00");
}

TEST(TableXlsx, SerialDatesIn1904System) {
  EXPECT_EQ(excel_serial_to_iso(0, true), "1904-01-01");
  EXPECT_EQ(excel_serial_to_iso(43538, true), "2023-03-15");
}

TEST(TableXlsx, NotAZipIsADiagnostic) {
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(read_xlsx_rows("id,name\n", "t.xlsx", "", [](const TableRecord&) { return true; }, diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(format_diagnostic(diags[0]),
            "t.xlsx: error: not an XLSX workbook (not a zip archive, or a damaged one); save it from the spreadsheet program "
            "as .xlsx, or as CSV UTF-8\n");
}

/// A workbook written with libzip from the parts given, read back as bytes.
std::string make_xlsx(const std::map<std::string, std::string>& parts) {
  const std::string path = test::temp_dir() + "/w.xlsx";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  for (const auto& [name, data] : parts) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  return test::read_file(path);
}

const char* const kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

TEST(TableXlsx, ReadsStringsNumbersBooleansDatesAndSparseCells) {
  const std::string ns = std::string("xmlns=\"") + kMain + "\"";
  const std::string bytes = make_xlsx({
      {"xl/workbook.xml", "<workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                          "<workbookPr date1904=\"1\"/><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId7\"/>"
                          "<sheet name=\"B\" sheetId=\"2\" r:id=\"rId8\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                     "<Relationship Id=\"rId7\" Target=\"/xl/worksheets/a.xml\"/>"
                                     "<Relationship Id=\"rId8\" Target=\"worksheets/../worksheets/b.xml\"/></Relationships>"},
      {"xl/sharedStrings.xml", "<sst " + ns + "><si><t>plain</t></si><si><r><t>ri</t></r><r><t xml:space=\"preserve\">ch </t></r>"
                               "<rPh><t>PHONETIC</t></rPh></si></sst>"},
      {"xl/styles.xml", "<styleSheet " + ns + "><numFmts><numFmt numFmtId=\"170\" formatCode=\"[$-409]d\\-mmm\\-yy;@\"/>"
                        "<numFmt numFmtId=\"171\" formatCode=\"&quot;day&quot; 0.00\"/></numFmts>"
                        "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"170\"/><xf numFmtId=\"171\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"},
      {"xl/worksheets/a.xml", "<worksheet><sheetData/></worksheet>"},
      {"xl/worksheets/b.xml",
       "<worksheet " + ns + "><sheetData>"
       "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"C2\" t=\"s\"><v>1</v></c></row>"
       "<row r=\"3\"><c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\" s=\"1\"><v>43538</v></c><c r=\"C3\" s=\"2\"><v>43538</v></c>"
       "<c r=\"D3\" t=\"inlineStr\"><is><t>in&amp;line</t></is></c><c r=\"E3\"><v>1.0E3</v></c><c r=\"F3\" t=\"e\"><v>#N/A</v></c>"
       "<c r=\"G3\"><v>0.10000000000000001</v></c></row>"
       "<row r=\"5\"><c r=\"B5\" s=\"3\"><v>0.5</v></c></row>"
       "</sheetData></worksheet>"},
  });
  std::vector<Diagnostic> diags;
  std::vector<TableRecord> rows;
  ASSERT_TRUE(read_xlsx_rows(bytes, "w.xlsx", "B", [&](const TableRecord& r) { rows.push_back(r); return true; }, diags))
      << format_diagnostics(diags);
  ASSERT_EQ(rows.size(), 3u);
  auto texts = [](const TableRecord& r) {
    std::vector<std::string> t;
    for (const auto& f : r.fields) t.push_back(f.text);
    return t;
  };
  EXPECT_EQ(rows[0].row, 2);
  EXPECT_EQ(texts(rows[0]), (std::vector<std::string>{"plain", "", "rich "}));
  EXPECT_EQ(rows[0].fields[2].column, 3);
  // 1904 system: serial 43538 is 2023-03-15 in a date format; a number format with "day" in quotes is no date.
  EXPECT_EQ(texts(rows[1]), (std::vector<std::string>{"TRUE", "2023-03-15", "43538", "in&line", "1000", "#N/A", "0.1"}));
  EXPECT_EQ(rows[2].row, 5);
  EXPECT_EQ(texts(rows[2]), (std::vector<std::string>{"", "1904-01-01 12:00"}));
  diags.clear();
  EXPECT_FALSE(read_xlsx_rows(bytes, "w.xlsx", "C", [](const TableRecord&) { return true; }, diags));
  EXPECT_EQ(format_diagnostics(diags), "w.xlsx: error: --sheet: the workbook has no sheet 'C'; its sheets are 'A', 'B'\n");
}

TEST(TableXlsx, RowNumbersOutsideASheetAreDamageNotOverflow) {
  // r="2147483647" then a row without r: numbering it after the last overflowed an int (UBSan). A sheet has rows
  // 1 to 1048576; any other number (negative, too large, not a number) is a damaged file, reported.
  const std::string ns = std::string("xmlns=\"") + kMain + "\"";
  auto book = [&](const std::string& rows) {
    return make_xlsx({
        {"xl/workbook.xml", "<workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                            "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                       "<Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>"},
        {"xl/worksheets/s.xml", "<worksheet " + ns + "><sheetData>" + rows + "</sheetData></worksheet>"},
    });
  };
  const std::string cell = "<c t=\"inlineStr\"><is><t>x</t></is></c>";
  for (const std::string r : {"2147483647", "99999999999", "-5", "0", "1048577", "2x"}) {
    std::vector<Diagnostic> diags;
    std::vector<int> rows;
    EXPECT_FALSE(read_xlsx_rows(book("<row r=\"" + r + "\">" + cell + "</row><row>" + cell + "</row>"), "w.xlsx", "",
                                [&](const TableRecord& t) { rows.push_back(t.row); return true; }, diags))
        << r;
    // Each is named where it is in the part (libxml2's line and character column), the caret under its r="".
    ASSERT_EQ(diags.size(), 1u) << r;
    EXPECT_EQ(format_diagnostic(diags[0]).substr(0, format_diagnostic(diags[0]).find('\n')),
              "w.xlsx: xl/worksheets/s.xml:1:94: error: row number '" + r +
                  "' is not a row of a sheet (1 to 1048576): the sheet is damaged; open the workbook in Excel or "
                  "LibreOffice and save it again, or save the sheet as CSV UTF-8")
        << r;
    EXPECT_EQ(rows, (std::vector<int>{1, 2})) << r;
  }
  {
    // Every malformed reference is reported (up to 20), each with the caret under it.
    std::vector<Diagnostic> diags;
    EXPECT_FALSE(read_xlsx_rows(book("<row r=\"0\">" + cell + "</row>\n<row r=\"2\"><c r=\"XFE2\"/><c r=\"B2\"/></row>"),
                                "w.xlsx", "", [](const TableRecord&) { return true; }, diags));
    EXPECT_EQ(format_diagnostics(diags),
              "w.xlsx: xl/worksheets/s.xml:1:94: error: row number '0' is not a row of a sheet (1 to 1048576): the "
              "sheet is damaged; open the workbook in Excel or LibreOffice and save it again, or save the sheet as CSV "
              "UTF-8\n"
              "    ...openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"0\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>\n"
              "                                                                   ^\n"
              "w.xlsx: xl/worksheets/s.xml:2:15: error: cell reference 'XFE2' is not a cell of a sheet (columns A to XFD, "
              "then the row): the sheet is damaged; open the workbook in Excel or LibreOffice and save it again, or save "
              "the sheet as CSV UTF-8\n"
              "    <row r=\"2\"><c r=\"XFE2\"/><c r=\"B2\"/></row></sheetData></worksheet>\n"
              "                  ^\n");
  }
  std::vector<Diagnostic> diags;
  std::vector<int> rows;
  EXPECT_TRUE(read_xlsx_rows(book("<row r=\"1048576\">" + cell + "</row>"), "w.xlsx", "",
                             [&](const TableRecord& t) { rows.push_back(t.row); return true; }, diags));
  EXPECT_EQ(rows, std::vector<int>{1048576});
}

TEST(TableXlsx, MergedCellsReadAsTheSpreadsheetShowsThem) {
  // HR exports merge a department or a manager over the rows of a team: only the top-left cell holds the value,
  // the spreadsheet shows it across the area, and so does the table. An area whose top-left cell is empty
  // fills nothing; a malformed reference is left out. (Row 5 gives its cells out of column order, as writers
  // other than Excel may: A5 after B5 fills its place, a second B5 is ignored.)
  const std::string ns = std::string("xmlns=\"") + kMain + "\"";
  auto is = [](const std::string& ref, const std::string& t) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
  };
  const std::string bytes = make_xlsx({
      {"xl/workbook.xml", "<workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                          "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                     "<Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>"},
      {"xl/worksheets/s.xml",
       "<worksheet " + ns + "><sheetData>"
       "<row r=\"1\">" + is("A1", "id") + is("B1", "name") + is("C1", "manager") + is("D1", "department") + "</row>"
       "<row r=\"2\">" + is("A2", "1") + is("B2", "Ann") + is("D2", "Sales") + "</row>"
       "<row r=\"3\">" + is("A3", "2") + is("B3", "Bo") + is("C3", "1") + "</row>"
       "<row r=\"4\">" + is("A4", "3") + is("B4", "Cy") + "</row>"
       "<row r=\"5\">" + is("B5", "Di") + is("A5", "4") + is("B5", "twice") + "</row>"
       "</sheetData><mergeCells count=\"4\"><mergeCell ref=\"D2:D4\"/><mergeCell ref=\"C3:C5\"/>"
       "<mergeCell ref=\"E2:F5\"/><mergeCell ref=\"A0:ZZZZ9\"/></mergeCells></worksheet>"},
  });
  std::vector<Diagnostic> diags;
  std::vector<std::vector<std::string>> rows;
  ASSERT_TRUE(read_xlsx_rows(bytes, "w.xlsx", "", [&](const TableRecord& r) {
    auto& t = rows.emplace_back();
    for (const auto& f : r.fields) t.push_back(f.text);
    return true;
  }, diags)) << format_diagnostics(diags);
  EXPECT_EQ(rows, (std::vector<std::vector<std::string>>{{"id", "name", "manager", "department"},
                                                         {"1", "Ann", "", "Sales"},
                                                         {"2", "Bo", "1", "Sales"},
                                                         {"3", "Cy", "1", "Sales"},
                                                         {"4", "Di", "1"}}));
}

TEST(TableXlsx, AnEmptySheetNamesTheSheetsThatHaveData) {
  // Workbooks open on a cover sheet, a chart or a blank tab as often as on the data: "the table is empty" left the
  // user guessing. The error names the sheets that have rows and how to pick one.
  const std::string ns = std::string("xmlns=\"") + kMain + "\"";
  auto book = [&](const std::vector<std::pair<std::string, std::string>>& named) {
    std::string sheets, rels;
    std::map<std::string, std::string> parts;
    for (std::size_t i = 0; i < named.size(); ++i) {
      const std::string id = "rId" + std::to_string(i + 1), part = "worksheets/s" + std::to_string(i + 1) + ".xml";
      sheets += "<sheet name=\"" + named[i].first + "\" sheetId=\"" + std::to_string(i + 1) + "\" r:id=\"" + id + "\"/>";
      rels += "<Relationship Id=\"" + id + "\" Target=\"" + part + "\"/>";
      parts["xl/" + part] = "<worksheet " + ns + "><sheetData>" + named[i].second + "</sheetData></worksheet>";
    }
    parts["xl/workbook.xml"] = "<workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                               "<sheets>" + sheets + "</sheets></workbook>";
    parts["xl/_rels/workbook.xml.rels"] =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + rels + "</Relationships>";
    return make_xlsx(parts);
  };
  const std::string data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c></row>";
  // A row of empty cells, or of spaces only, is no data either.
  const std::string blank = "<row r=\"1\"><c r=\"A1\" s=\"1\"/><c r=\"B1\" t=\"inlineStr\"><is><t> </t></is></c></row>";
  auto error = [](const std::string& bytes, const std::string& sheet) {
    std::vector<Diagnostic> diags;
    int rows = 0;
    EXPECT_FALSE(read_xlsx_rows(bytes, "w.xlsx", sheet, [&](const TableRecord&) { ++rows; return true; }, diags));
    EXPECT_EQ(rows, 0);
    return format_diagnostics(diags);
  };
  EXPECT_EQ(error(book({{"Cover", blank}, {"Head count", data}}), ""),
            "w.xlsx: error: the first sheet, 'Cover', is empty; sheet 'Head count' has data: read it with --sheet "
            "'Head count'\n");
  EXPECT_EQ(error(book({{"Sheet1", ""}, {"Staff", data}, {"Chart", ""}, {"Units", data}}), ""),
            "w.xlsx: error: the first sheet, 'Sheet1', is empty; the sheets 'Staff', 'Units' have data: choose one "
            "with --sheet NAME, e.g. --sheet Staff\n");
  EXPECT_EQ(error(book({{"Staff", data}, {"Notes", ""}}), "Notes"),
            "w.xlsx: error: sheet 'Notes' is empty; sheet 'Staff' has data: read it with --sheet Staff\n");
  EXPECT_EQ(error(book({{"Bob's", ""}, {"It's", data}}), ""),
            "w.xlsx: error: the first sheet, 'Bob's', is empty; sheet 'It's' has data: read it with --sheet "
            "'It'\\''s'\n");
  EXPECT_EQ(error(book({{"A", ""}, {"B", blank}}), ""),
            "w.xlsx: error: every sheet of the workbook ('A', 'B') is empty: write a header row (e.g. "
            "id,name,title,parent) and one row per person or unit\n");
  EXPECT_EQ(error(book({{"A", ""}}), ""),
            "w.xlsx: error: the workbook's only sheet, 'A', is empty: write a header row (e.g. id,name,title,parent) "
            "and one row per person or unit\n");
}

TEST(TableXlsx, FormulasWithoutASavedValueAreReported) {
  // openpyxl (and other writers that do not calculate) store a formula with an empty <v/>: the spreadsheet shows
  // its result, the file has none, and the cell read as empty without a word (a name column of formulas gave
  // "row 2 has no name").
  const std::string ns = std::string("xmlns=\"") + kMain + "\"";
  const std::string bytes = make_xlsx({
      {"xl/workbook.xml", "<workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                          "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                     "<Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>"},
      {"xl/worksheets/s.xml",
       "<worksheet " + ns + "><sheetData>"
       "<row r=\"2\"><c r=\"A2\"><f>1+1</f><v>2</v></c><c r=\"B2\" t=\"str\"><f>\"\"</f><v></v></c>"
       "<c r=\"C2\"><f>A2&amp;\"x\"</f><v/></c><c r=\"D2\"><f>C2</f></c></row>"
       "</sheetData></worksheet>"},
  });
  std::vector<Diagnostic> diags;
  std::vector<std::string> texts;
  ASSERT_TRUE(read_xlsx_rows(bytes, "w.xlsx", "", [&](const TableRecord& r) {
    for (const auto& f : r.fields) texts.push_back(f.text);
    return true;
  }, diags));
  EXPECT_EQ(texts, std::vector<std::string>{"2"});  // Excel's cached result is read; the rest is empty
  EXPECT_EQ(format_diagnostics(diags),
            "w.xlsx:2:3: warning: sheet 'S' has 2 formulas without a saved value (the program that wrote the file did "
            "not calculate them), read as empty cells: open the file in Excel or LibreOffice and save it again\n");
}

/// A one-sheet workbook ("S", rId1 -> worksheets/s.xml) with these parts added or replaced.
std::string one_sheet_book(std::map<std::string, std::string> parts) {
  const std::string ns = std::string("xmlns=\"") + kMain + "\"";
  parts.emplace("xl/workbook.xml", "<workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                                   "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  parts.emplace("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                              "<Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>");
  return make_xlsx(parts);
}

TEST(TableXlsx, ReadingStopsWhenTheRowsAreRefused) {
  // Past the table's limits the mapper refuses rows; the rest of the sheet is not read (a sheet of a million rows
  // past the cap cost as much as reading it).
  std::string rows;
  for (int r = 1; r <= 5; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>";
  rows += "<row r=\"6\"><c r=\"A0\"/></row>";  // damaged, but never reached
  std::vector<Diagnostic> diags;
  int calls = 0;
  EXPECT_TRUE(read_xlsx_rows(one_sheet_book({{"xl/worksheets/s.xml", "<worksheet><sheetData>" + rows + "</sheetData></worksheet>"}}),
                             "w.xlsx", "", [&](const TableRecord&) { return ++calls < 2; }, diags));
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(format_diagnostics(diags), "");
}

TEST(TableXlsx, EveryDamagedPartIsNamedWithItsLineAndColumn) {
  // A workbook error named only the file ("the workbook's 'x' is not well-formed"), and only the first part that
  // failed. Each part now says where it broke, as libxml2 counts lines and columns, and every part is read.
  std::vector<Diagnostic> diags;
  int calls = 0;
  EXPECT_FALSE(read_xlsx_rows(
      one_sheet_book({{"xl/sharedStrings.xml", "<sst>\n<si><t>Ann</t></si>\n<si><t>Bo</si>\n</sst>"},
                      {"xl/styles.xml", "<styleSheet><cellXfs><xf numFmtId=\"14\"/></cellXfs>"},
                      {"xl/worksheets/s.xml", "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row>\n"
                                              "<row r=\"2\"><c t=\"s\"><v>1</v></c></row a>\n</sheetData></worksheet>"}}),
      "w.xlsx", "", [&](const TableRecord&) { return ++calls > 0; }, diags));
  EXPECT_EQ(calls, 0);  // rows of a damaged workbook go nowhere
  EXPECT_EQ(format_diagnostics(diags),
            "w.xlsx: xl/sharedStrings.xml:3:15: error: the XML is not well-formed (Opening and ending tag mismatch: t "
            "line 3 and si): the workbook is damaged; open it in Excel or LibreOffice and save it again, or save the "
            "sheet as CSV UTF-8\n"
            "    <si><t>Bo</si>\n"
            "                  ^\n"
            "w.xlsx: xl/styles.xml:1:51: error: the XML is not well-formed (Extra content at the end of the document): "
            "the workbook is damaged; open it in Excel or LibreOffice and save it again, or save the sheet as CSV "
            "UTF-8\n"
            "    <styleSheet><cellXfs><xf numFmtId=\"14\"/></cellXfs>\n"
            "                                                      ^\n"
            "w.xlsx: xl/worksheets/s.xml:2:39: error: the XML is not well-formed (expected '>'): the workbook is "
            "damaged; open it in Excel or LibreOffice and save it again, or save the sheet as CSV UTF-8\n"
            "    <row r=\"2\"><c t=\"s\"><v>1</v></c></row a>\n"
            "                                          ^\n");
}

TEST(TableXlsx, ARelationshipPointingNowhereIsNamedWhereItIs) {
  const std::string ns = std::string("xmlns=\"") + kMain + "\"";
  const std::string sheet = "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>";
  auto error = [](const std::string& bytes) {
    std::vector<Diagnostic> diags;
    EXPECT_FALSE(read_xlsx_rows(bytes, "w.xlsx", "", [](const TableRecord&) { return true; }, diags));
    return format_diagnostics(diags);
  };
  // The sheet names a relationship the workbook's relationships do not have.
  EXPECT_EQ(error(one_sheet_book({{"xl/workbook.xml", "<workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\n"
                                                      "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>"},
                                  {"xl/worksheets/s.xml", sheet}})),
            "w.xlsx: xl/workbook.xml:2:42: error: sheet 'S' refers to relationship 'rId9', which "
            "xl/_rels/workbook.xml.rels does not have, so nothing says where the sheet is: the workbook is damaged; open "
            "it in Excel or LibreOffice and save it again, or save the sheet as CSV UTF-8\n"
            "    <sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>\n"
            "                                             ^\n");
  // The relationship names a part the archive does not have.
  EXPECT_EQ(error(one_sheet_book({{"xl/worksheets/other.xml", sheet}})),
            "w.xlsx: xl/_rels/workbook.xml.rels:1:116: error: relationship 'rId1' of sheet 'S' points to "
            "'xl/worksheets/s.xml', which the archive does not have: the workbook is damaged; open it in Excel or "
            "LibreOffice and save it again, or save the sheet as CSV UTF-8\n"
            "    .../package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>\n"
            "                                                                   ^\n");
}

/// A one-sheet workbook ("S" at xl/worksheets/s.xml, named by as many sheets as `names` lists), with more parts.
std::string book_of(const std::string& rows, const std::map<std::string, std::string>& more = {},
                    const std::vector<std::string>& names = {"S"}) {
  const std::string ns = std::string("xmlns=\"") + kMain + "\"";
  std::string sheets;
  for (std::size_t i = 0; i < names.size(); ++i)
    sheets += "<sheet name=\"" + names[i] + "\" sheetId=\"" + std::to_string(i + 1) + "\" r:id=\"rId1\"/>";
  std::map<std::string, std::string> parts = more;
  parts["xl/workbook.xml"] = "<workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                             "<sheets>" + sheets + "</sheets></workbook>";
  parts["xl/_rels/workbook.xml.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                        "<Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>";
  if (!parts.count("xl/worksheets/s.xml"))
    parts["xl/worksheets/s.xml"] = "<worksheet " + ns + "><sheetData>" + rows + "</sheetData></worksheet>";
  return make_xlsx(parts);
}

/// Reads `bytes` within `limits`: the rows read (as their number) and the diagnostics.
std::pair<int, std::string> read_within(const std::string& bytes, const XlsxLimits& limits, bool* ok = nullptr) {
  std::vector<Diagnostic> diags;
  int rows = 0;
  const bool read = read_xlsx_rows(bytes, "w.xlsx", "", [&](const TableRecord&) { return ++rows, true; }, diags, limits);
  if (ok) *ok = read;
  return {rows, format_diagnostics(diags)};
}

TEST(TableXlsx, ASharedStringRepeatedInEveryRowIsBoundedLikeAZipBomb) {
  // One shared string of 1 MB named by the cells of a million rows: 10 MB of zip, a terabyte of cells (found by
  // hand: std::bad_alloc, exit 70). The text the cells hold is bounded; rows read before the bound stay read.
  const std::string sst = std::string("<sst xmlns=\"") + kMain + "\" count=\"2147483648\"><si><t>name</t></si><si><t>" +
                          std::string(1000, 'x') + "</t></si></sst>";
  std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>";
  for (int r = 2; r <= 100; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c t=\"s\"><v>1</v></c></row>";
  XlsxLimits limits;
  limits.cell_bytes = 20000;
  const auto [read, shown] = read_within(book_of(rows, {{"xl/sharedStrings.xml", sst}}), limits);
  EXPECT_EQ(read, 20);  // 12 bytes for the header, 1008 a row: the 21st passes 20000
  EXPECT_EQ(shown, "w.xlsx: xl/worksheets/s.xml: error: the cells of the first 21 rows hold more than 0 MiB of text "
                   "(shared strings and merged areas repeat one text in every cell that shows it): a damaged or hostile "
                   "file; if the table is real, chart a part of it\n");
  // Within the bound, every row is read.
  limits.cell_bytes = 200000;
  EXPECT_EQ(read_within(book_of(rows, {{"xl/sharedStrings.xml", sst}}), limits), std::make_pair(100, std::string()));
}

TEST(TableXlsx, OverlappingMergedAreasAreDamageNotWork) {
  // 100,000 copies of A2:XFD1048576 made each row cost 1.6 billion steps (found by hand: 7 s for one row).
  const std::string ns = std::string("xmlns=\"") + kMain + "\"";
  std::string merges;
  for (int i = 0; i < 3; ++i) merges += "<mergeCell ref=\"A2:XFD1048576\"/>";
  const std::string sheet = "<worksheet " + ns + "><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>name</t></is></c></row>"
                            "<row r=\"2\"><c t=\"inlineStr\"><is><t>v</t></is></c></row></sheetData><mergeCells>" +
                            merges + "</mergeCells></worksheet>";
  bool ok = true;
  const auto [read, shown] = read_within(book_of("", {{"xl/worksheets/s.xml", sheet}}), XlsxLimits{}, &ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(read, 1);
  EXPECT_EQ(shown, "w.xlsx: xl/worksheets/s.xml: error: merged areas overlap in row 2 (a spreadsheet program does not "
                   "make them): the sheet is damaged\n");
  // One such area over a long text is bounded by the cells' text (a copy of the text in each of 16384 columns).
  const std::string one = "<worksheet " + ns + "><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>name</t></is></c></row>"
                          "<row r=\"2\"><c t=\"inlineStr\"><is><t>" + std::string(1000, 'v') +
                          "</t></is></c></row></sheetData><mergeCells><mergeCell ref=\"A2:XFD1048576\"/></mergeCells></worksheet>";
  XlsxLimits limits;
  limits.cell_bytes = 100000;
  EXPECT_EQ(read_within(book_of("", {{"xl/worksheets/s.xml", one}}), limits).second,
            "w.xlsx: xl/worksheets/s.xml: error: the cells of the first 2 rows hold more than 0 MiB of text (shared "
            "strings and merged areas repeat one text in every cell that shows it): a damaged or hostile file; if the "
            "table is real, chart a part of it\n");
}

TEST(TableXlsx, APartNamedByManySheetsIsReadOnce) {
  // An empty first sheet made every other sheet be read to say which have data: 2,000 sheets naming one part of
  // 500 MB were 2,000 reads (found by hand: no end in 120 s). A part is read once, and what is read is bounded.
  const std::string data = "<row r=\"1\"><c t=\"inlineStr\"><is><t>name</t></is></c></row>" + std::string(10000, ' ');
  const std::string ns = std::string("xmlns=\"") + kMain + "\"";
  std::string sheets, rels;
  std::map<std::string, std::string> parts;
  for (int i = 1; i <= 50; ++i)
    sheets += "<sheet name=\"S" + std::to_string(i) + "\" sheetId=\"" + std::to_string(i) + "\" r:id=\"rId" +
              std::to_string(i == 1 ? 1 : 2) + "\"/>";
  parts["xl/workbook.xml"] = "<workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                             "<sheets>" + sheets + "</sheets></workbook>";
  parts["xl/_rels/workbook.xml.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                        "<Relationship Id=\"rId1\" Target=\"worksheets/empty.xml\"/>"
                                        "<Relationship Id=\"rId2\" Target=\"worksheets/data.xml\"/></Relationships>";
  parts["xl/worksheets/empty.xml"] = "<worksheet " + ns + "><sheetData/></worksheet>";
  parts["xl/worksheets/data.xml"] = "<worksheet " + ns + "><sheetData>" + data + "</sheetData></worksheet>";
  const std::string bytes = make_xlsx(parts);
  // Read once, the part's rows are counted once for the cells' text: 50 reads of it would pass the bound.
  XlsxLimits limits;
  limits.cell_bytes = 3 * (4 + 8);
  EXPECT_EQ(read_within(bytes, limits).second,
            "w.xlsx: error: the first sheet, 'S1', is empty; the sheets 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', "
            "'S10', 'S11', 'S12', 'S13', 'S14', 'S15', 'S16', 'S17', 'S18', 'S19', 'S20', 'S21', 'S22', 'S23', 'S24', "
            "'S25', 'S26', 'S27', 'S28', 'S29', 'S30', 'S31' and 19 more have data: choose one with --sheet NAME, e.g. "
            "--sheet S2\n");
}

TEST(TableXlsx, AHeaderFarWiderThanItsRowsIsBoundedWhereRowsArePadded) {
  // A header of 16384 columns over a million one-cell rows: each row padded to the header's width made 16
  // billion empty fields (found by hand: no end in 120 s). The padding counts as the reader's cells do.
  std::string header = "<row r=\"1\">";
  for (int c = 0; c < 16384; ++c) header += "<c t=\"inlineStr\"><is><t>" + (c ? "h" + std::to_string(c) : std::string("name")) + "</t></is></c>";
  header += "</row>";
  std::string rows;
  for (int r = 2; r <= 2100; ++r) rows += "<row><c t=\"inlineStr\"><is><t>v</t></is></c></row>";
  const ReadResult result = read_xlsx_string(book_of(header + rows), "w.xlsx", TableOptions{});
  const std::string shown = format_diagnostics(result.diagnostics);
  EXPECT_EQ(shown.substr(0, shown.find('\n')),
            "w.xlsx:2050:1: error: the rows up to this one leave out more than 32 million of the header's cells: a "
            "damaged file, or a header far wider than its rows (delete the columns to the right of the table in the "
            "spreadsheet program)");
}

TEST(TableXlsx, TheSheetsAWorkbookNamesAreBounded) {
  // A workbook.xml of 5 million <sheet/> (150 KB zipped) took 20 s and 730 MB before any sheet was read (found by
  // hand), and its relationships were all held. Past the bound the workbook is damaged; relationships are kept only
  // for the sheets named.
  XlsxLimits limits;
  limits.sheets = 3;
  const std::string data = "<row><c t=\"inlineStr\"><is><t>name</t></is></c></row>";
  bool ok = true;
  const std::string shown = read_within(book_of(data, {}, {"A", "B", "C", "D"}), limits, &ok).second;
  EXPECT_EQ(shown.substr(0, shown.find('\n')),
            "w.xlsx: xl/workbook.xml:1:286: error: the workbook names more than 3 sheets (LibreOffice's limit; Excel's "
            "is memory): the workbook is damaged");
  EXPECT_FALSE(ok);
  EXPECT_EQ(read_within(book_of(data, {}, {"A", "B", "C"}), limits), std::make_pair(1, std::string()));
}

}  // namespace
}  // namespace orgchart
