#include "orgchart/cli/app.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <cstring>

#include "orgchart/cli/diff.hpp"
#include "orgchart/cli/export.hpp"
#include "orgchart/cli/import.hpp"
#include "orgchart/error.hpp"
#include "orgchart/readers/loader.hpp"
#include "orgchart/writers/format.hpp"

namespace orgchart {

namespace {

std::optional<Date> parse_date_option(const std::string& flag, const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::string why;
  auto d = parse_date(text, &why);
  if (!d) throw UsageError(flag + " '" + text + "' is not a date (" + why + "): write YYYY, YYYY-MM or YYYY-MM-DD");
  // A chart is drawn as of one day; a window (2025?, 2024/2025) would leave it undecided.
  if (!d->exact()) throw UsageError(flag + " '" + text + "' is not one day: write YYYY, YYYY-MM or YYYY-MM-DD");
  return d;
}

LayoutEngine layout_option(const std::string& s) {
  return s == "dot" ? LayoutEngine::kDot : s == "twopi" ? LayoutEngine::kTwopi : LayoutEngine::kOrg;
}

PeopleMode people_option(const std::string& s) {
  return s == "nodes" ? PeopleMode::kNodes : s == "none" ? PeopleMode::kNone : PeopleMode::kInline;
}

PageSize page_option(const std::string& s) {
  auto p = parse_page(s);
  // Each side a finite 1 pt .. 200 in (PDF's largest page), so that the aspect ratio is a number.
  constexpr double kMaxSide = 14400;
  if (p && (!std::isfinite(p->width) || !std::isfinite(p->height) || p->width < 1 || p->height < 1 ||
            p->width > kMaxSide || p->height > kMaxSide))
    throw UsageError("--page '" + s + "' is not a usable page: each side must be between 1 pt and 200 in (14400 pt)");
  if (!p)
    throw UsageError("--page '" + s + "' is not a page: use a4-landscape, a4, a3-landscape, a3, letter, "
                     "letter-landscape or WxH (points; or WxHmm, WxHin)");
  return *p;
}

/// --dpi: a finite resolution in [kMinDpi, kMaxDpi] (CLI11's Range lets NaN through).
constexpr double kMinDpi = 10, kMaxDpi = 1200;
double dpi_option(const std::string& s) {
  double v = 0;
  std::size_t used = 0;
  try {
    v = std::stod(s, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != s.size() || !std::isfinite(v) || v < kMinDpi || v > kMaxDpi)
    throw UsageError("--dpi '" + s + "' is not a resolution: give a number from 10 to 1200 (default 96)");
  return v;
}

/// --depth: a whole number of levels, 0 .. kMaxDepth (more levels than any hierarchy has is pointless).
constexpr int kMaxDepth = 1000000;
int depth_option(const std::string& s) {
  int v = -1;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 0 || v > kMaxDepth)
    throw UsageError("--depth '" + s + "' is not a number of levels: give a whole number from 0 to " +
                     std::to_string(kMaxDepth) + " (e.g. --depth 2)");
  return v;
}

int validate_files(const std::vector<std::string>& files, const TableOptions& table, std::ostream& out, std::ostream& err,
                   bool merge = false, const std::string& aliases = {}) {
  bool failed = false;
  std::vector<std::vector<std::string>> groups;  // one graph per file, or one of all files with --merge
  for (const auto& f : files) {
    if (merge && !groups.empty()) groups[0].push_back(f);
    else groups.push_back({f});
  }
  for (const auto& group : groups) {
    std::string f = group[0];
    for (std::size_t i = 1; i < group.size(); ++i) f += " + " + group[i];
    try {
      ReadResult r = load_org_files(group, aliases, table);
      err << format_diagnostics(r.diagnostics);
      std::size_t roles = 0;
      for (const auto& p : r.model.people) roles += p.roles.size();
      out << printable_text(f) << ": ok: " << r.model.units.size() << " units, " << r.model.people.size() << " people (" << roles
          << " roles), " << r.model.relations.size() << " relations, " << r.model.sources.size() << " sources\n";
    } catch (const ParseError& e) {
      err << format_diagnostics(e.diagnostics());
      err << printable_text(f) << ": " << e.what() << "\n";
      failed = true;
    }
  }
  return static_cast<int>(failed ? ExitCode::kBadData : ExitCode::kOk);
}

/// --columns, --label and --sheet: how to read a table, for every command that reads one.
void add_table_options(CLI::App* cmd, TableOptions& table) {
  cmd->add_option("--columns", table.columns,
                  "Tables: which column holds what, overriding the headers' names: ROLE=HEADER,... (roles: id, parent, "
                  "name, first_name, last_name, title, group, kind, photo, from, until, assistant, dotted_line, email, vacant)");
  cmd->add_option("--label", table.label, "Tables: card text from any columns, e.g. '{First Name} {Last Name}\\n{Position}'");
  cmd->add_option("--sheet", table.sheet, "XLSX: the sheet to read (default: the first)");
}

int run_command(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"orgchart: turns a description of an organization (YAML) into an org chart: SVG, PNG, PDF, DOT, "
               "GraphML, GEXF, JSON"};
  app.set_version_flag("--version", std::string("orgchart ") + kVersion);
  app.require_subcommand(1);

