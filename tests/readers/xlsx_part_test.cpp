#include "../../src/readers/xlsx_part.hpp"

#include <gtest/gtest.h>

#include <string>

#include "orgchart/c_ptr.hpp"
#include "support/test_support.hpp"

namespace orgchart::detail {
namespace {

/// An archive holding `name` = `data` (deflated, as a workbook's parts are), opened read-only.
struct Archive {
  Archive(const std::string& name, const std::string& data) {
    const std::string path = test::temp_dir() + "/part.zip";
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    zip_file_add(z, name.c_str(), zip_source_buffer(z, data.data(), data.size(), 0), 0);
    zip_close(z);
    zip_.reset(zip_open(path.c_str(), ZIP_RDONLY, &err));
  }
  zip_t* get() { return zip_.get(); }
  CPtr<zip_t, zip_discard> zip_;
};

/// Reads the part to its end; the number of <c> elements seen.
int cells(XmlPart& x) {
  int n = 0;
  while (x.next()) n += x.start("c");
  return n;
}

TEST(XlsxPart, ThePartSizeCapHoldsWhileStreaming) {
  // The archive's directory may lie about a part's size (a zip bomb): what comes out of zip_fread is counted, and
  // the read stops at the cap, with the reason, not libxml2's I/O error.
  std::string sheet = "<worksheet><sheetData>";
  while (sheet.size() < (std::size_t{3} << 20)) sheet += "<row><c r=\"A1\"/></row>";
  sheet += "</sheetData></worksheet>";
  Archive a("s.xml", sheet);
  XmlPart capped(a.get(), 0, "s.xml", std::size_t{1} << 20);
  ASSERT_FALSE(capped.failure());
  const int read = cells(capped);
  ASSERT_TRUE(capped.failure());
  EXPECT_EQ(capped.failure()->message,
            "this part is larger than 1 MiB uncompressed; refusing it (a damaged file or a zip bomb)");
  EXPECT_LE(read, (1 << 20) / 22);  // it stopped at the cap: no cell past the first MiB was handed out
  XmlPart whole(a.get(), 0, "s.xml", std::size_t{4} << 20);
  EXPECT_EQ(cells(whole), static_cast<int>((sheet.size() - 46) / 22));
  EXPECT_FALSE(whole.failure());
}

TEST(XlsxPart, PlacesFarIntoALongLineAgreeWithLibxml2) {
  // Excel writes a sheet on one line of tens of megabytes. Only a tail of it is held, yet the place of an error
  // 3 MB into the line (libxml2's line and character column) comes with the text around it, caret on the byte.
  std::string sheet = "<worksheet>\n<sheetData>";
  while (sheet.size() < (std::size_t{3} << 20)) sheet += "<row><c r=\"B7\"><v>\xC3\xA9</v></c></row>";
  const std::size_t bad = sheet.size();
  sheet += "<row><c r=\"B8\"></row></sheetData></worksheet>";  // <c> never closed
  Archive a("s.xml", sheet);
  XmlPart x(a.get(), 0, "s.xml", std::size_t{1} << 30);
  cells(x);
  ASSERT_TRUE(x.failure());
  const PartPlace& p = x.failure()->place;
  EXPECT_EQ(p.line, 2);
  // libxml2 stops after </row>, where </c> should have been; é is one column and two bytes.
  const std::size_t stop = sheet.find("</sheetData>", bad);
  const std::size_t line_start = sheet.find('\n') + 1;
  std::size_t chars = 0;
  for (std::size_t i = line_start; i < stop; ++i) chars += (static_cast<unsigned char>(sheet[i]) & 0xC0) != 0x80;
  EXPECT_EQ(p.column, static_cast<int>(chars) + 1);
  ASSERT_GT(p.text_column, 0);
  EXPECT_EQ(p.text.substr(static_cast<std::size_t>(p.text_column) - 1, 6), "</shee");
  EXPECT_LE(p.text.size(), 8192u);
  EXPECT_NE(x.failure()->message.find("the XML is not well-formed (Opening and ending tag mismatch: c line 2 and row)"),
            std::string::npos)
      << x.failure()->message;
}

TEST(XlsxPart, TheNodeJustReadIsPlacedByItsOwnMarkup) {
  // The parser reads ahead of the node the reader hands out; the node is found by its own markup before that.
  std::string sheet = "<worksheet><sheetData>\n";
  for (int r = 1; r <= 3000; ++r) sheet += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"/></row>\n";
  sheet += "</sheetData></worksheet>";
  Archive a("s.xml", sheet);
  XmlPart x(a.get(), 0, "s.xml", std::size_t{1} << 30);
  while (x.next() && !(x.start("c") && x.attr("r") == "A2500")) {
  }
  const PartPlace p = x.here("r=\"A2500\"");
  EXPECT_EQ(p.line, 2501);
  EXPECT_EQ(p.column, 18);
  EXPECT_EQ(p.text, "<row r=\"2500\"><c r=\"A2500\"/></row>");
  EXPECT_EQ(p.text_column, 18);
}

}  // namespace
}  // namespace orgchart::detail
