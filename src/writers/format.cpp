#include "orgchart/writers/format.hpp"

#include <algorithm>

namespace orgchart {

const std::vector<FormatInfo>& formats() {
  static const std::vector<FormatInfo> kFormats = {
      {Format::kDot, "dot", {"dot", "gv"}, false, false},
      {Format::kSvg, "svg", {"svg"}, false, true},
      {Format::kPng, "png", {"png"}, true, true},
      {Format::kPdf, "pdf", {"pdf"}, true, true},
      {Format::kGraphml, "graphml", {"graphml"}, false, false},
      {Format::kGexf, "gexf", {"gexf"}, false, false},
      {Format::kJson, "json", {"json"}, false, false},
      {Format::kHtml, "html", {"html", "htm"}, false, true},
  };
  return kFormats;
}

const FormatInfo& format_info(Format f) {
  for (const auto& info : formats())
    if (info.format == f) return info;
  return formats().front();
}

std::optional<Format> format_from_name(const std::string& name) {
  for (const auto& info : formats())
    if (name == info.name) return info.format;
  return std::nullopt;
}

std::optional<Format> format_from_path(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return std::nullopt;
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& info : formats())
    for (const char* e : info.extensions)
      if (ext == e) return info.format;
  return std::nullopt;
}

std::vector<std::string> format_name_list() {
  std::vector<std::string> names;
  for (const auto& info : formats()) names.emplace_back(info.name);
  return names;
}

std::string format_names() {
  std::string s;
  for (const auto& name : format_name_list()) s += (s.empty() ? "" : ", ") + name;
  return s;
}

std::string format_extensions() {
  std::string s;
  for (const auto& info : formats()) s += (s.empty() ? "." : " .") + std::string(info.extensions.front());
  return s;
}

}  // namespace orgchart
