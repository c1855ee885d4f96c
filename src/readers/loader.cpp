#include "orgchart/readers/loader.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>

#include "orgchart/model/validate.hpp"
#include "orgchart/readers/text_file.hpp"
#include "orgchart/readers/graphml_reader.hpp"
#include "orgchart/readers/table_reader.hpp"
#include "orgchart/readers/photo.hpp"
#include "orgchart/readers/infobox_reader.hpp"
#include "orgchart/readers/merge.hpp"
#include "orgchart/readers/yaml_reader.hpp"

namespace orgchart {

namespace {

struct InputExtension {
  const char* extension;  // without the dot, lower case
  InputFormat format;
};

// One table, as for the outputs (writers/format.cpp); an extension not listed is YAML, whatever it says.
constexpr InputExtension kInputExtensions[] = {
    {"graphml", InputFormat::kGraphml}, {"csv", InputFormat::kTable}, {"tsv", InputFormat::kTable},
    {"tab", InputFormat::kTable},       {"txt", InputFormat::kTable}, {"xlsx", InputFormat::kXlsx},
    {"xlsm", InputFormat::kXlsx},  // a workbook with macros: the same parts (the macros are not run or read)
    {"xls", InputFormat::kXlsx}};  // read only to say what it is and how to convert it

/// Formats people have at hand that orgchart does not read: what to do instead, rather than YAML errors about
/// bytes that were never YAML.
struct UnreadExtension {
  const char* extension;
  const char* advice;
};
constexpr UnreadExtension kUnreadExtensions[] = {
    {"gexf", "GEXF is one of orgchart's outputs, not an input: save the graph as GraphML (Gephi: File > Export > "
             "Graph file..., type GraphML) and read that"},
    {"ods", "OpenDocument spreadsheets (.ods) are not read: save the sheet as .xlsx (LibreOffice: File > Save As..., "
            "Excel 2007-365) or as CSV (UTF-8) and read that"},
    {"fods", "flat OpenDocument spreadsheets (.fods) are not read: save the sheet as .xlsx or as CSV (UTF-8) and read "
             "that"},
    {"numbers", "Apple Numbers files are not read: export the table as CSV (File > Export To > CSV, Unicode (UTF-8)) "
                "or as Excel (.xlsx) and read that"},
};

/// What a `.txt` file holds, from its content: a table (tab- or comma-separated, Excel's "Unicode text").
InputFormat txt_format(const std::string& /*text*/) { return InputFormat::kTable; }

/// Fills in the source line of each diagnostic that has none yet, from the text of the file it names: a window
/// around the column, so that no diagnostic holds a copy of a long line.
void attach_source_lines(std::vector<Diagnostic>& diags, const std::map<std::string, std::string>& texts) {
  std::map<std::string, std::vector<std::size_t>> starts;  // line starts, found once per file, only when needed
  for (auto& d : diags) {
    if (!d.source_line.empty() || d.loc.line <= 0) continue;
    const auto text = texts.find(d.loc.file);
    if (text == texts.end()) continue;
    auto [it, fresh] = starts.try_emplace(d.loc.file);
    const std::string& t = text->second;
    if (fresh) {
      it->second.push_back(0);
      for (std::size_t i = 0; i < t.size(); ++i)
        if (t[i] == '\n') it->second.push_back(i + 1);
    }
    if (d.loc.line > static_cast<int>(it->second.size())) continue;
    const std::size_t b = it->second[d.loc.line - 1];
    // Where the next line starts, not a search: a one-line file of 300,000 flow-style units has as many
    // diagnostics (notes on roots), and a search to the line's end for each was quadratic (147 s for 11 MB).
    std::size_t e = static_cast<std::size_t>(d.loc.line) < it->second.size() ? it->second[d.loc.line] - 1 : t.size();
    if (e > b && t[e - 1] == '\r') --e;
    set_source_line(d, std::string_view(t).substr(b, e - b));
  }
}

/// The text under diagnostics: a lone CR ends a line as LF does (the table reader counts it so).
std::string lf_lines(std::string text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) text[i] = '\n';
  return text;
}

std::string lower_extension(const std::string& path);

ReadResult read(const std::string& text, const std::string& file, InputFormat format, const TableOptions& table,
                std::map<std::string, std::string>& texts) {
  const std::string ext = lower_extension(file);
  for (const UnreadExtension& u : kUnreadExtensions)
    if (ext == u.extension) {
      ReadResult r;
      r.model.files.push_back(file);
      r.diagnostics.push_back({Severity::kError, {file, 0, 0}, u.advice, {}});
      return r;
    }
  switch (format) {
    case InputFormat::kGraphml:
      texts[file] = text;
      return read_graphml_string(text, file);
    case InputFormat::kTable: {
      std::string decoded;
      ReadResult r = read_table_string(text, file, table, &decoded);
      texts[file] = lf_lines(std::move(decoded));
      return r;
    }
    case InputFormat::kXlsx: return read_xlsx_string(text, file, table);
    case InputFormat::kInfobox:
      texts[file] = text;
      return read_infobox_string(text, file);
    case InputFormat::kYaml: break;
  }
  return read_yaml_string(text, file, texts);
}

/// Fills in the source line of each diagnostic about `path` that has none yet, reading the file once more for
/// those lines only: a streamed input (GraphML) is not held in memory.
void attach_streamed_lines(std::vector<Diagnostic>& diags, const std::string& path) {
  std::set<int> wanted;
  for (const auto& d : diags)
    if (d.source_line.empty() && d.loc.line > 0 && d.loc.file == path) wanted.insert(d.loc.line);
  std::string why;
  auto file = wanted.empty() ? std::nullopt : InputStream::open(path, why);
  if (!file) return;
  const std::map<int, std::string> lines = read_lines(*file, wanted);
  for (auto& d : diags)
    if (d.source_line.empty() && d.loc.line > 0 && d.loc.file == path)
      if (auto it = lines.find(d.loc.line); it != lines.end()) set_source_line(d, it->second);
}

/// Validates what was read, sorts every problem like a compiler, and throws when any is an error. `streamed`:
/// a file read in chunks, whose lines are read again for the diagnostics that need them.
ReadResult finish(ReadResult r, const std::map<std::string, std::string>& texts, const std::string& streamed = {}) {
  const bool read_failed = has_errors(r.diagnostics);
  // Validate what could be read even when reading failed, so one run reports every problem.
  auto more = validate(r.model);
  r.diagnostics.insert(r.diagnostics.end(), more.begin(), more.end());
  auto photos = resolve_photos(r.model);
  r.diagnostics.insert(r.diagnostics.end(), photos.begin(), photos.end());
  // In file order, then line and column, like a compiler.
  std::map<std::string, std::size_t> file_rank;
  for (std::size_t i = 0; i < r.model.files.size(); ++i) file_rank.emplace(r.model.files[i], i);
  std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    auto rank = [&](const Diagnostic& d) {
      auto it = file_rank.find(d.loc.file);
      return it == file_rank.end() ? file_rank.size() : it->second;
    };
    // Places in no file of the model (the parts of a workbook: `book.xlsx: xl/styles.xml`) are kept together by
    // name, not interleaved by line.
    const auto ra = rank(a), rb = rank(b);
    const std::string& none = FileName().str();
    return std::make_tuple(ra, ra == file_rank.size() ? a.loc.file.str() : none, a.loc.line, a.loc.column) <
           std::make_tuple(rb, rb == file_rank.size() ? b.loc.file.str() : none, b.loc.line, b.loc.column);
  });
  attach_source_lines(r.diagnostics, texts);
  if (!streamed.empty()) attach_streamed_lines(r.diagnostics, streamed);
  if (read_failed || has_errors(r.diagnostics)) {
    // Notes ("drawn as a separate root") only distract from errors that must be fixed first.
    std::erase_if(r.diagnostics, [](const Diagnostic& d) { return d.severity == Severity::kNote; });
    if (read_failed) throw ParseError(std::move(r.diagnostics));
    throw ValidationError(std::move(r.diagnostics));
  }
  return r;
}

