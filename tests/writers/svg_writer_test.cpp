// Our SVG writer (--layout org): element ids, tooltips, escaping, the heading with the chart's date, and the PNG and
// PDF drawn from it by librsvg. The SVG is read back by libxml2, not by our code.
#include "orgchart/writers/svg_writer.hpp"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <sstream>

#include "orgchart/layout/org_layout.hpp"
#include "orgchart/readers/yaml_reader.hpp"
#include "orgchart/writers/chart_heading.hpp"
#include "orgchart/writers/render.hpp"
#include "orgchart/writers/svg_raster.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

const char* kData = R"(title: "Tricky <b>chart</b> & 'friends'"
sources:
  - {id: s1, title: Older, date: 2023}
  - {id: s2, title: Newer, date: 2024-05-02}
  - {id: s3, title: Undated}
units:
  - {id: a, name: "Alpha </text><script>x</script>", kind: ministry}
  - {id: b, name: "Beta \\N & more", kind: bureau, parent: a, group: "G <1>"}
  - {id: c, name: Gamma, kind: bureau, parent: a, group: "G <1>"}
relations:
  - {unit: b, kind: funds, target: c, label: "pays <$>"}
)";

struct Chart {
  OrgGraph g;
  Layout layout;
};

Chart chart(const char* data = kData) {
  Chart c{build_graph(load_org_string(data, "t.yaml").model), {}};
  const CardSizes sizes = measure_cards(c.g);
  OrgLayoutOptions o;
  o.title_height = heading_height(chart_heading(c.g, std::nullopt));
  c.layout = org_layout(c.g, sizes.cards, o, sizes.legend);
  return c;
}

std::string svg_of(const Chart& c, const std::optional<Date>& as_of = std::nullopt) {
  std::ostringstream out;
  write_svg(out, c.g, c.layout, chart_heading(c.g, as_of));
  return out.str();
}

/// Values of an XPath over the SVG (namespace prefix s).
std::vector<std::string> xpath(const std::string& svg, const char* expr) {
  std::vector<std::string> out;
  xmlDocPtr doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "t.svg", nullptr, XML_PARSE_NONET);
  if (!doc) return {"<malformed>"};
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
  xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
  if (r && r->nodesetval)
    for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
      xmlChar* s = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
      out.emplace_back(reinterpret_cast<const char*>(s));
      xmlFree(s);
    }
  xmlXPathFreeObject(r);
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
  return out;
}

TEST(SvgWriter, ElementIdsAreTheDotOnes) {
  const Chart c = chart();
  const std::string svg = svg_of(c);
  EXPECT_EQ(xpath(svg, "//s:g[@class='node']/@id"), (std::vector<std::string>{"g0", "v0", "v1", "v2", "legend"}));
  EXPECT_EQ(xpath(svg, "//s:g[@class='edge']/@id"), (std::vector<std::string>{"h1", "h2", "r0"}));
}

TEST(SvgWriter, DataTextStaysText) {
  const std::string svg = svg_of(chart());
  const auto texts = xpath(svg, "//s:text");
  EXPECT_NE(std::find(texts.begin(), texts.end(), "Tricky <b>chart</b> & 'friends'"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "Beta \\N & more"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "pays <$>"), texts.end());
  EXPECT_TRUE(xpath(svg, "//s:script").empty());
  EXPECT_EQ(xpath(svg, "//s:g[@id='g0']/s:title"), (std::vector<std::string>{"G <1>"}));
  EXPECT_EQ(svg.find("\u2060"), std::string::npos);
  const auto title = xpath(svg, "//s:g[@id='v0']/s:title");
  ASSERT_EQ(title.size(), 1u);
  EXPECT_EQ(title[0].rfind("Alpha </text><script>x</script>", 0), 0u) << title[0];
}

