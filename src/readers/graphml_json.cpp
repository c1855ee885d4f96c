#include "graphml_json.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "yaml_guard.hpp"

namespace orgchart::detail {

std::optional<std::vector<std::map<std::string, std::string>>> json_records(std::string_view view, std::string& why) {
  const std::string text(view);
  YAML::Node list;  // JSON is YAML
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
    why = ": " + e.msg + " (at line " + std::to_string(e.mark.line + 1) + ", column " +
          std::to_string(e.mark.column + 1) + " of it)";
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
