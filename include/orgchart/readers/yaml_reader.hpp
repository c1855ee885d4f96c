#pragma once
/// Reads the YAML data format (docs/data-format.md) into the model.
#include <map>
#include <string>

#include "orgchart/readers/loader.hpp"  // ReadResult; load_org_file and load_org_string, which validate

namespace orgchart {

/// Parses one document held in memory; `file` names it in diagnostics and resolves `include`s
/// (which are read from disk relative to it).
ReadResult read_yaml_string(const std::string& text, const std::string& file);
/// As above; also keeps the text of every file read (`file` and its includes) by name, so that problems
/// found later, by validation, can show their source line.
ReadResult read_yaml_string(const std::string& text, const std::string& file, std::map<std::string, std::string>& texts);

/// Reads `path` and the files it includes. A missing file is a diagnostic, not an exception.
ReadResult read_yaml_file(const std::string& path);

}  // namespace orgchart