ReadResult load(const std::string& text, const std::string& file, InputFormat format, const TableOptions& table) {
  std::map<std::string, std::string> texts;
  ReadResult r = read(text, file, format, table, texts);
  return finish(std::move(r), texts);
}

}  // namespace

namespace {

std::string lower_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool has_extension(const std::string& path, const std::string& ext) { return lower_extension(path) == ext; }

}  // namespace

InputFormat input_format_from_path(const std::string& path) {
  const std::string ext = lower_extension(path);
  for (const InputExtension& e : kInputExtensions)
    if (ext == e.extension) return e.format;
  return InputFormat::kYaml;
}

std::vector<std::string> input_extensions() {
  std::vector<std::string> out{"yaml"};
  for (const InputExtension& e : kInputExtensions) out.emplace_back(e.extension);
  return out;
}

ReadResult load_org_string(const std::string& text, const std::string& file, InputFormat format,
                           const TableOptions& table) {
  return load(text, file, format, table);
}

bool looks_like_infobox(const std::string& text) {
  if (is_wikitext_infobox(text)) return true;
  // The flattened form: an `Infobox` or `= Title =` line, then `- Key: value` lines, near the top.
  std::istringstream in(text.substr(0, 64 * 1024));
  std::string line;
  bool marker = false;
  int fields = 0, seen = 0;
  while (std::getline(in, line) && ++seen < 200) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "Infobox" || line.rfind("Infobox ", 0) == 0 || (line.size() > 4 && line.rfind("= ", 0) == 0 && line.ends_with(" ="))) {
      marker = true;
    } else if (marker && line.rfind("- ", 0) == 0) {
      const auto colon = line.find(": ");
      if (colon != std::string::npos && colon < 60 && ++fields >= 2) return true;
    }
  }
  return false;
}

