#include "orgchart/writers/svg_raster.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <memory>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <vector>

#include "orgchart/c_ptr.hpp"
#include "orgchart/error.hpp"

namespace orgchart {

namespace {

constexpr double kMaxBitmapSide = 32767;
constexpr double kMaxBitmapPixels = 100e6;
constexpr int kPngFilter = PNG_FILTER_PAETH;
constexpr int kPngLevel = 1;
constexpr int kPngStrategy = Z_DEFAULT_STRATEGY;

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
  auto& out = *static_cast<std::ostream*>(closure);
  out.write(reinterpret_cast<const char*>(data), length);
  return out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

// ---- PNG: libpng straight from cairo's pixels ------------------------------------------------------------------
// cairo_surface_write_to_png spends more time in zlib than librsvg and cairo spend drawing (level 6 and every row
// filter tried): a chart is mostly flat colour, and the Paeth filter with zlib's fastest level packs it as small
// (the ILD at 96 dpi: 381 KB, cairo's 380 KB) in a fraction of the time. Z_RLE was a little faster but 15-20 %
// larger at 96 dpi. The image is opaque (white under everything), so RGB without alpha.

struct PngSink {
  std::ostream* out;
  const char* error = nullptr;
};

void png_write_data(png_structp png, png_bytep data, png_size_t length) {
  auto* sink = static_cast<PngSink*>(png_get_io_ptr(png));
  sink->out->write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
}
void png_flush_data(png_structp) {}
void png_fail(png_structp png, png_const_charp message) {
  static_cast<PngSink*>(png_get_error_ptr(png))->error = message;
  png_longjmp(png, 1);
}
void png_warn(png_structp, png_const_charp) {}

/// Encodes an opaque ARGB32 image; false when libpng fails. No C++ object with a destructor lives between
/// setjmp and a longjmp (libpng's error path).
bool encode_png(cairo_surface_t* surface, PngSink& sink, std::vector<unsigned char>& row) {
  const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* pixels = cairo_image_surface_get_data(surface);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, png_fail, png_warn);
  if (!png) return false;
  png_infop info = png_create_info_struct(png);
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, &sink, png_write_data, png_flush_data);
  png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, kPngFilter);
  png_set_compression_level(png, kPngLevel);
  png_set_compression_strategy(png, kPngStrategy);
  png_write_info(png, info);
  for (int y = 0; y < h; ++y) {
    const auto* src = reinterpret_cast<const std::uint32_t*>(pixels + static_cast<std::size_t>(y) * stride);
    unsigned char* dst = row.data();
    for (int x = 0; x < w; ++x) {
      const std::uint32_t p = src[x];  // 0xAARRGGBB, alpha 255
      *dst++ = static_cast<unsigned char>(p >> 16);
      *dst++ = static_cast<unsigned char>(p >> 8);
      *dst++ = static_cast<unsigned char>(p);
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return true;
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

void rasterize_svg(std::ostream& out, std::string_view svg, RasterFormat format, double dpi) {
  if (!(dpi > 0)) dpi = 96;
  HandlePtr handle = load(svg, 72);  // sizes in points first
  double width_pt = 0, height_pt = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width_pt, &height_pt) || !(width_pt > 0) ||
      !(height_pt > 0))
    throw LayoutError("the chart's SVG has no size in absolute units");
  if (format == RasterFormat::kPdf) {
    // Straight into `out` as cairo writes it; the creation date is fixed, so the same chart gives the same bytes.
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(append, &out, width_pt, height_pt));
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
    return;
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
  handle.reset();  // the SVG's tree is not needed while the pixels are packed
  cairo_surface_flush(surface.get());
  PngSink sink{&out};
  std::vector<unsigned char> row(static_cast<std::size_t>(w) * 3);
  if (!encode_png(surface.get(), sink, row))
    throw LayoutError(std::string("cannot write the PNG") + (sink.error ? std::string(": ") + sink.error : ""));
}

std::string rasterize_svg(std::string_view svg, RasterFormat format, double dpi) {
  std::ostringstream out;
  rasterize_svg(out, svg, format, dpi);
  return std::move(out).str();
}

}  // namespace orgchart
