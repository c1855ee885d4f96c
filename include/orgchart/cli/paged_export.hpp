#pragma once
/// `orgchart export --pages`: the chart cut into pages (writers/paged_chart.hpp): one multi-page PDF with links
/// (`-o chart.pdf`), or one SVG/PNG per page (`-o 'chart-%d.svg'`, or `-o folder/` for folder/page-N.svg).
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "orgchart/cli/export.hpp"
#include "orgchart/cli/output_file.hpp"

namespace orgchart {

/// Every output of a --pages export, in memory (nothing written); a `%d` in a path is the page number.
/// Throws UsageError for outputs --pages cannot draw (DOT, GraphML, ...; SVG/PNG without %d or a folder).
std::vector<Output> render_paged_export(const ExportOptions& options, std::ostream& diagnostics);

/// The --pages outputs of an already built graph (export, diff): `paths` as for render_paged_export.
std::vector<Output> paged_outputs(const OrgGraph& g, const std::vector<std::string>& paths,
                                  const std::optional<Format>& forced, const PageSize& paper, double dpi,
                                  std::ostream& diagnostics);

}  // namespace orgchart
