#include "orgchart/cli/diff.hpp"
#include "orgchart/cli/paged_export.hpp"

#include <algorithm>
#include <iterator>
#include <sstream>

#include "orgchart/cli/output_file.hpp"
#include "orgchart/cli/output_target.hpp"
#include "orgchart/graph/diff_graph.hpp"
#include "orgchart/model/diff.hpp"
#include "orgchart/readers/loader.hpp"
#include "orgchart/writers/diff_writer.hpp"

namespace orgchart {

namespace {

std::string state_label(const std::string& file, const std::optional<Date>& date, bool show_file) {
  std::string s = show_file ? file : std::string();
  if (date) s += (s.empty() ? "" : " as of ") + date->str();
  else s += s.empty() ? "the latest state" : " (latest)";
  return s;
}

}  // namespace

void run_diff(const DiffOptions& options, std::ostream& out, std::ostream& diagnostics) {
  if (options.inputs.empty() || options.inputs.size() > 2)
    throw UsageError("diff takes one data file (with --from and/or --to) or two (before and after)");
  if (options.inputs.size() == 1 && !options.from && !options.to)
    throw UsageError("comparing a file with itself needs dates: add --from DATE (and --to DATE, default: latest)");
  if (options.format != "text" && options.format != "json")
    throw UsageError("--format for diff is 'text' or 'json'");
  std::vector<Format> formats;
  if (!options.pages) {
    resolve_outputs(options.charts, options.inputs);
    formats = output_formats(options.charts);
  }

  const OrgModel first = load_model(options.inputs[0], diagnostics, false, options.table);
  const OrgModel second =
      options.inputs.size() == 2 ? load_model(options.inputs[1], diagnostics, false, options.table) : first;
  const OrgModel before = snapshot(first, options.from);
  const OrgModel after = snapshot(second, options.to);
  const bool two_files = options.inputs.size() == 2;
  const DiffLabels labels{state_label(options.inputs[0], options.from, two_files),
                          state_label(options.inputs.back(), options.to, two_files)};
  const OrgDiff d = diff_models(before, after, options.from, options.to);

  // Render everything first, so that a failure leaves no chart half-written.
  std::vector<Output> outputs;
  if (!options.charts.empty()) {
    GraphOptions go;
    go.people = options.people;
    OrgGraph g = build_diff_graph(before, after, go);
    g.model.title = (g.model.title.empty() ? std::string("Changes") : g.model.title) + ": " + labels.before + " \u2192 " +
                    labels.after;
    if (options.pages) {
      outputs = paged_outputs(g, options.charts, std::nullopt, options.page, options.dpi, diagnostics);
    }
    const Layout layout = options.pages ? Layout{} : layout_for(g, options.layout, options.page);
    ExportOptions eo;
    eo.layout = options.layout;
    eo.dpi = options.dpi;
    for (std::size_t i = 0; i < formats.size(); ++i)
      outputs.push_back({options.charts[i], render_output(g, layout, formats[i], eo)});
  }
  std::ostringstream report;
  if (options.format == "json") write_diff_json(report, d, labels);
  else write_diff_text(report, d, before, after, labels);
  // The report is one more output: on standard output, written with the charts, all or nothing.
  outputs.push_back({"-", report.str()});
  // Includes and photos of either file are inputs too: none may be overwritten.
  std::vector<std::string> read = files_read(first);
  if (two_files) std::ranges::copy(files_read(second), std::back_inserter(read));
  write_outputs(outputs, out, read);
}

}  // namespace orgchart
