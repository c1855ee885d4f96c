#pragma once
/// Input files for the readers: regular files only, opened so that a FIFO or a device never blocks or floods the
/// reader; read whole (of a bounded size) or streamed.
///
/// The cap bounds memory, not bytes: a reader that holds the whole text and a tree of it (YAML, tables, infobox
/// pages) reads at most kMaxInputBytes; a streamed reader (GraphML) holds the graph, never the file, and reads up
/// to kMaxStreamedInputBytes, which only stops a runaway input (a file that keeps growing).
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orgchart/error.hpp"

namespace orgchart {

/// Input files larger than this are refused by read_input_file: its readers hold the whole text and its tree.
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;
/// Streamed inputs (InputStream) larger than this are refused: 16 GiB, some 8 million units of our GraphML.
inline constexpr std::uint64_t kMaxStreamedInputBytes = std::uint64_t{16} << 30;

/// A file read whole, with its identity (device, inode), so that includes are read once whatever their path.
struct TextFile {
  std::string text;
  std::uint64_t device = 0, inode = 0;
};

/// The bytes of `path`; nullopt with the reason in `why` ("no such file", "is a directory", "is not a regular
/// file (a FIFO)", "it is larger than 64 MiB", ...) when it cannot be read. The type is checked on the opened
/// descriptor (O_NONBLOCK, fstat) before a byte is read.
std::optional<TextFile> read_input_file(const std::string& path, std::string& why);

/// The bytes of `path`; nullopt when it cannot be read, after adding the one diagnostic every reader gives for
/// that (`path: error: cannot read file: <why>`) to `diags`.
std::optional<TextFile> read_input_file(const std::string& path, std::vector<Diagnostic>& diags);

/// The bytes of `path`, or nullopt when read_input_file refuses it.
std::optional<std::string> read_text_file(const std::string& path);

/// A source of bytes read in chunks: a file (InputStream) or a text in memory.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Up to `n` bytes into `buf`: the count, 0 at the end, -1 on failure (the reason in why()).
  virtual long read(char* buf, std::size_t n) = 0;
  const std::string& why() const { return why_; }

 protected:
  std::string why_;
};

/// A text in memory as a ByteSource (it must outlive the source).
class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string_view text) : text_(text) {}
  long read(char* buf, std::size_t n) override;

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

/// A regular file read in chunks, checked as read_input_file checks it; refuses more than `max_bytes` (the size
/// given by fstat, or bytes read from a file that grows).
class InputStream : public ByteSource {
 public:
  /// nullptr-like (nullopt) with the reason in `why` when `path` cannot be read.
  static std::optional<InputStream> open(const std::string& path, std::string& why,
                                         std::uint64_t max_bytes = kMaxStreamedInputBytes);
  InputStream(InputStream&& o) noexcept : fd_(o.fd_), max_(o.max_), got_(o.got_) { o.fd_ = -1; }
  InputStream& operator=(InputStream&&) = delete;
  ~InputStream() override;
  long read(char* buf, std::size_t n) override;

 private:
  InputStream(int fd, std::uint64_t max) : fd_(fd), max_(max) {}
  int fd_;
  std::uint64_t max_, got_ = 0;
};

/// The text of each line in `wanted` (without its end; a trailing CR dropped), read from `source` in chunks:
/// the lines diagnostics show from a file that was streamed.
std::map<int, std::string> read_lines(ByteSource& source, const std::set<int>& wanted);

/// "it is larger than 64 MiB, the most orgchart reads" (MiB or GiB, whichever is whole).
std::string too_large(std::uint64_t max_bytes);

}  // namespace orgchart
