#include "orgchart/writers/json_object.hpp"

#include "orgchart/writers/escape.hpp"

namespace orgchart {

JsonObject& JsonObject::raw(const char* key, std::string_view value) {
  text_ += text_.empty() ? "{" : ", ";
  append_json_quote(text_, key);
  text_ += ": ";
  text_ += value;
  return *this;
}

JsonObject& JsonObject::str(const char* key, std::string_view value) {
  text_ += text_.empty() ? "{" : ", ";
  append_json_quote(text_, key);
  text_ += ": ";
  append_json_quote(text_, value);
  return *this;
}

std::string json_string_array(const std::vector<std::string>& items) {
  std::string s = "[";
  for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + json_quote(items[i]);
  return s + "]";
}

void write_json_member(std::ostream& out, const char* key, const std::string& value, bool last) {
  out << "  " << json_quote(key) << ": " << value << (last ? "\n" : ",\n");
}

std::string JsonArrayText::open(const char* key) { return "  " + json_quote(key) + ": ["; }

const char* JsonArrayText::close(std::size_t count, bool last) {
  return count == 0 ? (last ? "]\n" : "],\n") : (last ? "\n  ]\n" : "\n  ],\n");
}

void write_json_array(std::ostream& out, const char* key, const std::vector<std::string>& items, bool last) {
  out << JsonArrayText::open(key);
  for (std::size_t i = 0; i < items.size(); ++i) out << JsonArrayText::before(i) << items[i];
  out << JsonArrayText::close(items.size(), last);
}

}  // namespace orgchart
