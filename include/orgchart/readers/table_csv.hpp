#pragma once
/// Delimited text tables (CSV, TSV, Excel's "Unicode text") as real programs write them: RFC 4180 quoting
/// with embedded newlines and doubled quotes, `,` `;` tab or `|` sniffed, UTF-8 with or without BOM,
/// UTF-16 LE/BE (converted), CRLF, LF or CR line ends. Every field keeps the line and column it starts at.
#include <string>
#include <string_view>
#include <vector>

#include "orgchart/error.hpp"

namespace orgchart {

/// The most fields a row may have: a spreadsheet's own limit (Excel, LibreOffice: 16384 columns, XFD). A row
/// of more is a wrong delimiter or hostile input, and holding it would cost far more memory than its text.
inline constexpr std::size_t kMaxTableColumns = 16384;

/// One cell as read, with where it starts: the physical line and the 1-based character (code point)
/// column for text tables; the sheet row and column number for spreadsheets.
struct TableField {
  std::string text;
  int line = 0;
  int column = 0;
};

/// One row of a table. `row` counts rows as a spreadsheet does (the header is row 1), whatever the line.
struct TableRecord {
  std::vector<TableField> fields;
  int row = 0;
  int line = 0;
};

/// Bytes of a text table as UTF-8 without BOM: UTF-16 (with BOM, or detected by its zero bytes) is
/// converted; text that is not UTF-8 is a diagnostic naming the first bad byte's line and column.
std::string decode_table_text(const std::string& bytes, const std::string& file, std::vector<Diagnostic>& diags);

/// The delimiter that splits the first lines of `text` into the same number of fields most consistently,
/// among `,` `;` tab and `|` (quotes respected); `,` when nothing is better.
char sniff_delimiter(std::string_view text);

/// Reads records one at a time (memory: one record). Unterminated quotes, stray quotes and fields past
/// kMaxTableColumns (left out) are diagnostics.
class CsvParser {
 public:
  CsvParser(std::string_view text, char delimiter, std::string file, std::vector<Diagnostic>& diags)
      : text_(text), delimiter_(delimiter), file_(std::move(file)), diags_(diags) {}
  /// The next record, false at the end. Blank lines are skipped.
  bool next(TableRecord& record);

 private:
  void advance_char();
  std::string_view text_;
  char delimiter_;
  std::string file_;
  std::vector<Diagnostic>& diags_;
  std::size_t pos_ = 0;
  int line_ = 1, column_ = 1, row_ = 0;
};

}  // namespace orgchart
