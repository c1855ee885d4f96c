#pragma once
/// Internal to the writers: a buffered text sink for the text formats (GraphML, GEXF, JSON, DOT, SVG). Text
/// is appended to one buffer, escaped in place, and flushed to the stream in 1 MiB blocks, so a chart of a
/// million units is neither one string in memory nor millions of small stream inserts.
#include <charconv>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include "orgchart/writers/escape.hpp"
#include "orgchart/writers/number.hpp"

namespace orgchart::detail {

class TextOut {
 public:
  explicit TextOut(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + 4096); }
  TextOut(const TextOut&) = delete;
  TextOut& operator=(const TextOut&) = delete;

  TextOut& raw(std::string_view s) {
    buf_.append(s);
    return spill();
  }
  TextOut& ch(char c) {
    buf_ += c;
    return *this;
  }
  /// An integer in decimal.
  template <typename Int, typename = std::enable_if_t<std::is_integral_v<Int>>>
  TextOut& integer(Int v) {
    char b[24];
    buf_.append(b, std::to_chars(b, b + sizeof b, v).ptr);
    return *this;
  }
  /// A number as format_number writes it.
  TextOut& number(double v, int decimals = 2) {
    char b[kNumberChars];
    buf_.append(format_number(b, v, decimals));
    return *this;
  }
  /// Text from data, escaped by one of escape.hpp's append_ functions (the format's own rules).
  TextOut& escaped(void (*append)(std::string&, std::string_view), std::string_view s) {
    append(buf_, s);
    return spill();
  }
  /// Text from data as XML character data or attribute value (xml_escape).
  TextOut& text(std::string_view s) { return escaped(append_xml_escape, s); }
  /// An attribute ` name="value"` with the value escaped (xml_escape).
  TextOut& attr(std::string_view name, std::string_view value) {
    return ch(' ').raw(name).raw("=\"").text(value).ch('"');
  }

  /// Stream-like forms for writers that write many pieces per statement (DOT): text as it is, a character,
  /// an integer in decimal.
  TextOut& operator<<(std::string_view s) { return raw(s); }
  template <typename T>
    requires std::is_integral_v<T>
  TextOut& operator<<(T v) {
    if constexpr (std::is_same_v<T, char>) return ch(v);
    else return integer(v);
  }

  /// Writes what is buffered to the stream; a writer calls it once at its end.
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  TextOut& spill() {
    if (buf_.size() >= kFlushAt) flush();
    return *this;
  }

  static constexpr std::size_t kFlushAt = std::size_t{1} << 20;
  std::ostream& out_;
  std::string buf_;
};

}  // namespace orgchart::detail
