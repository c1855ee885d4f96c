#include "orgchart/readers/loader.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>
#include <tuple>

#include "orgchart/model/validate.hpp"
#include "orgchart/readers/text_file.hpp"
#include "orgchart/readers/graphml_reader.hpp"
#include "orgchart/readers/table_reader.hpp"
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
    {"xls", InputFormat::kXlsx}};  // read only to say what it is and how to convert it

/// What a `.txt` file holds, from its content: a table (tab- or comma-separated, Excel's "Unicode text").
InputFormat txt_format(const std::string& /*text*/) { return InputFormat::kTable; }

/// True when `s` is UTF-8 without NUL: the caret under a source line counts its bytes, and a line of a
/// Latin-1 or UTF-16 file would print as garbage, so it is left out instead.
bool printable(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

/// Fills in the source line of each diagnostic that has none yet, from the text of the file it names.
void attach_source_lines(std::vector<Diagnostic>& diags, const std::map<std::string, std::string>& texts) {
  std::map<std::string, std::vector<std::string>> lines;  // split once per file, only when needed
  for (auto& d : diags) {
    if (!d.source_line.empty() || d.loc.line <= 0) continue;
    const auto text = texts.find(d.loc.file);
    if (text == texts.end()) continue;
    auto [it, fresh] = lines.try_emplace(d.loc.file);
    if (fresh) it->second = split_lines(text->second);
    if (d.loc.line > static_cast<int>(it->second.size())) continue;
    if (const std::string& line = it->second[d.loc.line - 1]; printable(line)) d.source_line = line;
  }
}

/// The text under diagnostics: a lone CR ends a line as LF does (the table reader counts it so).
std::string lf_lines(std::string text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) text[i] = '\n';
  return text;
}

ReadResult read(const std::string& text, const std::string& file, InputFormat format, const TableOptions& table,
                std::map<std::string, std::string>& texts) {
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
    case InputFormat::kYaml: break;
  }
  return read_yaml_string(text, file, texts);
}

ReadResult load(const std::string& text, const std::string& file, InputFormat format, const TableOptions& table) {
  std::map<std::string, std::string> texts;
  ReadResult r = read(text, file, format, table, texts);
  const bool read_failed = has_errors(r.diagnostics);
  // Validate what could be read even when reading failed, so one run reports every problem.
  auto more = validate(r.model);
  r.diagnostics.insert(r.diagnostics.end(), more.begin(), more.end());
  // In file order, then line and column, like a compiler.
  std::map<std::string, std::size_t> file_rank;
  for (std::size_t i = 0; i < r.model.files.size(); ++i) file_rank.emplace(r.model.files[i], i);
  std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    auto rank = [&](const Diagnostic& d) {
      auto it = file_rank.find(d.loc.file);
      return it == file_rank.end() ? file_rank.size() : it->second;
    };
    return std::make_tuple(rank(a), a.loc.line, a.loc.column) < std::make_tuple(rank(b), b.loc.line, b.loc.column);
  });
  attach_source_lines(r.diagnostics, texts);
  if (read_failed || has_errors(r.diagnostics)) {
    // Notes ("drawn as a separate root") only distract from errors that must be fixed first.
    std::erase_if(r.diagnostics, [](const Diagnostic& d) { return d.severity == Severity::kNote; });
    if (read_failed) throw ParseError(std::move(r.diagnostics));
    throw ValidationError(std::move(r.diagnostics));
  }
  return r;
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

ReadResult load_org_string(const std::string& text, const std::string& file, InputFormat format,
                           const TableOptions& table) {
  return load(text, file, format, table);
}

ReadResult load_org_file(const std::string& path, const TableOptions& table) {
  auto text = read_text_file(path);
  if (!text)
    throw ParseError({{Severity::kError, SourceLoc{path, 0, 0}, "cannot read file: no such file or not readable", {}}});
  InputFormat format = input_format_from_path(path);
  if (format == InputFormat::kTable && has_extension(path, "txt")) format = txt_format(*text);
  return load(*text, path, format, table);
}

}  // namespace orgchart
