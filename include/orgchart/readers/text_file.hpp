#pragma once
/// Whole files as text, for the readers: regular files only, of a bounded size, opened so that a FIFO or a
/// device never blocks or floods the reader.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orgchart/error.hpp"

namespace orgchart {

/// Input files larger than this are refused: every reader holds the whole text and its tree in memory.
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;

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

}  // namespace orgchart
