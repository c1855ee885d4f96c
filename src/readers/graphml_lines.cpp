#include "graphml_lines.hpp"

#include <algorithm>
#include <cstring>

namespace orgchart::detail {

void LineWindow::feed(const char* p, std::size_t n) {
  if (starts_.empty()) starts_.push_back(0);
  const std::size_t at = base_ + bytes_.size();
  for (std::size_t i = 0; i < n && !first_mark_; ++i)
    if (std::string_view(" \t\r\n\xEF\xBB\xBF").find(p[i]) == std::string_view::npos) first_mark_ = p[i];
  for (const char* q = p; (q = static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(p + n - q))));)
    starts_.push_back(at + static_cast<std::size_t>(++q - p));
  bytes_.append(p, n);
}

std::pair<int, int> LineWindow::at(std::size_t offset) const {
  if (starts_.empty()) return {1, static_cast<int>(offset) + 1};
  auto it = std::upper_bound(starts_.begin() + static_cast<long>(head_), starts_.end(), offset);
  if (it == starts_.begin() + static_cast<long>(head_)) ++it;  // before the window: its first line
  const std::size_t index = static_cast<std::size_t>(it - starts_.begin()) - 1;
  const std::size_t start = starts_[index];
  return {first_line_ + static_cast<int>(index - head_), static_cast<int>(offset >= start ? offset - start : 0) + 1};
}

std::size_t LineWindow::rfind(std::string_view what, std::size_t offset) const {
  if (offset < base_) return std::string::npos;
  const std::size_t found = bytes_.rfind(what, offset - base_);
  return found == std::string::npos ? found : found + base_;
}

std::string_view LineWindow::line_view(int line) const {
  if (line < first_line_ || starts_.empty()) return {};
  const std::size_t index = head_ + static_cast<std::size_t>(line - first_line_);
  if (index >= starts_.size()) return {};
  const std::size_t b = starts_[index] - base_;
  std::size_t e = index + 1 < starts_.size() ? starts_[index + 1] - 1 - base_ : bytes_.size();
  if (index + 1 >= starts_.size()) {
    const std::size_t nl = bytes_.find('\n', b);
    if (nl != std::string::npos) e = nl;
  }
  if (e > b && bytes_[e - 1] == '\r') --e;
  return std::string_view(bytes_).substr(b, e - b);
}

int LineWindow::byte_column(int line, int char_column) const {
  const std::string_view text = line_view(line);
  if (char_column < 1 || text.data() == nullptr) return char_column;  // not in the window
  std::size_t i = 0;
  for (int chars = 1; chars < char_column && i < text.size(); ++chars)
    for (++i; i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;) ++i;
  return static_cast<int>(i) + 1;
}

void LineWindow::forget_before(std::size_t offset) {
  if (starts_.empty()) return;
  auto it = std::upper_bound(starts_.begin() + static_cast<long>(head_), starts_.end(), offset);
  if (it == starts_.begin() + static_cast<long>(head_)) return;
  const std::size_t index = static_cast<std::size_t>(it - starts_.begin()) - 1;
  first_line_ += static_cast<int>(index - head_);
  head_ = index;
  const std::size_t keep_from = starts_[head_];
  // Dropped in bulk, so that each byte and line start moves a bounded number of times.
  if (keep_from - base_ > (std::size_t{1} << 20) && keep_from - base_ > bytes_.size() / 2) {
    bytes_.erase(0, keep_from - base_);
    base_ = keep_from;
  }
  if (head_ > 4096 && head_ > starts_.size() / 2) {
    starts_.erase(starts_.begin(), starts_.begin() + static_cast<long>(head_));
    head_ = 0;
  }
}

}  // namespace orgchart::detail
