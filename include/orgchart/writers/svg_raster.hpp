#pragma once
/// PNG and PDF of our SVG, rendered in-process by librsvg onto cairo surfaces: the three formats are one drawing.
#include <ostream>
#include <string>
#include <string_view>

namespace orgchart {

enum class RasterFormat { kPng, kPdf };

/// Renders `svg` (a whole document whose width and height are in pt) to `out` as PNG at `dpi` (opaque RGB) or as PDF
/// (one page of the drawing's size, text kept as text, a fixed creation date). Throws LayoutError when librsvg
/// cannot read the SVG, and for a PNG larger than a bitmap can hold (check_bitmap_size).
void rasterize_svg(std::ostream& out, std::string_view svg, RasterFormat format, double dpi);
std::string rasterize_svg(std::string_view svg, RasterFormat format, double dpi);

/// Cairo draws bitmaps of at most 32767 pixels a side, and a bitmap takes 4 bytes a pixel: a PNG of more than
/// 32767 pixels a side or 100 million in all is refused (LayoutError naming SVG, PDF, a lower --dpi and --root),
/// never drawn shrunk, cut or empty. `width_pt` x `height_pt` is the drawing at 72 dpi.
void check_bitmap_size(double width_pt, double height_pt, double dpi);

}  // namespace orgchart
