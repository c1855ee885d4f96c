#pragma once
/// Building blocks of our JSON documents (the chart's JSON, the diff report): objects on one line with keys in
/// the order they are added, arrays of such objects one per line.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace orgchart {

/// `{"key": value, ...}` with the keys in the order they are added; values are JSON already (raw) or text.
class JsonObject {
 public:
  JsonObject& raw(const char* key, std::string_view value);
  JsonObject& str(const char* key, std::string_view value);
  JsonObject& raw_if(bool cond, const char* key, std::string_view value) { return cond ? raw(key, value) : *this; }
  std::string done() const { return text_.empty() ? "{}" : text_ + "}"; }

 private:
  std::string text_;
};

/// `["a", "b"]`.
std::string json_string_array(const std::vector<std::string>& items);

/// `  "key": value,` and a line break, as a member of a document's top-level object (no comma when `last`).
void write_json_member(std::ostream& out, const char* key, const std::string& value, bool last = false);

/// `  "key": [` then each item (JSON already) on a line of its own, `]`; no comma after it when `last`.
void write_json_array(std::ostream& out, const char* key, const std::vector<std::string>& items, bool last);

/// write_json_array's text in parts, for a writer that writes its items one at a time.
struct JsonArrayText {
  /// `  "key": [`
  static std::string open(const char* key);
  /// What goes before item `i`.
  static const char* before(std::size_t i) { return i ? ",\n    " : "\n    "; }
  /// What follows the last of `count` items.
  static const char* close(std::size_t count, bool last);
};

}  // namespace orgchart