InputFormat input_format_for(const std::string& path, const std::string& text) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".wiki" || ext == ".wikitext" || (ext == ".txt" && looks_like_infobox(text))) return InputFormat::kInfobox;
  return input_format_from_path(path);
}

ReadResult load_org_file(const std::string& path, const TableOptions& table) {
  // GraphML is streamed: memory follows the graph, not the file, and the file may pass kMaxInputBytes.
  if (input_format_from_path(path) == InputFormat::kGraphml) {
    std::string why;
    auto stream = InputStream::open(path, why);
    if (!stream) throw ParseError({{Severity::kError, SourceLoc{path, 0, 0}, "cannot read file: " + why, {}}});
    auto again = [&]() -> std::unique_ptr<ByteSource> {
      std::string ignored;
      auto file = InputStream::open(path, ignored);
      return file ? std::make_unique<InputStream>(std::move(*file)) : nullptr;
    };
    return finish(read_graphml_stream(*stream, path, again), {}, path);
  }
  std::vector<Diagnostic> diags;
  auto file = read_input_file(path, diags);
  if (!file) throw ParseError(std::move(diags));
  InputFormat format = input_format_for(path, file->text);
  if (format == InputFormat::kTable && has_extension(path, "txt")) format = txt_format(file->text);
  return load(file->text, path, format, table);
}

std::vector<std::string> files_read(const OrgModel& model) {
  std::vector<std::string> files = model.files;
  for (const Unit& u : model.units)
    if (!u.photo_file.empty()) files.push_back(u.photo_file);
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

namespace {
std::vector<std::string>& include_roots() {
  static std::vector<std::string> roots;
  return roots;
}
}  // namespace

void allow_includes_under(const std::string& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw UsageError("--include-root '" + folder + "' is not a folder");
  include_roots().push_back(folder);
}

const std::vector<std::string>& extra_include_roots() { return include_roots(); }

ReadResult load_org_files(const std::vector<std::string>& paths, const std::string& aliases_file,
                          const TableOptions& table) {
  if (paths.size() == 1 && aliases_file.empty()) return load_org_file(paths[0], table);
  std::map<std::string, std::string> texts;
  std::vector<OrgModel> models;
  std::vector<Diagnostic> diagnostics;
  for (const auto& path : paths) {
    auto file = read_input_file(path, diagnostics);
    if (!file) continue;
    InputFormat format = input_format_for(path, file->text);
    if (format == InputFormat::kTable && has_extension(path, "txt")) format = txt_format(file->text);
    ReadResult r = read(file->text, path, format, table, texts);
    diagnostics.insert(diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
    models.push_back(std::move(r.model));
  }
  AliasTable aliases;
  if (!aliases_file.empty()) {
    try {
      aliases = read_aliases_file(aliases_file);
    } catch (const ParseError& e) {
      diagnostics.insert(diagnostics.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
    std::string why;
    if (auto file = read_input_file(aliases_file, why)) texts[aliases_file] = std::move(file->text);
  }
  ReadResult merged = merge_models(models, aliases);
  merged.diagnostics.insert(merged.diagnostics.begin(), diagnostics.begin(), diagnostics.end());
  if (!aliases_file.empty()) merged.model.files.push_back(aliases_file);
  return finish(std::move(merged), texts);
}

}  // namespace orgchart
