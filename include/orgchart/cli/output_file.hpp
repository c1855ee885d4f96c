#pragma once
/// Writes a whole file or nothing: into a temporary file beside the target, then renamed over it.
#include <string>

namespace orgchart {

/// Writes `bytes` to `path` atomically ("-" = standard output). Throws IoError naming the path and the reason.
void write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace orgchart
