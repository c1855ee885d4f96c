#pragma once
// Merged cells of a sheet (<mergeCells>): the spreadsheet shows the top-left cell's value across the whole
// area, and HR exports merge a department or a manager over the rows of a team. Internal to the XLSX reader.
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "orgchart/readers/table_csv.hpp"

namespace orgchart::detail {

/// One merged area, 1-based and inclusive: rows r0..r1, columns c0..c1.
struct MergedArea {
  int r0 = 0, c0 = 0, r1 = 0, c1 = 0;
};

/// "B2:C40" (or one cell "B2") as an area, nullopt when it is not a reference inside a sheet.
std::optional<MergedArea> merged_area(const std::string& ref);

/// Fills the cells of merged areas with their top-left cell's value, row by row as a sheet is read (rows in
/// increasing order). Memory: the areas, and the values of those a row has reached.
class MergedCells {
 public:
  explicit MergedCells(std::vector<MergedArea> areas);
  bool empty() const { return areas_.empty(); }
  /// Fills `record` (sheet row `record.row`): an empty cell inside an area takes the area's value, which is
  /// the value of its top-left cell as read (an empty one fills nothing). Each cell filled adds its text and 8
  /// bytes to `spent`; filling stops once `spent` passes `limit`. False when the areas of this row overlap (they
  /// would cover more than a row's 16384 cells): the work a row costs stays within a row.
  bool fill(TableRecord& record, std::size_t& spent, std::size_t limit);

 private:
  std::vector<MergedArea> areas_;             // by first row
  std::size_t next_ = 0;                      // the first area not yet reached
  std::vector<std::size_t> active_;           // areas whose rows include the current one
  std::unordered_map<std::size_t, std::string> value_;  // by area, once its top-left cell is read
};

}  // namespace orgchart::detail
