#include "orgchart/cli/import.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "orgchart/cli/export.hpp"
#include "orgchart/cli/output_file.hpp"
#include "orgchart/model/validate.hpp"
#include "orgchart/readers/loader.hpp"
#include "orgchart/readers/text_file.hpp"
#include "orgchart/writers/yaml_writer.hpp"

namespace orgchart {

namespace {

void rename_sources(std::vector<std::string>& cited, const std::map<std::string, std::string>& renamed) {
  for (auto& id : cited)
    if (auto it = renamed.find(id); it != renamed.end()) id = it->second;
}

}  // namespace

OrgModel concatenate_models(std::vector<OrgModel> models) {
  OrgModel out;
  std::set<std::string> source_ids;
  for (OrgModel& m : models) {
    if (out.title.empty()) out.title = m.title;
    if (out.description.empty()) out.description = m.description;
    std::map<std::string, std::string> renamed;
    for (Source& s : m.sources) {
      std::string id = s.id;
      for (int n = 2; source_ids.count(id); ++n) id = s.id + "-" + std::to_string(n);
      if (id != s.id) renamed[s.id] = id;
      s.id = id;
      source_ids.insert(id);
      out.sources.push_back(std::move(s));
    }
    for (Unit& u : m.units) {
      rename_sources(u.sources, renamed);
      out.units.push_back(std::move(u));
    }
    for (Person& p : m.people) {
      for (Role& r : p.roles) rename_sources(r.sources, renamed);
      out.people.push_back(std::move(p));
    }
    for (Relation& r : m.relations) {
      rename_sources(r.sources, renamed);
      out.relations.push_back(std::move(r));
    }
    out.files.insert(out.files.end(), m.files.begin(), m.files.end());
  }
  return out;
}

void run_import(const ImportOptions& options, std::ostream& out_stream, std::ostream& diagnostics) {
  if (options.inputs.empty()) throw UsageError("nothing to import: name one or more files (tables, YAML, GraphML)");
  if (options.output.empty()) throw UsageError("import needs -o FILE.yaml (or -o - for standard output)");
  bool pages = !options.aliases.empty();
  for (const auto& input : options.inputs) {
    std::string why;
    if (auto file = read_input_file(input, why); file && input_format_for(input, file->text) == InputFormat::kInfobox)
      pages = true;
  }
  OrgModel model;
  if (pages) {
    ReadResult r = load_org_files(options.inputs, options.aliases, options.table);
    for (const auto& d : r.diagnostics) diagnostics << format_diagnostic(d);  // every merge is a note worth seeing
    model = std::move(r.model);
  } else {
    std::vector<OrgModel> models;
    for (const auto& input : options.inputs) models.push_back(load_model(input, diagnostics, false, options.table));
    model = concatenate_models(std::move(models));
  }
  if (!pages && options.inputs.size() > 1) {
    // Each file was valid alone; together they may not be (the same id in two files).
    auto diags = validate(model);
    std::erase_if(diags, [](const Diagnostic& d) { return d.severity != Severity::kError; });
    if (!diags.empty()) throw ValidationError(std::move(diags));
  }
  std::string inputs;
  for (const auto& i : options.inputs) inputs += (inputs.empty() ? "" : ", ") + i;
  std::ostringstream out;
  write_yaml(out, model,
             "Written by orgchart import from " + inputs +
                 ".\nEach unit cites its file under 'sources' and its row under 'notes'. Edit freely, then: "
                 "orgchart export THIS.yaml -o chart.svg");
  // Every file read (includes, the aliases file, photos) is an input: none may be overwritten.
  std::vector<std::string> read = files_read(model);
  read.insert(read.end(), options.inputs.begin(), options.inputs.end());
  write_outputs({{options.output, out.str()}}, out_stream, read);
}

}  // namespace orgchart
