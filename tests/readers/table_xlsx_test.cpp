#include "orgchart/readers/table_xlsx.hpp"

#include <gtest/gtest.h>

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
  EXPECT_FALSE(read_xlsx_rows("id,name\n", "t.xlsx", "", [](const TableRecord&) {}, diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(format_diagnostic(diags[0]),
            "t.xlsx: error: not an XLSX workbook (not a zip archive, or a damaged one); save it from the spreadsheet program "
            "as .xlsx, or as CSV UTF-8\n");
}

}  // namespace
}  // namespace orgchart