  ExportOptions ex;
  std::string format, layout = "org", people = "inline", as_of, page = "a4-landscape", graphml = "yed";
  auto* export_cmd = app.add_subcommand("export", "Draw a data file as one or more charts (format from each -o's extension)");
  export_cmd->add_option("input", ex.input, "Data file: YAML, .graphml (ours, or saved by yEd or Gephi), or a table: .csv .tsv .tab .txt .xlsx")->required();
  export_cmd->add_option("-o,--output", ex.outputs, "Output file: " + format_extensions() + " (repeatable; - = stdout)")
      ->required();
  export_cmd->add_option("-f,--format", format, "Format for every output, overriding extensions (needed for -o -)")
      ->check(CLI::IsMember(format_name_list()));
  export_cmd->add_option("--layout", layout, "org (tidy org chart, default), dot or twopi (Graphviz engines)")
      ->check(CLI::IsMember({"org", "dot", "twopi"}));
  export_cmd->add_option("--as-of", as_of, "Draw the chart as it stood on this date (YYYY[-MM[-DD]]); default: latest");
  export_cmd->add_option("--root", ex.graph.root, "Only this unit (id) and what is below it");
  std::string depth, dpi = "96";
  export_cmd->add_option("--depth", depth, "Levels below the root(s) to draw; deeper units become a \"+N units\" stub");
  export_cmd->add_option("--people", people, "Leaders: inline (in the card, default), nodes, or none")
      ->check(CLI::IsMember({"inline", "nodes", "none"}));
  export_cmd->add_option("--page", page, "Target page for --layout org: a4-landscape (default), a4, a3-landscape, a3, letter, letter-landscape or WxH[pt|mm|in]");
  export_cmd->add_option("--dpi", dpi, "PNG resolution, 10 to 1200 (default 96)");
  export_cmd->add_option("--graphml", graphml, "GraphML dialect: yed (with yEd graphics, default) or plain")
      ->check(CLI::IsMember({"yed", "plain"}));
  export_cmd->add_flag("--headcount", ex.graph.headcount,
                       "Show \"N direct / M total\" reports on each card; write direct_reports and total_reports");
  export_cmd->add_option("--color-by", ex.graph.color_by,
                         "Colour cards by this field or column (kind, group, title, any extra column); default: kind");
  export_cmd->add_flag("--pages", ex.pages,
                       "Cut a big chart into pages of --page size, text 9 pt or more, with \"continued on p. N\" links: "
                       "-o chart.pdf (one PDF), -o 'chart-%d.svg' or -o folder/ (one SVG per page)");

