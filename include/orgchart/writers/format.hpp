#pragma once
/// The output formats, picked from a file name's extension or by name, in one table.
#include <optional>
#include <string>
#include <vector>

namespace orgchart {

enum class Format { kDot, kSvg, kPng, kPdf, kGraphml, kGexf, kJson, kHtml };

struct FormatInfo {
  Format format;
  const char* name;                      ///< as given to --format
  std::vector<const char*> extensions;   ///< without the dot, lower case
  bool binary;                           ///< PNG, PDF
  bool rendered;                         ///< drawn by Graphviz
};

const std::vector<FormatInfo>& formats();
const FormatInfo& format_info(Format f);
std::optional<Format> format_from_name(const std::string& name);
/// By the extension of `path` (case-insensitive); nullopt when it has none we know.
std::optional<Format> format_from_path(const std::string& path);
/// "dot, svg, png, ..." for messages.
std::string format_names();
/// {"dot", "svg", ...}: the names --format accepts.
std::vector<std::string> format_name_list();
/// ".dot .svg .png ...": each format's first extension, for help texts.
std::string format_extensions();

}  // namespace orgchart
