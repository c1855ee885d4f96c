#include "orgchart/cli/paged_export.hpp"

#include <sys/stat.h>

#include "orgchart/cli/output_target.hpp"
#include "orgchart/error.hpp"
#include "orgchart/readers/loader.hpp"
#include "orgchart/writers/paged_chart.hpp"
#include "orgchart/writers/paged_pdf.hpp"
#include "orgchart/writers/render.hpp"

namespace orgchart {

namespace {

struct PagedTarget {
  std::string pattern;  ///< the path, with %d for the page number when per_page
  Format format;
  bool per_page = false;
};

bool is_folder(const std::string& path) {
  if (!path.empty() && path.back() == '/') return true;
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string with_page(const std::string& pattern, std::size_t page) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] == 'd') {
      out += std::to_string(page);
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

PagedTarget target_of(const std::string& path, const std::optional<Format>& forced) {
  PagedTarget t;
  if (path != "-" && is_folder(path)) {
    t.format = forced.value_or(Format::kSvg);
    std::string folder = path;
    while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
    t.pattern = folder + "/page-%d." + format_info(t.format).name;
    t.per_page = true;
  } else {
    auto f = forced ? forced : format_from_path(with_page(path, 1));
    if (!f)
      throw UsageError("cannot tell the format of '" + path + "' from its extension: with --pages use .pdf, or .svg/.png "
                       "with %d for the page number, or a folder");
    t.format = *f;
    t.pattern = path;
    t.per_page = path.find("%d") != std::string::npos;
  }
  if (t.format != Format::kPdf && t.format != Format::kSvg && t.format != Format::kPng)
    throw UsageError(std::string("--pages draws PDF, SVG and PNG, not ") + format_info(t.format).name + " ('" + path +
                     "'): write it in a run without --pages");
  if (t.format != Format::kPdf && !t.per_page)
    throw UsageError("--pages writes one " + std::string(format_info(t.format).name) + " per page: put %d (the page "
                     "number) in the name, e.g. -o 'chart-%d." + format_info(t.format).name + "', or give a folder");
  if (t.per_page && path == "-") throw UsageError("--pages cannot write one file per page to standard output");
  return t;
}

/// A folder or `%d` output of an earlier, longer run would keep its last pages beside this run's: the set would
/// mix two charts. orgchart removes no file it is not writing now (the old ones may be the user's, or links), so
/// the run is refused, naming what is in the way, before anything is written. Looked at with lstat: a link counts
/// as in the way and is never followed.
void refuse_stale_pages(const std::vector<PagedTarget>& targets, std::size_t pages) {
  std::string problems;
  for (const auto& t : targets) {
    if (!t.per_page) continue;
    std::vector<std::string> stale;
    for (std::size_t k = pages + 1;; ++k) {
      struct stat st {};
      const std::string path = with_page(t.pattern, k);
      if (::lstat(path.c_str(), &st) != 0) break;
      stale.push_back(path);
      if (stale.size() > 100000) break;
    }
    if (stale.empty()) continue;
    problems += "\n  '" + stale.front() + "'" +
                (stale.size() > 1 ? " to '" + stale.back() + "' (" + std::to_string(stale.size()) + " files)" : "") +
                " would be left from an earlier, longer run: this run writes " + std::to_string(pages) + " pages";
  }
  if (!problems.empty())
    throw UsageError("--pages refuses to leave pages of an earlier run beside this one's (nothing was written):" +
                     problems + "\n  remove those files, or write to an empty folder");
}

}  // namespace

std::vector<Output> paged_outputs(const OrgGraph& g, const std::vector<std::string>& paths,
                                  const std::optional<Format>& forced, const PageSize& paper, double dpi,
                                  std::ostream& diagnostics) {
  std::vector<PagedTarget> targets;
  for (const auto& path : paths) targets.push_back(target_of(path, forced));
  PagingSettings settings;
  settings.page = paper;
  const PagedChart chart = paginate(g, settings);
  if (chart.unfit)
    diagnostics << "orgchart: warning: " << chart.unfit << " of " << chart.pages.size()
                << " pages are drawn smaller than " << settings.min_text << " pt text (they hold a part of the chart "
                << "that could not be cut smaller)\n";
  refuse_stale_pages(targets, chart.pages.size());
  std::vector<Output> outputs;
  RenderOptions ro;
  ro.dpi = dpi;
  for (const auto& t : targets) {
    if (!t.per_page) {
      outputs.push_back({t.pattern, write_paged_pdf(chart)});
      continue;
    }
    for (std::size_t i = 0; i < chart.pages.size(); ++i)
      outputs.push_back({with_page(t.pattern, i + 1), render_chart(chart.pages[i].graph, chart.pages[i].layout, t.format, ro)});
  }
  return outputs;
}

std::vector<Output> render_paged_export(const ExportOptions& options, std::ostream& diagnostics) {
  if (options.layout != LayoutEngine::kOrg)
    throw UsageError("--pages cuts the org layout into pages: drop --layout dot/twopi");
  for (const auto& path : options.outputs) target_of(path, options.format);  // refused before any work
  const OrgModel model = load_model(options.input, diagnostics, false, options.table, options.aliases);
  const OrgGraph g = build_graph(model, options.graph);
  std::vector<Output> outputs = paged_outputs(g, options.outputs, options.format, options.page, options.dpi, diagnostics);
  // Includes, the aliases file and photos are inputs too: no page may overwrite one.
  std::vector<std::string> paths;
  for (const auto& o : outputs) paths.push_back(o.path);
  resolve_outputs(paths, files_read(model));
  return outputs;
}

}  // namespace orgchart
