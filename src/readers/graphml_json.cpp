#include "graphml_json.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "yaml_guard.hpp"
#include "yaml_tree.hpp"  // yaml_brackets_ahead

namespace orgchart::detail {

std::optional<std::vector<std::map<std::string, std::string>>> json_records(std::string_view view, std::string& why) {
  const std::string text(view);
  YAML::Node list;  // JSON is YAML
  // '[[[[...' made yaml-cpp hold 250 bytes a bracket before its depth guard (found by hand: 9 MB of them in one
  // <data>, 2.1 GB and 14 s): bounded as in a YAML data file.
  if (const auto at = yaml_brackets_ahead(text)) {
    why = ": it is nested too deeply (more than " + std::to_string(kMaxYamlOpensAhead) + " '[' and '{' at line " +
          std::to_string(at->line + 1) + ", column " + std::to_string(at->column + 1) + " of it)";
    return std::nullopt;
  }
  try {
    // YAML's aliases would let a few KB expand to gigabytes: bounded as in a YAML data file.
    const YamlShape shape = yaml_shape(text);
    if (shape.alias_overflow) {
      why = ": its aliases (*name) would expand it past " + std::to_string(std::max(kAliasNodeFloor, shape.nodes) + shape.nodes) +
            " values (at line " + std::to_string(shape.alias_overflow->line + 1) + ", column " +
            std::to_string(shape.alias_overflow->column + 1) + " of it)";
      return std::nullopt;
    }
    list = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    // yaml-cpp reports nesting past its depth guard (2000) as "bad file"; say what it is.
    const std::string what = e.msg.rfind("bad file", 0) == 0 ? "it is nested too deeply" : e.msg;
    why = ": " + what + " (at line " + std::to_string(e.mark.line + 1) + ", column " + std::to_string(e.mark.column + 1) +
          " of it)";
    return std::nullopt;
  }
  if (!list.IsSequence()) {
    why = " such as [{\"id\": \"s1\", \"title\": \"...\"}]";
    return std::nullopt;
  }
  std::vector<std::map<std::string, std::string>> records;
  for (const YAML::Node& item : list) {
    auto& record = records.emplace_back();
    if (item.IsMap())
      for (const auto& field : item)
        if (field.first.IsScalar() && field.second.IsScalar()) record[field.first.Scalar()] = field.second.Scalar();
  }
  return records;
}

}  // namespace orgchart::detail
