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

/// Turns rows into the model as they come (memory: the model), then resolves parents and dotted-line
/// managers. Each unit cites one source for the table (id and title from the file's stem) and notes its row.
class TableMapper {
 public:
  TableMapper(std::string file, const TableOptions& options);
  ~TableMapper();
  TableMapper(const TableMapper&) = delete;
  TableMapper& operator=(const TableMapper&) = delete;
  /// Room for about this many rows (a hint: the units vector then grows once).
  void reserve(std::size_t rows);
  /// The header first, then each data row.
  void add(const TableRecord& record);
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
