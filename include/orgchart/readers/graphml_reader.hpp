#pragma once
/// Reads GraphML back into the model: files our GraphML writer produced, and copies of them saved by yEd or
/// Gephi (keys matched by `attr.name`, never by key id). libxml2 parses without network access, DTD loading
/// or entity expansion; a DOCTYPE that declares entities is rejected.
#include <string>

#include "orgchart/readers/loader.hpp"

namespace orgchart {

/// Parses one GraphML document held in memory; `file` names it in diagnostics (`file:line:col`). Malformed
/// XML, a missing `<graph>`, edges to unknown nodes, nodes without label or kind, ... are all diagnostics;
/// validation of the model (references, cycles, sources) is left to the caller (load_org_file does it).
/// Data under keys this reader does not know (a yEd `url`, Gephi's `Modularity Class`, ...) lands in the
/// `attributes` of units and relations, by `attr.name`, non-empty values only.
ReadResult read_graphml_string(const std::string& text, const std::string& file);

/// Reads `path`. A missing file is a diagnostic, not an exception.
ReadResult read_graphml_file(const std::string& path);

}  // namespace orgchart
