#pragma once
/// Tables (CSV, TSV, Excel's "Unicode text" .txt, XLSX) to the model: one row per person, position or unit,
/// a column naming each row's parent (manager) by id, name or e-mail. Columns are found by their headers
/// (table_columns.hpp); every column without a role of its own is kept in Unit::attributes.
#include <memory>
#include <string>

#include "orgchart/readers/loader.hpp"
#include "orgchart/readers/table_csv.hpp"
#include "orgchart/readers/table_options.hpp"

namespace orgchart {

/// What one table may hold. The file's size cap (64 MiB) does not bound memory by itself: a short row or cell
/// costs far more held than read (a unit is about 1 KiB, a cell kept as an attribute about 100 bytes), so 64 MiB
/// of `n,` rows would need gigabytes. Past either cap the table is an error at the row that crosses it, and no
/// row after it is read.
struct TableLimits {
  /// Rows, the header included: a spreadsheet's limit (Excel, LibreOffice: 1,048,576).
  std::size_t rows = std::size_t{1} << 20;
  /// Filled cells kept as attributes (in columns without a role: the id, name, title, parent... columns are held
  /// in the unit itself and count as its row): 4 a row of a full sheet.
  std::size_t attribute_cells = std::size_t{1} << 22;
};

/// Turns rows into the model as they come (memory: the model), then resolves parents and dotted-line
/// managers. Each unit cites one source for the table (id and title from the file's stem) and notes its row.
class TableMapper {
 public:
  TableMapper(std::string file, const TableOptions& options, const TableLimits& limits = {});
  ~TableMapper();
  TableMapper(const TableMapper&) = delete;
  TableMapper& operator=(const TableMapper&) = delete;
  /// Room for about this many rows (a hint: the units vector then grows once).
  void reserve(std::size_t rows);
  /// The header first, then each data row. False once the table is past its limits: read no more rows.
  bool add(const TableRecord& record);
  /// Resolves references and returns the model with every problem found (validation is the caller's).
  ReadResult finish();
  std::vector<Diagnostic>& diagnostics();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Reads a delimited text table held in memory (bytes as in the file: any BOM, UTF-16, line ends).
/// `decoded` receives the UTF-8 text, for source lines under diagnostics.
ReadResult read_table_string(const std::string& bytes, const std::string& file, const TableOptions& options,
                             std::string* decoded = nullptr);

/// Reads an XLSX workbook held in memory: the first sheet, or `options.sheet`.
ReadResult read_xlsx_string(const std::string& bytes, const std::string& file, const TableOptions& options);

}  // namespace orgchart
