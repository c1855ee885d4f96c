#pragma once
/// `orgchart export`: one load, one layout, every requested output.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "orgchart/cli/output_file.hpp"
#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/org_layout.hpp"
#include "orgchart/readers/table_options.hpp"
#include "orgchart/writers/format.hpp"
#include "orgchart/writers/graphml_writer.hpp"

namespace orgchart {

enum class LayoutEngine { kOrg, kDot, kTwopi };

struct ExportOptions {
  std::string input;
  std::vector<std::string> outputs;     ///< paths, or "-" for standard output
  std::optional<Format> format;         ///< overrides every output's extension
  LayoutEngine layout = LayoutEngine::kOrg;
  GraphOptions graph;
  PageSize page;                        ///< target page for --layout org
  double dpi = 96;
  GraphmlDialect graphml = GraphmlDialect::kYed;
  TableOptions table;                   ///< how to read a table input (--columns, --label, --sheet)
  std::string aliases;                  ///< --aliases FILE: names of one body (readers/merge.hpp); "" = none
  bool pages = false;                   ///< --pages: cut into pages (cli/paged_export.hpp)
};

/// Loads and lays out; every output's `write` renders it when write_outputs writes it. Warnings go to `diagnostics`.
/// Throws ParseError/ValidationError (bad data), UsageError (bad options), LayoutError, IoError.
std::vector<Output> render_export(const ExportOptions& options, std::ostream& diagnostics);

/// render_export, then every output written, all or nothing (write_outputs); "-" goes to `out`.
void run_export(const ExportOptions& options, std::ostream& out, std::ostream& diagnostics);

/// Loads a data file (YAML) and returns the model, printing warnings to `diagnostics`.
OrgModel load_model(const std::string& path, std::ostream& diagnostics, bool show_notes = false,
                    const TableOptions& table = {}, const std::string& aliases = {});

/// The format of each output path (`forced` overrides extensions); UsageError naming a path it cannot tell.
std::vector<Format> output_formats(const std::vector<std::string>& paths, std::optional<Format> forced = std::nullopt);

/// One format of an already laid-out graph, in memory (options: layout engine, dpi, GraphML dialect).
std::string render_output(const OrgGraph& g, const Layout& layout, Format format, const ExportOptions& options);

/// The same, written to `out` as it is made (render_export's outputs stream through it into their files).
void write_output(std::ostream& out, const OrgGraph& g, const Layout& layout, Format format,
                  const ExportOptions& options);

/// Lays out `g` as `engine` needs: org -> our tidy tree from measured cards; dot/twopi -> empty (Graphviz places).
Layout layout_for(const OrgGraph& g, LayoutEngine engine, const PageSize& page);

}  // namespace orgchart
