#include "orgchart/readers/graphml_reader.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "graphml_model.hpp"
#include "graphml_sax.hpp"

namespace orgchart {

ReadResult read_graphml_stream(ByteSource& source, const std::string& file, const std::function<std::unique_ptr<ByteSource>()>& again) {
  ReadResult result;
  result.model.files.push_back(file);
  std::vector<Diagnostic> model_diags;
  detail::GraphmlModelBuilder builder(file, result.model, model_diags, result.diagnostics);
  const detail::GraphmlParse parse = detail::parse_graphml(source, file, builder, result.diagnostics);
  std::unique_ptr<ByteSource> second;
  if (parse.well_formed && builder.late_key() && again && (second = again())) {
    // A key after the first node: read once more with every key known, what the first pass found is dropped
    // (the parser's own problems, the same in both passes, are the first pass's).
    ReadResult again_result;
    again_result.model.files.push_back(file);
    std::vector<Diagnostic> again_model_diags, again_parse_diags;
    detail::GraphmlModelBuilder seeded(file, again_result.model, again_model_diags, again_parse_diags);
    seeded.seed_keys(builder.take_keys());
    detail::parse_graphml(*second, file, seeded, again_parse_diags);
    seeded.finish();
    result.model = std::move(again_result.model);
    result.diagnostics.insert(result.diagnostics.end(), again_model_diags.begin(), again_model_diags.end());
  } else if (parse.well_formed) {
    builder.finish();
    result.diagnostics.insert(result.diagnostics.end(), model_diags.begin(), model_diags.end());
  } else {
    // What was read before the XML broke off is no model: the syntax error comes first.
    result.model = OrgModel{};
    result.model.files.push_back(file);
  }
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.line, a.loc.column) < std::tie(b.loc.line, b.loc.column);
  });
  // Source lines for the caret display, which counts bytes of UTF-8 (a Latin-1 line would print as garbage);
  // a window around the column, bytes that are not text escaped. Only for what is GraphML: the lines of some
  // other file given by mistake are not repeated. The file is read a second time, for those lines only.
  const bool xml = builder.graphml() || (!builder.saw_root() && parse.markup);
  if (parse.utf8 && xml && !result.diagnostics.empty()) {
    std::set<int> wanted;
    for (const auto& d : result.diagnostics)
      if (d.loc.line > 0) wanted.insert(d.loc.line);
    std::map<int, std::string> lines;
    if (auto second = again ? again() : nullptr) lines = read_lines(*second, wanted);
    for (auto& d : result.diagnostics) {
      auto it = lines.find(d.loc.line);
      set_source_line(d, it == lines.end() ? std::string_view() : std::string_view(it->second));
    }
  }
  return result;
}

ReadResult read_graphml_string(const std::string& text, const std::string& file) {
  StringSource source(text);
  return read_graphml_stream(source, file, [&] { return std::make_unique<StringSource>(text); });
}

ReadResult read_graphml_file(const std::string& path) {
  std::string why;
  auto file = InputStream::open(path, why);
  if (!file) return {{}, {{Severity::kError, SourceLoc{path, 0, 0}, "cannot read file: " + why, {}}}};
  return read_graphml_stream(*file, path, [&]() -> std::unique_ptr<ByteSource> {
    std::string ignored;
    auto again = InputStream::open(path, ignored);
    return again ? std::make_unique<InputStream>(std::move(*again)) : nullptr;
  });
}

}  // namespace orgchart
