// Timing of layout_tree() on random forests (1k .. 1M nodes): the default (arrangements chosen per parent,
// with the tidy tree's compaction as one more candidate), the tidy compaction alone, and one plain tidy pass;
// on org trees as the page-fit suite generates them; on forests of many small trees (the roots' shelf
// packing), and on an org tree shaped like the real data.
// `cmake --build build --target bench && ./build/orgchart_bench`. Trees are built outside the timed loop.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "layout/tree_layout_inputs.hpp"  // the same inputs the layout tests use
#include "orgchart/layout/tree_layout.hpp"

namespace {

using orgchart::Size;
using orgchart::TreeLayoutInput;
using orgchart::TreeLayoutOptions;

/// An org tree of `n` units, depth at most 6, each unit that has sub-units having 3..30 of them; cards of
/// 110..180 x 36..64 pt; a fifth of the parents list their children under two or three captions.
TreeLayoutInput org_tree(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  TreeLayoutInput in;
  std::vector<int> depth{0};
  in.size.push_back({160, 60});
  in.children.emplace_back();
  in.roots = {0};
  for (std::size_t head = 0; head < in.size.size() && in.size.size() < n; ++head) {
    if (depth[head] >= 6 || (head > 0 && uniform(0, 99) >= 35)) continue;
    const int fanout = uniform(3, 30);
    for (int j = 0; j < fanout && in.size.size() < n; ++j) {
      in.children[head].push_back(in.size.size());
      in.size.push_back({static_cast<double>(uniform(110, 180)), static_cast<double>(uniform(36, 64))});
      in.children.emplace_back();
      depth.push_back(depth[head] + 1);
    }
  }
  const std::size_t units = in.size.size();
  in.group.assign(units, -1);
  in.group_label.resize(units);
  for (std::size_t p = 0; p < units; ++p) {
    if (in.children[p].size() < 4 || uniform(0, 4) != 0) continue;
    const int blocks = uniform(2, 3);
    const std::size_t k = in.children[p].size();
    for (std::size_t i = 0; i < k; ++i) in.group[in.children[p][i]] = static_cast<int>(i * blocks / k);
    in.group_label[p] = {"Functional departments", "Regional bureaus", "Directly affiliated units"};
  }
  return in;
}

void run(benchmark::State& state, const TreeLayoutInput& in, const TreeLayoutOptions& options) {
  std::size_t stacked_rows = 0;
  for (auto _ : state) {
    auto result = orgchart::layout_tree(in, options);
    stacked_rows = result.max_rows_per_column;
    benchmark::DoNotOptimize(result);
  }
  state.SetComplexityN(static_cast<std::int64_t>(in.size.size()));
  state.counters["nodes"] = static_cast<double>(in.size.size());
  state.counters["rows"] = static_cast<double>(stacked_rows);
}

void BM_RandomForest(benchmark::State& state) {
  const TreeLayoutInput in = orgchart::layout_test::random_input(static_cast<std::size_t>(state.range(0)), 42);
  run(state, in, {});
}
// Warm-up first: the first call at 1M nodes also pays for faulting in ~0.5 GB of fresh pages (about 1 s on a
// small VM), which would hide the algorithm's own cost in the fitted order.
BENCHMARK(BM_RandomForest)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->MinWarmUpTime(1)
    ->MinTime(2)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

/// The tidy tree's chart-wide compaction only (the layout before arrangements were chosen per parent).
void BM_RandomForestTidyOnly(benchmark::State& state) {
  const TreeLayoutInput in = orgchart::layout_test::random_input(static_cast<std::size_t>(state.range(0)), 42);
  TreeLayoutOptions options;
  options.choose_arrangements = false;
  run(state, in, options);
}
BENCHMARK(BM_RandomForestTidyOnly)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->MinWarmUpTime(1)
    ->MinTime(2)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

/// Org trees as the page-fit suite generates them (fan-out 3..12, depth up to 10, card sizes), with the
/// arrangement choice (the default).
void BM_OrgTreeArrangements(benchmark::State& state) {
  const TreeLayoutInput in = orgchart::layout_test::org_tree(static_cast<std::size_t>(state.range(0)), 42);
  run(state, in, {});
}
BENCHMARK(BM_OrgTreeArrangements)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->MinWarmUpTime(1)
    ->MinTime(2)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

/// One tidy-tree pass, no search for the column count.
void BM_RandomForestNoCompaction(benchmark::State& state) {
  const TreeLayoutInput in = orgchart::layout_test::random_input(static_cast<std::size_t>(state.range(0)), 42);
  TreeLayoutOptions options;
  options.compact = false;
  run(state, in, options);
}
BENCHMARK(BM_RandomForestNoCompaction)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->MinWarmUpTime(1)
    ->MinTime(2)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

void BM_ManyTrees(benchmark::State& state) {
  const TreeLayoutInput in = orgchart::layout_test::many_trees(static_cast<std::size_t>(state.range(0)), 42);
  run(state, in, {});
}
BENCHMARK(BM_ManyTrees)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->MinWarmUpTime(1)
    ->MinTime(2)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

void BM_OrgTree8000(benchmark::State& state) {
  const TreeLayoutInput in = org_tree(8000, 7);
  run(state, in, {});
}
BENCHMARK(BM_OrgTree8000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
