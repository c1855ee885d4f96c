#pragma once
/// `orgchart import FILE... -o data.yaml`: tables (and any other input) to our YAML, with provenance, for
/// curating by hand; exporting the YAML draws the same chart as exporting the inputs.
#include <ostream>
#include <string>
#include <vector>

#include "orgchart/model/org.hpp"
#include "orgchart/readers/table_options.hpp"

namespace orgchart {

struct ImportOptions {
  std::vector<std::string> inputs;
  std::string output;  ///< a .yaml path, or "-" for standard output
  TableOptions table;
  std::string aliases;  ///< --aliases FILE: names of one body, for merging infobox pages (readers/merge.hpp)
};

/// Several models as one: units, people and relations one file after another; a source id that an earlier
/// file already uses is renamed (`id-2`, ...) along with what cites it. Ids of units are kept as they are.
OrgModel concatenate_models(std::vector<OrgModel> models);

/// Loads every input, joins them, validates the result and writes it. Encyclopedia pages (or any inputs, with
/// --aliases) are merged by identity (merge_models: one body named differently is one unit, each merge a note);
/// tables and data files are concatenated. Throws like run_export; writes nothing
/// on error.
void run_import(const ImportOptions& options, std::ostream& out, std::ostream& diagnostics);

}  // namespace orgchart
