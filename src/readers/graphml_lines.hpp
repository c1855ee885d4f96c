#pragma once
// Line bookkeeping for a streamed file (internal to the GraphML reader): the parser is fed in chunks, and only
// the lines near where it is parsing are kept, so that memory does not grow with the file.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace orgchart::detail {

/// The bytes fed to a parser so far, from the start of the oldest line still needed: turns byte offsets and
/// libxml2's (line, character column) into lines and byte columns.
class LineWindow {
 public:
  /// The next `n` bytes of the file.
  void feed(const char* p, std::size_t n);
  /// Line and 1-based byte column of `offset` (which must not be before the window).
  std::pair<int, int> at(std::size_t offset) const;
  /// The offset of the last `what` at or before `offset`, or npos when the window has none.
  std::size_t rfind(std::string_view what, std::size_t offset) const;
  /// The text of `line` without its end ("" when it is no longer, or not yet, in the window).
  std::string_view line_view(int line) const;
  /// libxml2 counts columns in characters; carets count bytes.
  int byte_column(int line, int char_column) const;
  /// Lines that end before the line holding `offset` will not be asked for again.
  void forget_before(std::size_t offset);
  /// The first byte that is not white space or a byte order mark: '<' in XML (0 when there is none yet).
  char first_mark() const { return first_mark_; }

 private:
  std::string bytes_;                // from offset base_
  std::size_t base_ = 0;
  std::vector<std::size_t> starts_;  // offsets of line starts, from line first_line_ (starts_[head_])
  std::size_t head_ = 0;
  int first_line_ = 1;
  char first_mark_ = 0;
};

}  // namespace orgchart::detail
