#pragma once
/// XLSX workbooks (Office Open XML spreadsheets) read directly: libzip opens the container, libxml2's
/// streaming reader the parts. Shared and inline strings, numbers, booleans, and dates as Excel stores them
/// (serial numbers in cells with a date format, 1900 system with its leap-year bug, or the 1904 system)
/// become ISO text. Entries larger than kMaxXlsxEntryBytes uncompressed are refused (zip bombs); only the
/// parts the workbook names inside the archive are read.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/readers/table_csv.hpp"

namespace orgchart {

inline constexpr std::size_t kMaxXlsxEntryBytes = std::size_t{1} << 30;
/// The most shared strings a workbook may have: more than the 1,048,576 rows and 4,194,304 attribute cells a table
/// may hold could use (its id, name, e-mail... columns rarely repeat), a tenth of what 5-byte <si/> fill 1 GiB with.
inline constexpr std::size_t kMaxXlsxSharedStrings = std::size_t{1} << 24;

/// What a workbook may cost beyond its parts' sizes. A zip inflates a thousand times at most, but a shared
/// string or a merged area repeats its text in every cell that shows it: without a bound on the text the cells
/// hold, a 10 MB file made terabytes (std::bad_alloc). The defaults are above what a full sheet the table reader
/// keeps (TableLimits: 1,048,576 rows, 4 attribute cells a row) needs.
struct XlsxLimits {
  /// Sheets a workbook may name (LibreOffice's limit; a workbook.xml of 1 GiB names 38 million).
  std::size_t sheets = 10000;
  /// Text the cells of the rows read may hold, counting 8 bytes more a cell (empty ones before a filled one too).
  std::size_t cell_bytes = std::size_t{256} << 20;
};

/// Reads the workbook held in `bytes` (`path` names it in diagnostics).
/// Calls `row` for each non-empty row of `sheet` (empty = the first sheet) in order, until it returns false; a
/// record's line and field columns are the sheet's row and column numbers (A = 1), missing cells are empty fields.
/// The parts are streamed: memory follows the rows kept and the shared strings, not the parts' sizes.
/// Returns false, with diagnostics, when the workbook cannot be read; a problem in a part is placed as
/// `book.xlsx: xl/worksheets/sheet1.xml:LINE:COL` (libxml2's line and character column), and every part is
/// read, so that one run names every damaged one.
/// Past `limits`, the workbook is refused with a diagnostic.
bool read_xlsx_rows(const std::string& bytes, const std::string& path, const std::string& sheet,
                    const std::function<bool(const TableRecord&)>& row, std::vector<Diagnostic>& diags,
                    const XlsxLimits& limits = {});

/// An Excel serial day number as an ISO date (`YYYY-MM-DD`, with ` HH:MM` when it has a time of day).
std::string excel_serial_to_iso(double serial, bool date1904);

}  // namespace orgchart
