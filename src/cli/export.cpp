#include "orgchart/cli/export.hpp"

#include <memory>
#include <sstream>

#include "orgchart/cli/output_file.hpp"
#include "orgchart/cli/output_target.hpp"
#include "orgchart/cli/paged_export.hpp"
#include "orgchart/readers/loader.hpp"
#include "orgchart/writers/chart_heading.hpp"
#include "orgchart/writers/dot_writer.hpp"
#include "orgchart/writers/gexf_writer.hpp"
#include "orgchart/writers/html_writer.hpp"
#include "orgchart/writers/json_writer.hpp"
#include "orgchart/writers/render.hpp"

namespace orgchart {

OrgModel load_model(const std::string& path, std::ostream& diagnostics, bool show_notes, const TableOptions& table,
                    const std::string& aliases) {
  ReadResult r = load_org_files({path}, aliases, table);
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::kWarning || show_notes) diagnostics << format_diagnostic(d);
  return std::move(r.model);
}

Layout layout_for(const OrgGraph& g, LayoutEngine engine, const PageSize& page) {
  if (engine != LayoutEngine::kOrg) return {};
  OrgLayoutOptions o;
  o.tree.page_aspect = page.width / page.height;
  const ChartHeading heading = chart_heading(g, std::nullopt);
  o.title_height = heading_height(heading);  // the title and the chart's date
  o.title_width = heading_width(heading);
  const CardSizes sizes = measure_cards(g);
  return org_layout(g, sizes.cards, o, sizes.legend);
}

std::vector<Format> output_formats(const std::vector<std::string>& paths, std::optional<Format> forced) {
  std::vector<Format> formats;
  for (const auto& path : paths) {
    auto f = forced ? forced : format_from_path(path);
    if (!f)
      throw UsageError("cannot tell the format of '" + path + "' from its extension: use one of " + format_names() +
                       ", or add --format");
    formats.push_back(*f);
  }
  return formats;
}

std::vector<Output> render_export(const ExportOptions& options, std::ostream& diagnostics) {
  if (options.outputs.empty()) throw UsageError("nothing to export: add -o FILE (e.g. -o out/chart.svg)");
  if (options.pages) return render_paged_export(options, diagnostics);
  // Folders, devices that cannot be written and outputs that are the input are refused before any work.
  resolve_outputs(options.outputs, {options.input});
  const std::vector<Format> formats = output_formats(options.outputs, options.format);
  OrgModel model = load_model(options.input, diagnostics, false, options.table, options.aliases);
  // Includes, the aliases file and photos are inputs too: none may be overwritten.
  resolve_outputs(options.outputs, files_read(model));
  // The model read moves into the graph: one copy of every unit's text, not two.
  // Shared by the outputs' write functions, which run when write_outputs streams each into its temporary file.
  const auto g = std::make_shared<const OrgGraph>(build_graph(std::move(model), options.graph));
  const auto layout = std::make_shared<const Layout>(layout_for(*g, options.layout, options.page));
  std::vector<Output> outputs;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    outputs.emplace_back(options.outputs[i], [g, layout, format = formats[i], options](std::ostream& os) {
      write_output(os, *g, *layout, format, options);
    });
  }
  return outputs;
}

std::string render_output(const OrgGraph& g, const Layout& layout, Format format, const ExportOptions& options) {
  std::ostringstream out;
  write_output(out, g, layout, format, options);
  return std::move(out).str();
}

void write_output(std::ostream& out, const OrgGraph& g, const Layout& layout, Format format,
                  const ExportOptions& options) {
  switch (format) {
    case Format::kDot: write_dot(out, g, layout); break;
    case Format::kGraphml: write_graphml(out, g, layout, GraphmlOptions{options.graphml}); break;
    case Format::kSvg:
    case Format::kPng:
    case Format::kPdf: {
      RenderOptions ro;
      ro.engine = options.layout == LayoutEngine::kTwopi ? "twopi" : "dot";
      ro.dpi = options.dpi;
      ro.as_of = options.graph.as_of;
      render_chart(out, g, layout, format, ro);
      break;
    }
    case Format::kGexf: write_gexf(out, g, layout); break;
    case Format::kJson: write_json(out, g, layout); break;
    case Format::kHtml: {
      HtmlOptions ho;
      ho.render.engine = options.layout == LayoutEngine::kTwopi ? "twopi" : "dot";
      write_html(out, g, layout, ho);
      break;
    }
  }
}

void run_export(const ExportOptions& options, std::ostream& out, std::ostream& diagnostics) {
  write_outputs(render_export(options, diagnostics), out, {options.input});
}

}  // namespace orgchart
