#pragma once
/// Whole files as text, for the readers.
#include <optional>
#include <string>

namespace orgchart {

/// The bytes of `path`, or nullopt when it cannot be opened.
std::optional<std::string> read_text_file(const std::string& path);

}  // namespace orgchart
