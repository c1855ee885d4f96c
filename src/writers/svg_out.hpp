#pragma once
/// Internal to the SVG writer: the buffered text sink (text_out.hpp) with the number and point forms every SVG
/// element uses.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <ostream>
#include <string>
#include <string_view>

#include "orgchart/layout/geometry.hpp"
#include "orgchart/writers/text.hpp"
#include "text_out.hpp"

namespace orgchart::svg {

class Out {
 public:
  /// `height`: the drawing's height; points are written in Graphviz's user space (x right, y = layout y - height),
  /// so that our SVG and Graphviz's agree for every reader of coordinates.
  Out(std::ostream& out, double height) : out_(out), height_(height) {}

  Out& raw(std::string_view s) {
    out_.raw(s);
    return *this;
  }
  Out& ch(char c) {
    out_.ch(c);
    return *this;
  }
  /// Two decimals at most, trailing zeros dropped, never "-0" (std::to_chars: no locale).
  Out& num(double v) {
    if (!std::isfinite(v)) v = 0;
    v = std::round(v * 100) / 100;
    if (v == 0) v = 0;  // -0 -> 0
    char b[48];
    auto r = std::to_chars(b, b + sizeof b, v, std::chars_format::fixed, 2);
    char* end = r.ptr;
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
    return raw(std::string_view(b, static_cast<std::size_t>(end - b)));
  }
  /// A layout y as an SVG y.
  Out& y(double layout_y) { return num(layout_y - height_); }
  /// "x,y" of a layout point.
  Out& pt(double x, double layout_y) { return num(x).ch(',').y(layout_y); }
  Out& pt(const Point& p) { return pt(p.x, p.y); }
  /// Text from data: invalid characters cleaned, markup escaped (xml_escape).
  Out& text(std::string_view s) {
    out_.text(s);
    return *this;
  }
  /// An attribute ` name="value"` with the value escaped.
  Out& attr(std::string_view name, std::string_view value) {
    out_.attr(name, value);
    return *this;
  }
  Out& attr(std::string_view name, double value) { return ch(' ').raw(name).raw("=\"").num(value).ch('"'); }
  double height() const { return height_; }

  void flush() { out_.flush(); }

 private:
  detail::TextOut out_;
  double height_;
};

/// A rectangle with rounded corners as a path of absolute points only (M, L, Q), like Graphviz's rounded boxes:
/// readers that take the path's numbers in pairs get the box's corners.
inline void rounded_rect_path(Out& o, const Rect& r, double radius) {
  const double rr = std::max(0.0, std::min({radius, r.width / 2, r.height / 2}));
  const double x0 = r.x, y0 = r.y, x1 = r.x + r.width, y1 = r.y + r.height;
  o.raw(" d=\"M").pt(x1 - rr, y0).raw("L").pt(x0 + rr, y0).raw("Q").pt(x0, y0).ch(' ').pt(x0, y0 + rr);
  o.raw("L").pt(x0, y1 - rr).raw("Q").pt(x0, y1).ch(' ').pt(x0 + rr, y1);
  o.raw("L").pt(x1 - rr, y1).raw("Q").pt(x1, y1).ch(' ').pt(x1, y1 - rr);
  o.raw("L").pt(x1, y0 + rr).raw("Q").pt(x1, y0).ch(' ').pt(x1 - rr, y0).raw("Z\"");
}

}  // namespace orgchart::svg
