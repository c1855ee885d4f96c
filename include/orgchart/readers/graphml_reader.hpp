#pragma once
/// Reads GraphML back into the model: files our GraphML writer produced, and copies of them saved by yEd or
/// Gephi (keys matched by `attr.name`, never by key id). libxml2 parses without network access, DTD loading
/// or entity expansion; a DOCTYPE that declares entities is rejected. The file is streamed: memory follows the
/// graph, not the file (src/readers/graphml_*: SAX machine, vocabulary, mapping to the model, roles, lines).
#include <functional>
#include <memory>
#include <string>

#include "orgchart/readers/loader.hpp"
#include "orgchart/readers/text_file.hpp"

namespace orgchart {

/// Parses one GraphML document held in memory; `file` names it in diagnostics (`file:line:col`). Malformed
/// XML, a missing `<graph>`, edges to unknown nodes, nodes without label or kind, ... are all diagnostics;
/// validation of the model (references, cycles, sources) is left to the caller (load_org_file does it).
/// Data under keys this reader does not know (a yEd `url`, Gephi's `Modularity Class`, ...) lands in the
/// `attributes` of units and relations, by `attr.name`, non-empty values only.
ReadResult read_graphml_string(const std::string& text, const std::string& file);

/// Reads `path`, streamed. A missing file is a diagnostic, not an exception.
ReadResult read_graphml_file(const std::string& path);

/// As read_graphml_string, from `source` read in chunks; `again` opens the same bytes once more for the source
/// lines of diagnostics (null: none shown).
ReadResult read_graphml_stream(ByteSource& source, const std::string& file,
                               const std::function<std::unique_ptr<ByteSource>()>& again);

}  // namespace orgchart
