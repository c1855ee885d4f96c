#pragma once
/// What the command line says about reading tables (`--columns`, `--label`, `--sheet`).
#include <string>

namespace orgchart {

struct TableOptions {
  std::string columns;  ///< `role=Header,...` overriding the detected columns
  std::string label;    ///< card text template, `{Header}` for a column's value, `\n` for a new line
  std::string sheet;    ///< XLSX: the sheet to read; empty = the first
};

}  // namespace orgchart
