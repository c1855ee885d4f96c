#include "orgchart/layout/pages.hpp"

namespace orgchart {

double footprint(Size box, double gap_x, double gap_y) { return (box.width + gap_x) * (box.height + gap_y); }

}  // namespace orgchart