TEST(SvgWriter, SingleDateChartsSayTheirDate) {
  const Chart c = chart();
  EXPECT_EQ(xpath(svg_of(c), "//s:text[@id='chart-date']"), (std::vector<std::string>{"latest: 2024-05-02"}));
  EXPECT_EQ(xpath(svg_of(c, *parse_date("2023-06-01")), "//s:text[@id='chart-date']"),
            (std::vector<std::string>{"as of 2023-06-01"}));
  // The date line sits under the title, inside the space the layout kept above the drawing.
  const auto y_title = xpath(svg_of(c), "//s:text[@id='chart-heading']/@y");
  const auto y_date = xpath(svg_of(c), "//s:text[@id='chart-date']/@y");
  ASSERT_EQ(y_title.size(), 1u);
  ASSERT_EQ(y_date.size(), 1u);
  EXPECT_LT(std::stod(y_title[0]), std::stod(y_date[0]));
  double top_card = 1e9;
  for (const auto& p : c.layout.centre) top_card = std::min(top_card, p.y);
  EXPECT_LT(std::stod(y_date[0]) + c.layout.bounds.height, top_card - 10);
}

TEST(SvgWriter, NoDatedSourceSaysSo) {
  const Chart c = chart("units:\n  - {id: a, name: A, kind: office}\n");
  EXPECT_EQ(xpath(svg_of(c), "//s:text[@id='chart-date']"),
            (std::vector<std::string>{"latest state (no source gives a date)"}));
  EXPECT_TRUE(xpath(svg_of(c), "//s:text[@id='chart-heading']").empty());
}

TEST(SvgWriter, PngAndPdfAreDrawnFromTheSvg) {
  const Chart c = chart();
  const std::string png = render_chart(c.g, c.layout, Format::kPng);
  ASSERT_GT(png.size(), 1000u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  const std::string pdf = render_chart(c.g, c.layout, Format::kPdf);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_EQ(pdf, render_chart(c.g, c.layout, Format::kPdf));  // deterministic
}

TEST(SvgRaster, TooLargeABitmapIsAnErrorNamingTheWaysOut) {
  try {
    check_bitmap_size(40000, 100, 96);
    FAIL() << "no error";
  } catch (const LayoutError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("SVG or PDF"), std::string::npos) << m;
    EXPECT_NE(m.find("--root"), std::string::npos) << m;
    EXPECT_NE(m.find("--dpi"), std::string::npos) << m;
  }
  EXPECT_NO_THROW(check_bitmap_size(1000, 1000, 96));
  EXPECT_THROW(check_bitmap_size(20000, 20000, 96), LayoutError);  // 26667 px a side: 711 million pixels
}

}  // namespace
}  // namespace orgchart

namespace orgchart {
namespace {

TEST(SvgRaster, AHugePngIsRefusedEndToEndAndNoFileIsWritten) {
  // The ILD at 1200 dpi: about 16,000 x 11,700 pixels, past the 100 million a bitmap may hold. The PDF and SVG of
  // the same run are not written either (all or nothing), and the message names what to use instead.
  const std::string dir = test::temp_dir();
  const auto r = test::run(test::shell_quote(test::binary()) + " export data/ild.yaml -o " + dir + "/big.png -o " +
                           dir + "/big.svg --dpi 1200");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("SVG or PDF"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--root"), std::string::npos) << r.err;
  EXPECT_EQ(test::run("test -e " + dir + "/big.png").exit_code, 1);
  EXPECT_EQ(test::run("test -e " + dir + "/big.svg").exit_code, 1);
  // The same chart at the default resolution is drawn.
  const auto ok = test::run(test::shell_quote(test::binary()) + " export data/ild.yaml -o " + dir + "/ok.png");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_GT(test::read_file(dir + "/ok.png").size(), 10000u);
}

}  // namespace
}  // namespace orgchart

namespace orgchart {
namespace {

TEST(ChartHeading, GraphvizLayoutsSayTheDateTooAndDiffChartsDoNot) {
  const Chart c = chart();
  RenderOptions o;
  o.as_of = *parse_date("2024-01-31");
  const std::string svg = render_chart(c.g, Layout{}, Format::kSvg, o);  // Graphviz's dot engine
  const auto texts = xpath(svg, "//s:text");
  EXPECT_NE(std::find(texts.begin(), texts.end(), "as of 2024-01-31"), texts.end()) << svg.substr(0, 2000);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "Tricky <b>chart</b> & 'friends'"), texts.end());
  OrgGraph diff = c.g;
  diff.is_diff = true;
  EXPECT_EQ(chart_heading(diff, *parse_date("2024-01-31")).date_line, "");
  EXPECT_EQ(heading_height(chart_heading(diff, std::nullopt)), 28);
}

}  // namespace
}  // namespace orgchart
