#pragma once
/// `orgchart diff`: what changed between two dates of one file, or between two files.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "orgchart/cli/export.hpp"

namespace orgchart {

struct DiffOptions {
  std::vector<std::string> inputs;  ///< one file (compare two dates) or two (before, after)
  std::optional<Date> from, to;     ///< the dates; nullopt = the latest state
  std::string format = "text";      ///< text | json, for the report on standard output
  std::vector<std::string> charts;  ///< -o: diff charts (.svg, .png, .pdf, .dot, .graphml)
  LayoutEngine layout = LayoutEngine::kOrg;
  PageSize page;
  PeopleMode people = PeopleMode::kInline;
  double dpi = 96;
  TableOptions table;  ///< how to read table inputs
  bool pages = false;  ///< --pages: the charts cut into pages (cli/paged_export.hpp)
};

/// Prints the report to `out` and writes the charts. Throws like run_export.
void run_diff(const DiffOptions& options, std::ostream& out, std::ostream& diagnostics);

}  // namespace orgchart
