#pragma once
/// Loads a data file whatever its format: picks the reader from the extension, validates the model and
/// reports every problem like a compiler. What every reader returns is declared here too.
#include <string>
#include <vector>

#include "orgchart/error.hpp"
#include "orgchart/model/org.hpp"
#include "orgchart/readers/table_options.hpp"

namespace orgchart {

/// Result of reading: the model and every problem met on the way (syntax, unknown fields, wrong types).
struct ReadResult {
  OrgModel model;
  std::vector<Diagnostic> diagnostics;
};

enum class InputFormat {
  kYaml,     ///< the data format (docs/data-format.md), with its includes
  kGraphml,  ///< GraphML that we wrote, or a copy of it saved by yEd or Gephi
  kTable,    ///< a delimited text table: .csv .tsv .tab .txt (delimiter sniffed)
  kXlsx,     ///< an Excel workbook
  kInfobox,  ///< an encyclopedia page: wikitext `{{Infobox ...}}` or the flattened `- Key: value` copy
};

/// `.graphml` (any case) is GraphML; `.csv`, `.tsv`, `.tab`, `.txt` a table; `.xlsx` a workbook; anything else YAML.
InputFormat input_format_from_path(const std::string& path);
/// One extension per reader, without the dot: "yaml" first (the default), then those of the loader's table.
std::vector<std::string> input_extensions();

/// True when `text` reads as an encyclopedia infobox page (an `{{Infobox` template, or an `Infobox` line or a
/// `= Title =` line followed by `- Key: value` fields): how a `.txt` file is told from a table.
bool looks_like_infobox(const std::string& text);
/// The format of `path` given its content: `.wiki`/`.wikitext` are infoboxes, and so is a `.txt` file that
/// looks_like_infobox; otherwise as input_format_from_path.
InputFormat input_format_for(const std::string& path, const std::string& text);

/// Reads `path` with the reader its extension picks, validates, and fills in source lines: throws ParseError
/// (syntax, fields) or ValidationError (references, cycles, ...) carrying every problem, sorted by file, line
/// and column, notes left out; returns the model and its warnings and notes otherwise.
/// `table` says how to read tables (ignored for other formats).
ReadResult load_org_file(const std::string& path, const TableOptions& table = {});
/// Several files read into one graph (merge_models: the same body named differently becomes one unit, each
/// merge a note), with the alias table of `aliases_file` if not empty; then validated as load_org_file does.
/// One file without aliases is exactly load_org_file.
ReadResult load_org_files(const std::vector<std::string>& paths, const std::string& aliases_file = {},
                          const TableOptions& table = {});
/// The same for a document held in memory; `file` names it in diagnostics (and resolves YAML `include`s).
ReadResult load_org_string(const std::string& text, const std::string& file, InputFormat format = InputFormat::kYaml,
                           const TableOptions& table = {});

/// Every file a loaded model was read from: its files (the main one, includes, an aliases file) and its units'
/// photos. An output must be none of them (cli: resolve_outputs).
std::vector<std::string> files_read(const OrgModel& model);

/// Lets YAML `include:`s name files under `folder` too (the --include-root option). By default an include may
/// only name a file in the folder of the file given to load_org_file (or named in load_org_string) and below,
/// compared after resolving symlinks and `..`. Throws UsageError when `folder` is not a folder.
void allow_includes_under(const std::string& folder);
/// The folders allowed by allow_includes_under, as given.
const std::vector<std::string>& extra_include_roots();

}  // namespace orgchart
