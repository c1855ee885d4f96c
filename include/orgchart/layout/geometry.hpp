#pragma once
/// Plain 2-D geometry in points (1/72 inch), y pointing down.

namespace orgchart {

struct Size {
  double width = 0, height = 0;
};
struct Point {
  double x = 0, y = 0;
};
/// Top-left corner and size.
struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
};

}  // namespace orgchart
