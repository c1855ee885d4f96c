#include "orgchart/writers/svg_raster.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "orgchart/c_ptr.hpp"
#include "orgchart/error.hpp"

namespace orgchart {

namespace {

constexpr double kMaxBitmapSide = 32767;
constexpr double kMaxBitmapPixels = 100e6;

using HandlePtr = CPtr<RsvgHandle, g_object_unref>;
using StreamPtr = CPtr<GInputStream, g_object_unref>;
using SurfacePtr = CPtr<cairo_surface_t, cairo_surface_destroy>;
using CairoPtr = CPtr<cairo_t, cairo_destroy>;

[[noreturn]] void fail(const std::string& what, GError* error) {
  std::string msg = what;
  if (error) {
    msg += std::string(": ") + error->message;
    g_error_free(error);
  }
  throw LayoutError(msg);
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

HandlePtr load(std::string_view svg, double dpi) {
  // A memory stream over the caller's bytes (no copy). UNLIMITED: a chart of many thousand cards passes librsvg's
  // default element limits; the SVG is ours, not untrusted input.
  StreamPtr stream(g_memory_input_stream_new_from_data(svg.data(), static_cast<gssize>(svg.size()), nullptr));
  GError* error = nullptr;
  HandlePtr handle(rsvg_handle_new_from_stream_sync(stream.get(), nullptr, RSVG_HANDLE_FLAG_UNLIMITED, nullptr, &error));
  if (!handle) fail("librsvg cannot read the chart's SVG", error);
  rsvg_handle_set_dpi(handle.get(), dpi);
  return handle;
}

void render(RsvgHandle* handle, cairo_t* cr, double width, double height) {
  const RsvgRectangle viewport{0, 0, width, height};
  GError* error = nullptr;
  if (!rsvg_handle_render_document(handle, cr, &viewport, &error)) fail("librsvg cannot draw the chart", error);
}

}  // namespace

void check_bitmap_size(double width_pt, double height_pt, double dpi) {
  const double scale = dpi / 72;
  const double w = std::ceil(width_pt * scale), h = std::ceil(height_pt * scale);
  if (w <= kMaxBitmapSide && h <= kMaxBitmapSide && w * h <= kMaxBitmapPixels) return;
  const double fit = std::min({kMaxBitmapSide / w, kMaxBitmapSide / h, std::sqrt(kMaxBitmapPixels / (w * h))});
  const long max_dpi = static_cast<long>(std::floor(dpi * fit));
  throw LayoutError("the PNG would be " + std::to_string(static_cast<long long>(w)) + " x " +
                    std::to_string(static_cast<long long>(h)) + " pixels at " + std::to_string(std::lround(dpi)) +
                    " dpi, more than a bitmap can hold (32767 pixels a side, 100 million in all): draw SVG or PDF "
                    "instead (they scale without limit), " +
                    (max_dpi >= 10 ? "lower --dpi (at most " + std::to_string(max_dpi) + " for this chart), "
                                   : std::string()) +
                    "or draw a part of the chart with --root");
}

std::string rasterize_svg(std::string_view svg, RasterFormat format, double dpi) {
  if (!(dpi > 0)) dpi = 96;
  HandlePtr handle = load(svg, 72);  // sizes in points first
  double width_pt = 0, height_pt = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width_pt, &height_pt) || !(width_pt > 0) ||
      !(height_pt > 0))
    throw LayoutError("the chart's SVG has no size in absolute units");
  std::string out;
  if (format == RasterFormat::kPdf) {
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(append, &out, width_pt, height_pt));
    // A fixed creation date: the same chart gives the same bytes.
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "orgchart");
    {
      CairoPtr cr(cairo_create(surface.get()));
      render(handle.get(), cr.get(), width_pt, height_pt);
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw LayoutError(std::string("cairo cannot write the PDF: ") +
                        cairo_status_to_string(cairo_surface_status(surface.get())));
    return out;
  }
  check_bitmap_size(width_pt, height_pt, dpi);
  const int w = static_cast<int>(std::ceil(width_pt * dpi / 72)), h = static_cast<int>(std::ceil(height_pt * dpi / 72));
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw LayoutError(std::string("cairo cannot make a ") + std::to_string(w) + " x " + std::to_string(h) +
                      " bitmap: " + cairo_status_to_string(cairo_surface_status(surface.get())) +
                      ": draw SVG or PDF instead, lower --dpi, or draw a part of the chart with --root");
  {
    CairoPtr cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);  // white under everything, as Graphviz's PNG
    cairo_paint(cr.get());
    render(handle.get(), cr.get(), w, h);
  }
  cairo_surface_flush(surface.get());
  if (cairo_surface_write_to_png_stream(surface.get(), append, &out) != CAIRO_STATUS_SUCCESS || out.empty())
    throw LayoutError("cairo cannot write the PNG");
  return out;
}

}  // namespace orgchart
