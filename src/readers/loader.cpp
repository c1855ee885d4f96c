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
constexpr InputExtension kInputExtensions[] = {{"graphml", InputFormat::kGraphml}};

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

ReadResult read(const std::string& text, const std::string& file, InputFormat format,
                std::map<std::string, std::string>& texts) {
  switch (format) {
    case InputFormat::kGraphml:
      texts[file] = text;
      return read_graphml_string(text, file);
    case InputFormat::kInfobox:
      texts[file] = text;
      return read_infobox_string(text, file);
    case InputFormat::kYaml: break;
  }
  return read_yaml_string(text, file, texts);
}

/// Validates what was read, sorts every problem like a compiler, and throws when any is an error.
ReadResult finish(ReadResult r, const std::map<std::string, std::string>& texts) {
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

ReadResult load(const std::string& text, const std::string& file, InputFormat format) {
  std::map<std::string, std::string> texts;
  ReadResult r = read(text, file, format, texts);
  return finish(std::move(r), texts);
}

}  // namespace

InputFormat input_format_from_path(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const InputExtension& e : kInputExtensions)
    if (ext == e.extension) return e.format;
  return InputFormat::kYaml;
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

ReadResult load_org_string(const std::string& text, const std::string& file, InputFormat format) {
  return load(text, file, format);
}

ReadResult load_org_file(const std::string& path) {
  auto text = read_text_file(path);
  if (!text)
    throw ParseError({{Severity::kError, SourceLoc{path, 0, 0}, "cannot read file: no such file or not readable", {}}});
  return load(*text, path, input_format_for(path, *text));
}

ReadResult load_org_files(const std::vector<std::string>& paths, const std::string& aliases_file) {
  if (paths.size() == 1 && aliases_file.empty()) return load_org_file(paths[0]);
  std::map<std::string, std::string> texts;
  std::vector<OrgModel> models;
  std::vector<Diagnostic> diagnostics;
  for (const auto& path : paths) {
    auto text = read_text_file(path);
    if (!text) {
      diagnostics.push_back({Severity::kError, SourceLoc{path, 0, 0}, "cannot read file: no such file or not readable", {}});
      continue;
    }
    ReadResult r = read(*text, path, input_format_for(path, *text), texts);
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
    if (auto text = read_text_file(aliases_file)) texts[aliases_file] = *text;
  }
  ReadResult merged = merge_models(models, aliases);
  merged.diagnostics.insert(merged.diagnostics.begin(), diagnostics.begin(), diagnostics.end());
  if (!aliases_file.empty()) merged.model.files.push_back(aliases_file);
  return finish(std::move(merged), texts);
}

}  // namespace orgchart
