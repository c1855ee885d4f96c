#pragma once
/// Reads the YAML data format (docs/data-format.md) into the model.
#include <string>
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/model/org.hpp"

namespace orgchart {

/// Result of reading: the model and every problem met on the way (syntax, unknown fields, wrong types).
struct ReadResult {
  OrgModel model;
  std::vector<Diagnostic> diagnostics;
};

/// Parses one document held in memory; `file` names it in diagnostics and resolves `include`s
/// (which are read from disk relative to it).
ReadResult read_yaml_string(const std::string& text, const std::string& file);

/// Reads `path` and the files it includes. A missing file is a diagnostic, not an exception.
ReadResult read_yaml_file(const std::string& path);

/// Reads, validates and fills in source lines: throws ParseError (syntax, fields) or ValidationError
/// (references, cycles, ...) carrying every problem; returns the model and its warnings/notes otherwise.
ReadResult load_org_file(const std::string& path);
ReadResult load_org_string(const std::string& text, const std::string& file);

}  // namespace orgchart
