#include "orgchart/cli/app.hpp"

#include <CLI/CLI.hpp>

#include "orgchart/cli/diff.hpp"
#include "orgchart/cli/export.hpp"
#include "orgchart/error.hpp"
#include "orgchart/readers/loader.hpp"

namespace orgchart {

namespace {

std::optional<Date> parse_date_option(const std::string& flag, const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto d = parse_date(text);
  if (!d) throw UsageError(flag + " '" + text + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
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
  if (!p)
    throw UsageError("--page '" + s + "' is not a page: use a4-landscape, a4, a3-landscape, a3, letter, "
                     "letter-landscape or WxH (points; or WxHmm, WxHin)");
  return *p;
}

int validate_files(const std::vector<std::string>& files, std::ostream& out, std::ostream& err, bool merge = false,
                   const std::string& aliases = {}) {
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
      ReadResult r = load_org_files(group, aliases);
      err << format_diagnostics(r.diagnostics);
      std::size_t roles = 0;
      for (const auto& p : r.model.people) roles += p.roles.size();
      out << f << ": ok: " << r.model.units.size() << " units, " << r.model.people.size() << " people (" << roles
          << " roles), " << r.model.relations.size() << " relations, " << r.model.sources.size() << " sources\n";
    } catch (const ParseError& e) {
      err << format_diagnostics(e.diagnostics());
      err << f << ": " << e.what() << "\n";
      failed = true;
    }
  }
  return static_cast<int>(failed ? ExitCode::kBadData : ExitCode::kOk);
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"orgchart: turns a description of an organization (YAML) into an org chart: SVG, PNG, PDF, DOT, "
               "GraphML, GEXF, JSON"};
  app.set_version_flag("--version", std::string("orgchart ") + kVersion);
  app.require_subcommand(1);

  ExportOptions ex;
  std::string format, layout = "org", people = "inline", as_of, page = "a4-landscape", graphml = "yed";
  auto* export_cmd = app.add_subcommand("export", "Draw a data file as one or more charts (format from each -o's extension)");
  export_cmd->add_option("input", ex.input, "Data file: YAML, or .graphml (ours, or saved by yEd or Gephi)")->required();
  export_cmd->add_option("-o,--output", ex.outputs, "Output file: .dot .svg .png .pdf .graphml .gexf .json (repeatable; - = stdout)")
      ->required();
  export_cmd->add_option("-f,--format", format, "Format for every output, overriding extensions (needed for -o -)")
      ->check(CLI::IsMember({"dot", "svg", "png", "pdf", "graphml", "gexf", "json"}));
  export_cmd->add_option("--layout", layout, "org (tidy org chart, default), dot or twopi (Graphviz engines)")
      ->check(CLI::IsMember({"org", "dot", "twopi"}));
  export_cmd->add_option("--as-of", as_of, "Draw the chart as it stood on this date (YYYY[-MM[-DD]]); default: latest");
  export_cmd->add_option("--root", ex.graph.root, "Only this unit (id) and what is below it");
  export_cmd->add_option("--depth", ex.graph.depth, "Levels below the root(s) to draw; deeper units become a \"+N units\" stub")
      ->check(CLI::NonNegativeNumber);
  export_cmd->add_option("--people", people, "Leaders: inline (in the card, default), nodes, or none")
      ->check(CLI::IsMember({"inline", "nodes", "none"}));
  export_cmd->add_option("--page", page, "Target page for --layout org: a4-landscape (default), a4, a3-landscape, a3, letter, letter-landscape or WxH[pt|mm|in]");
  export_cmd->add_option("--dpi", ex.dpi, "PNG resolution (default 96)")->check(CLI::Range(10.0, 1200.0));
  export_cmd->add_option("--graphml", graphml, "GraphML dialect: yed (with yEd graphics, default) or plain")
      ->check(CLI::IsMember({"yed", "plain"}));

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
  diff_cmd->add_option("-o,--output", df.charts, "Also draw the changes as a chart: .svg .png .pdf .dot .graphml .gexf .json (repeatable)");
  diff_cmd->add_option("--layout", diff_layout, "org (default), dot or twopi")->check(CLI::IsMember({"org", "dot", "twopi"}));
  diff_cmd->add_option("--people", diff_people, "inline (default), nodes or none")
      ->check(CLI::IsMember({"inline", "nodes", "none"}));
  diff_cmd->add_option("--page", diff_page, "Target page for the chart (see export --help)");

  std::vector<std::string> validate_inputs;
  auto* validate_cmd = app.add_subcommand("validate", "Check data files and report every problem like a compiler");
  validate_cmd->add_option("files", validate_inputs, "Data files: YAML or .graphml")->required();
  bool validate_merge = false;
  std::string validate_aliases;
  validate_cmd->add_flag("--merge", validate_merge, "Read the files as one graph: the same body named differently becomes one unit");
  validate_cmd->add_option("--aliases", validate_aliases, "With --merge (or one file): names of one body, 'canonical = other = other' per line (or YAML)");
  export_cmd->add_option("--aliases", ex.aliases, "Names of one body, 'canonical = other = other' per line (or YAML), for infobox inputs");

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
                                       : app.help());
      return 0;
    }
    err << "orgchart: " << e.what() << "\n";
    err << "Run 'orgchart --help' (or 'orgchart <command> --help') for usage.\n";
    return static_cast<int>(ExitCode::kUsage);
  }

  try {
    if (*validate_cmd) return validate_files(validate_inputs, out, err, validate_merge, validate_aliases);
    if (*export_cmd) {
      if (!format.empty()) ex.format = format_from_name(format);
      ex.layout = layout_option(layout);
      ex.graph.people = people_option(people);
      ex.graph.as_of = parse_date_option("--as-of", as_of);
      ex.page = page_option(page);
      ex.graphml = graphml == "plain" ? GraphmlDialect::kPlain : GraphmlDialect::kYed;
      run_export(ex, err);
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
    err << "orgchart: " << e.what() << "; nothing was written\n";
    return static_cast<int>(ExitCode::kBadData);
  } catch (const UsageError& e) {
    err << "orgchart: " << e.what() << "\n";
    return static_cast<int>(ExitCode::kUsage);
  } catch (const IoError& e) {
    err << "orgchart: " << e.what() << "\n";
    return static_cast<int>(ExitCode::kIo);
  } catch (const LayoutError& e) {
    err << "orgchart: " << e.what() << "\n";
    return static_cast<int>(ExitCode::kRender);
  } catch (const std::exception& e) {
    err << "orgchart: internal error: " << e.what() << " (please report this)\n";
    return static_cast<int>(ExitCode::kInternal);
  }
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace orgchart
