#include "xlsx_merged.hpp"

#include <algorithm>
#include <charconv>

namespace orgchart::detail {

namespace {

constexpr int kMaxColumn = 16384;   // XFD
constexpr int kMaxRow = 1 << 20;    // 1048576

/// "BC12" as (column, row), or nullopt.
std::optional<std::pair<int, int>> cell(std::string_view ref) {
  std::size_t i = 0;
  int col = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > kMaxColumn) return std::nullopt;
  }
  int row = 0;
  const auto [ptr, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (col == 0 || i == ref.size() || ec != std::errc() || ptr != ref.data() + ref.size() || row < 1 || row > kMaxRow)
    return std::nullopt;
  return std::pair{col, row};
}

}  // namespace

std::optional<MergedArea> merged_area(const std::string& ref) {
  const std::string_view r(ref);
  const auto colon = r.find(':');
  const auto a = cell(r.substr(0, colon));
  const auto b = colon == std::string_view::npos ? a : cell(r.substr(colon + 1));
  if (!a || !b) return std::nullopt;
  return MergedArea{std::min(a->second, b->second), std::min(a->first, b->first), std::max(a->second, b->second),
                    std::max(a->first, b->first)};
}

MergedCells::MergedCells(std::vector<MergedArea> areas) : areas_(std::move(areas)) {
  std::stable_sort(areas_.begin(), areas_.end(), [](const MergedArea& x, const MergedArea& y) { return x.r0 < y.r0; });
}

bool MergedCells::fill(TableRecord& record, std::size_t& spent, std::size_t limit) {
  const int row = record.row;
  std::erase_if(active_, [&](std::size_t a) {
    if (areas_[a].r1 >= row) return false;
    value_.erase(a);
    return true;
  });
  while (next_ < areas_.size() && areas_[next_].r0 <= row) {
    if (areas_[next_].r1 >= row) active_.push_back(next_);
    ++next_;
    // Areas that do not overlap cover a row's columns once at most: more active than columns is overlap, caught
    // before the list grows (a sheet of 100,000 copies of A1:XFD1048576).
    if (active_.size() > static_cast<std::size_t>(kMaxColumn)) return false;
  }
  std::size_t covered = 0;
  for (const std::size_t a : active_) covered += static_cast<std::size_t>(areas_[a].c1 - areas_[a].c0 + 1);
  if (covered > static_cast<std::size_t>(kMaxColumn)) return false;
  for (const std::size_t a : active_) {
    const MergedArea& m = areas_[a];
    if (m.r0 == row) {
      // The top-left cell holds the value (an area whose first row is missing fills nothing).
      const auto c = static_cast<std::size_t>(m.c0);
      if (c <= record.fields.size() && !record.fields[c - 1].text.empty()) value_[a] = record.fields[c - 1].text;
    }
    const auto v = value_.find(a);
    if (v == value_.end()) continue;
    for (int c = m.c0; c <= m.c1; ++c) {
      while (static_cast<int>(record.fields.size()) < c)
        record.fields.push_back({"", row, static_cast<int>(record.fields.size()) + 1});
      TableField& f = record.fields[static_cast<std::size_t>(c - 1)];
      if (!f.text.empty()) continue;
      spent += v->second.size() + 8;
      if (spent > limit) return true;
      f.text = v->second;
    }
  }
  return true;
}

}  // namespace orgchart::detail
