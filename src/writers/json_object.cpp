#include "orgchart/writers/json_object.hpp"

#include "orgchart/writers/escape.hpp"

namespace orgchart {

JsonObject& JsonObject::raw(const char* key, const std::string& value) {
  text_ += (text_.empty() ? "{" : ", ") + json_quote(key) + ": " + value;
  return *this;
}

JsonObject& JsonObject::str(const char* key, std::string_view value) { return raw(key, json_quote(value)); }

std::string json_string_array(const std::vector<std::string>& items) {
  std::string s = "[";
  for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + json_quote(items[i]);
  return s + "]";
}

void write_json_member(std::ostream& out, const char* key, const std::string& value, bool last) {
  out << "  " << json_quote(key) << ": " << value << (last ? "\n" : ",\n");
}

void write_json_array(std::ostream& out, const char* key, const std::vector<std::string>& items, bool last) {
  out << "  " << json_quote(key) << ": [";
  for (std::size_t i = 0; i < items.size(); ++i) out << (i ? ",\n    " : "\n    ") << items[i];
  out << (items.empty() ? "]" : "\n  ]") << (last ? "\n" : ",\n");
}

}  // namespace orgchart
