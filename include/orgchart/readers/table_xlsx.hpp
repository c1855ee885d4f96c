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

/// Reads the workbook held in `bytes` (`path` names it in diagnostics).
/// Calls `row` for each non-empty row of `sheet` (empty = the first sheet) in order; a record's line and
/// field columns are the sheet's row and column numbers (A = 1), missing cells are empty fields.
/// Returns false, with diagnostics, when the workbook cannot be read.
bool read_xlsx_rows(const std::string& bytes, const std::string& path, const std::string& sheet,
                    const std::function<void(const TableRecord&)>& row, std::vector<Diagnostic>& diags);

/// An Excel serial day number as an ISO date (`YYYY-MM-DD`, with ` HH:MM` when it has a time of day).
std::string excel_serial_to_iso(double serial, bool date1904);

}  // namespace orgchart
