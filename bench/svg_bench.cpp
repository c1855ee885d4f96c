// Timing of our SVG writer (write_svg) alone on random org trees of 10k, 100k and 1M units, and of the PNG and
// PDF drawn from it by librsvg at 10k: the model is built in memory and cards get fixed sizes (no YAML reading, no
// Graphviz measuring), so only the drawing is timed. The SVG goes to a counting stream (no disk).
// `cmake --build build --target bench && ./build/orgchart_bench --benchmark_filter=Svg`.
#include <benchmark/benchmark.h>

#include <ostream>
#include <random>
#include <streambuf>

#include "orgchart/layout/org_layout.hpp"
#include "orgchart/writers/chart_heading.hpp"
#include "orgchart/writers/render.hpp"
#include "orgchart/writers/svg_writer.hpp"

namespace {

using namespace orgchart;

/// Counts what is written and keeps nothing.
class CountingBuf : public std::streambuf {
 public:
  std::size_t count = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    ++count;
    return c;
  }
};

struct Chart {
  OrgGraph g;
  Layout layout;
};

Chart random_chart(std::size_t n) {
  static const char* kKinds[] = {"ministry", "department", "bureau", "office", "committee", "institution"};
  static const char* kWords[] = {"Planning", "Finance", "Research", "Audit", "Energy", "Transport", "Health", "Trade"};
  std::mt19937 rng(20251130);
  auto pick = [&](int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); };
  OrgModel m;
  m.title = "Benchmark organisation";
  Source src;
  src.id = "s";
  src.title = "Generated";
  src.date = Date{2025, 1, 1};
  m.sources.push_back(src);
  m.units.reserve(n);
  auto add = [&](const std::string& parent) {
    Unit u;
    u.id = "u" + std::to_string(m.units.size());
    u.name = std::string(kWords[pick(8)]) + " " + kWords[pick(8)] + " Office " + std::to_string(m.units.size());
    u.kind = kKinds[pick(6)];
    u.parent = parent;
    m.units.push_back(std::move(u));
  };
  add("");
  for (std::size_t head = 0; m.units.size() < n; ++head)  // breadth first: each unit gets 3 to 12 children
    for (int j = 3 + pick(10); j > 0 && m.units.size() < n; --j) add("u" + std::to_string(head));
  Chart c{build_graph(m), {}};
  std::vector<Size> sizes(boost::num_vertices(c.g.graph), Size{160, 36});
  OrgLayoutOptions o;
  o.title_height = heading_height(chart_heading(c.g, std::nullopt));
  c.layout = org_layout(c.g, sizes, o, Size{200, 120});
  return c;
}

void BM_SvgWrite(benchmark::State& state) {
  const Chart c = random_chart(static_cast<std::size_t>(state.range(0)));
  const ChartHeading heading = chart_heading(c.g, std::nullopt);
  std::size_t bytes = 0;
  for (auto _ : state) {
    CountingBuf buf;
    std::ostream out(&buf);
    write_svg(out, c.g, c.layout, heading);
    bytes = buf.count;
  }
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["bytes_per_unit"] = static_cast<double>(bytes) / static_cast<double>(state.range(0));
}
BENCHMARK(BM_SvgWrite)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_SvgRaster(benchmark::State& state, Format format) {
  const Chart c = random_chart(static_cast<std::size_t>(state.range(0)));
  RenderOptions o;
  o.dpi = 24;  // a 10k chart at 96 dpi is past what a bitmap holds
  std::size_t bytes = 0;
  for (auto _ : state) bytes = render_chart(c.g, c.layout, format, o).size();
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK_CAPTURE(BM_SvgRaster, png, Format::kPng)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_SvgRaster, pdf, Format::kPdf)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