  DiffOptions df;
  std::string diff_from, diff_to, diff_layout = "org", diff_people = "inline", diff_page = "a4-landscape";
  auto* diff_cmd = app.add_subcommand("diff", "What changed between two dates of one file, or between two files");
  diff_cmd->add_option("inputs", df.inputs, "One data file (with --from/--to) or two: before and after")
      ->required()
      ->expected(1, 2);
  diff_cmd->add_option("--from", diff_from, "The earlier date (YYYY[-MM[-DD]]); default: latest");
  diff_cmd->add_option("--to", diff_to, "The later date; default: latest");
  diff_cmd->add_option("--format", df.format, "Report on standard output: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  diff_cmd->add_option("-o,--output", df.charts, "Also draw the changes as a chart: .svg .png .pdf .dot .graphml .gexf .json .html (repeatable)");
  diff_cmd->add_option("--layout", diff_layout, "org (default), dot or twopi")->check(CLI::IsMember({"org", "dot", "twopi"}));
  diff_cmd->add_option("--people", diff_people, "inline (default), nodes or none")
      ->check(CLI::IsMember({"inline", "nodes", "none"}));
  diff_cmd->add_option("--page", diff_page, "Target page for the chart (see export --help)");
  diff_cmd->add_flag("--pages", df.pages, "Cut the chart into pages (see export --help): -o chart.pdf, -o 'chart-%d.svg' or -o folder/");

  std::vector<std::string> validate_inputs;
  auto* validate_cmd = app.add_subcommand("validate", "Check data files and report every problem like a compiler");
  validate_cmd->add_option("files", validate_inputs, "Data files: YAML or .graphml")->required();
  bool validate_merge = false;
  std::string validate_aliases;
  validate_cmd->add_flag("--merge", validate_merge, "Read the files as one graph: the same body named differently becomes one unit");
  validate_cmd->add_option("--aliases", validate_aliases, "With --merge (or one file): names of one body, 'canonical = other = other' per line (or YAML)");
  export_cmd->add_option("--aliases", ex.aliases, "Names of one body, 'canonical = other = other' per line (or YAML), for infobox inputs");

  add_table_options(export_cmd, ex.table);
  add_table_options(diff_cmd, df.table);
  TableOptions validate_table;
  add_table_options(validate_cmd, validate_table);

  ImportOptions im;
  auto* import_cmd = app.add_subcommand("import", "Write tables (CSV, TSV, XLSX) or other inputs as our YAML, with sources, to curate by hand");
  import_cmd->add_option("inputs", im.inputs, "Input files: .csv .tsv .tab .txt .xlsx, YAML or .graphml")->required();
  import_cmd->add_option("-o,--output", im.output, "The YAML file to write (- = stdout)")->required();
  add_table_options(import_cmd, im.table);
  import_cmd->add_option("--aliases", im.aliases, "Names of one body, 'canonical = other = other' per line (or YAML): merge infobox pages");

  const char* kIncludeRootHelp = "Also allow YAML includes from this folder tree (default: the data file's folder only)";
  for (CLI::App* cmd : {export_cmd, diff_cmd, validate_cmd})
    cmd->add_option_function<std::vector<std::string>>("--include-root", [](const std::vector<std::string>& v) { for (const auto& d : v) allow_includes_under(d); }, kIncludeRootHelp)->check(CLI::ExistingDirectory);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp& e) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    // Help for a subcommand is reported through the subcommand that asked for it.
    if (e.get_exit_code() == 0) {
      out << (export_cmd->parsed()     ? export_cmd->help()
              : validate_cmd->parsed() ? validate_cmd->help()
              : diff_cmd->parsed()     ? diff_cmd->help()
              : import_cmd->parsed()   ? import_cmd->help()
                                       : app.help());
      return 0;
    }
    err << "orgchart: " << printable_text(e.what()) << "\n";
    err << "Run 'orgchart --help' (or 'orgchart <command> --help') for usage.\n";
    return static_cast<int>(ExitCode::kUsage);
  }

  try {
    if (*validate_cmd) return validate_files(validate_inputs, validate_table, out, err, validate_merge, validate_aliases);
    if (*import_cmd) {
      run_import(im, out, err);
      return 0;
    }
    if (*export_cmd) {
      if (!format.empty()) ex.format = format_from_name(format);
      ex.layout = layout_option(layout);
      ex.graph.people = people_option(people);
      ex.graph.as_of = parse_date_option("--as-of", as_of);
      ex.page = page_option(page);
      ex.dpi = dpi_option(dpi);
      if (!depth.empty()) ex.graph.depth = depth_option(depth);
      ex.graphml = graphml == "plain" ? GraphmlDialect::kPlain : GraphmlDialect::kYed;
      run_export(ex, out, err);
      return 0;
    }
    if (*diff_cmd) {
      df.from = parse_date_option("--from", diff_from);
      df.to = parse_date_option("--to", diff_to);
      df.layout = layout_option(diff_layout);
      df.people = people_option(diff_people);
      df.page = page_option(diff_page);
      run_diff(df, out, err);
      return 0;
    }
  } catch (const ParseError& e) {
    err << format_diagnostics(e.diagnostics());
    err << "orgchart: " << printable_text(e.what()) << "; nothing was written\n";
    return static_cast<int>(ExitCode::kBadData);
  } catch (const UsageError& e) {
    err << "orgchart: " << printable_text(e.what()) << "\n";
    return static_cast<int>(ExitCode::kUsage);
  } catch (const IoError& e) {
    err << "orgchart: " << printable_text(e.what()) << "\n";
    return static_cast<int>(ExitCode::kIo);
  } catch (const LayoutError& e) {
    err << "orgchart: " << printable_text(e.what()) << "\n";
    return static_cast<int>(ExitCode::kRender);
  } catch (const std::exception& e) {
    err << "orgchart: internal error: " << printable_text(e.what()) << " (please report this)\n";
    return static_cast<int>(ExitCode::kInternal);
  }
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  const int code = run_command(argc, argv, out, err);
  // A report that did not reach standard output (a full disk, /dev/full, a closed pipe) is a failed run.
  errno = 0;
  out.flush();
  if (!out) {
    err << "orgchart: cannot write to standard output" << (errno ? std::string(": ") + std::strerror(errno) : "")
        << "\n";
    return code != 0 ? code : static_cast<int>(ExitCode::kIo);
  }
  return code;
}

}  // namespace orgchart
