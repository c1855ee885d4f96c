#include "orgchart/writers/paged_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <memory>

#include "orgchart/c_ptr.hpp"
#include "orgchart/error.hpp"
#include "orgchart/writers/render.hpp"

namespace orgchart {

namespace {

using Surface = CPtr<cairo_surface_t, cairo_surface_destroy>;
using Context = CPtr<cairo_t, cairo_destroy>;
using Handle = CPtr<RsvgHandle, g_object_unref>;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string dest_name(std::size_t page) { return "p" + std::to_string(page); }

/// A PDF string attribute value for cairo's tag syntax: quotes and backslashes escaped.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

Handle load_svg(const std::string& svg, std::size_t page) {
  GError* error = nullptr;
  Handle h(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!h) {
    std::string what = error ? error->message : "unknown error";
    if (error) g_error_free(error);
    throw LayoutError("cannot draw page " + std::to_string(page) + " of the PDF: librsvg: " + what);
  }
  rsvg_handle_set_dpi(h.get(), 72);  // SVG lengths in pt map 1:1 onto PDF points
  return h;
}

}  // namespace

std::string render_page_svg(const ChartPage& page) { return render_chart(page.graph, page.layout, Format::kSvg); }

std::string write_paged_pdf(const PagedChart& chart) {
  std::string bytes;
  const double pw = chart.page.width, ph = chart.page.height;
  Surface surface(cairo_pdf_surface_create_for_stream(append, &bytes, pw, ph));
  // Cairo stamps the current time otherwise: the same input must give the same bytes.
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "orgchart");
  if (!chart.pages.empty() && !chart.pages[0].graph.model.title.empty())
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, chart.pages[0].graph.model.title.c_str());
  Context cr(cairo_create(surface.get()));
  for (std::size_t i = 0; i < chart.pages.size(); ++i) {
    const ChartPage& page = chart.pages[i];
    const std::size_t number = i + 1;
    const Handle svg = load_svg(render_page_svg(page), number);
    const double s = page_scale(page.layout.bounds, chart.page);
    RsvgRectangle viewport{(pw - page.layout.bounds.width * s) / 2, (ph - page.layout.bounds.height * s) / 2,
                           page.layout.bounds.width * s, page.layout.bounds.height * s};
    if (page.layout.bounds.width <= 0) viewport = {0, 0, pw, ph};
    GError* error = nullptr;
    if (!rsvg_handle_render_document(svg.get(), cr.get(), &viewport, &error)) {
      std::string what = error ? error->message : "unknown error";
      if (error) g_error_free(error);
      throw LayoutError("cannot draw page " + std::to_string(number) + " of the PDF: librsvg: " + what);
    }
    for (const PageLink& link : page.links) {
      // The SVG draws the layout's coordinates as they are (its viewBox is the layout's bounds): the card's box,
      // scaled and moved like the drawing.
      const Point c = page.layout.centre[link.vertex];
      const Size z = page.layout.size[link.vertex];
      const Rect r{viewport.x + (c.x - z.width / 2) * s, viewport.y + (c.y - z.height / 2) * s, z.width * s, z.height * s};
      const std::string attrs = "rect=[" + std::to_string(r.x) + " " + std::to_string(r.y) + " " +
                                std::to_string(r.width) + " " + std::to_string(r.height) +
                                "] dest=" + quoted(dest_name(link.page));
      cairo_tag_begin(cr.get(), CAIRO_TAG_LINK, attrs.c_str());
      cairo_tag_end(cr.get(), CAIRO_TAG_LINK);
    }
    // The page's named destination after its drawing: set before it, cairo 1.16 lost it on some pages of long
    // documents (3 of 740 for 30,000 units), and links to those pages went nowhere.
    cairo_tag_begin(cr.get(), CAIRO_TAG_DEST, ("name=" + quoted(dest_name(number)) + " x=0 y=0").c_str());
    cairo_tag_end(cr.get(), CAIRO_TAG_DEST);
    const std::string outline = "Page " + std::to_string(number);
    cairo_pdf_surface_add_outline(surface.get(), CAIRO_PDF_OUTLINE_ROOT, outline.c_str(),
                                  ("page=" + std::to_string(number) + " pos=[0 0]").c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw LayoutError(std::string("cannot write the PDF: cairo: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
  surface.reset();
  return bytes;
}

}  // namespace orgchart
