#pragma once
/// Test inputs for layout_tree(): random forests, chains, stars, and a chart shaped like the real ILD data.
#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include "orgchart/layout/tree_layout.hpp"

namespace orgchart::layout_test {

/// Breadth-first random forest: random box sizes, mostly small fan-outs with a few wide ones, a few roots,
/// and (with `groups`) a quarter of the parents splitting their children into labelled blocks.
inline TreeLayoutInput random_input(std::size_t n, unsigned seed, bool groups = true) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  TreeLayoutInput in;
  in.size.resize(n);
  in.children.resize(n);
  for (auto& s : in.size) s = {static_cast<double>(uniform(40, 200)), static_cast<double>(uniform(20, 80))};
  const std::size_t first_roots = n < 10 ? 1 : static_cast<std::size_t>(uniform(1, 3));
  std::size_t next = 0;
  for (; next < std::min(n, first_roots); ++next) in.roots.push_back(next);
  for (std::size_t head = 0; next < n; ++head) {
    if (head == next) in.roots.push_back(next++);  // the forest died out: start another tree
    const int roll = uniform(0, 99);
    const int fanout = roll < 35 ? 0 : roll < 90 ? uniform(1, 6) : roll < 97 ? uniform(7, 20) : uniform(21, 60);
    for (int j = 0; j < fanout && next < n; ++j) in.children[head].push_back(next++);
  }
  if (groups) {
    static const char* kCaptions[] = {"Internal organization", "", "Bureaus", "Directly affiliated units"};
    in.group.assign(n, -1);
    in.group_label.resize(n);
    for (std::size_t p = 0; p < n; ++p) {
      if (in.children[p].size() < 2 || uniform(0, 3) != 0) continue;
      for (std::size_t c : in.children[p]) in.group[c] = uniform(-1, 2);
      for (const char* caption : kCaptions) in.group_label[p].push_back(caption);
      in.group_label[p].resize(static_cast<std::size_t>(uniform(0, 4)));  // some blocks have no caption entry
    }
  }
  return in;
}

inline TreeLayoutInput chain(std::size_t n) {
  TreeLayoutInput in;
  in.size.assign(n, {120, 40});
  in.children.resize(n);
  for (std::size_t v = 1; v < n; ++v) in.children[v - 1].push_back(v);
  in.roots = {0};
  return in;
}

inline TreeLayoutInput star(std::size_t leaves, Size leaf = {120, 40}) {
  TreeLayoutInput in;
  in.size.assign(leaves + 1, leaf);
  in.size[0] = {200, 60};
  in.children.resize(leaves + 1);
  for (std::size_t v = 1; v <= leaves; ++v) in.children[0].push_back(v);
  in.roots = {0};
  return in;
}

/// A forest of many small trees of random sizes (about a fifth of the nodes are roots), each node under a
/// random earlier one; a third of the parents with two or more children put them in up to three blocks.
inline TreeLayoutInput many_trees(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  TreeLayoutInput in;
  in.size.resize(n);
  in.children.resize(n);
  for (auto& s : in.size) s = {static_cast<double>(uniform(60, 220)), static_cast<double>(uniform(24, 90))};
  for (std::size_t v = 0; v < n; ++v) {
    if (v == 0 || uniform(0, 4) == 0) {
      in.roots.push_back(v);
      continue;
    }
    const int parent = uniform(static_cast<int>(in.roots.back()), static_cast<int>(v) - 1);  // in the newest tree
    in.children[static_cast<std::size_t>(parent)].push_back(v);
  }
  in.group.assign(n, -1);
  in.group_label.resize(n);
  for (std::size_t p = 0; p < n; ++p) {
    if (in.children[p].size() < 2 || uniform(0, 2) != 0) continue;
    for (std::size_t c : in.children[p]) in.group[c] = uniform(-1, 2);
    in.group_label[p] = {"Bureaus", "", "Directly affiliated units"};
  }
  return in;
}

/// The ILD chart as the adapter passes it, with the card sizes measured at 12 pt: the Central Committee over
/// the ILD and its 25 units in four captioned blocks, the State Council over the Ministry of Foreign Affairs,
/// three lone units, and the legend as the last root.
struct IldLike {
  TreeLayoutInput input;
  std::size_t ild = 1, legend = 0;
};

inline IldLike ild_like() {
  struct Unit {
    double width, height;
    int group;
  };
  static const Unit kUnits[] = {
      // Internal organization
      {100, 36, 0}, {109, 36, 0}, {118, 36, 0}, {134, 36, 0}, {175, 36, 0}, {97, 36, 0}, {151, 36, 0},
      {178, 36, 0}, {141, 36, 0}, {112, 36, 0}, {181, 36, 0}, {210, 36, 0}, {114, 36, 0}, {97, 36, 0},
      {117, 36, 0}, {196, 56, 0}, {179, 36, 0},
      // Directly affiliated institutions, enterprises, child agencies
      {194, 44, 1}, {198, 36, 1}, {140, 44, 1}, {198, 36, 1}, {206, 36, 2}, {185, 36, 3}, {199, 36, 3}, {204, 36, 3}};
  IldLike f;
  TreeLayoutInput& in = f.input;
  auto add = [&](Size s, int group = -1) {
    in.size.push_back(s);
    in.children.emplace_back();
    in.group.push_back(group);
    in.group_label.emplace_back();
    return in.size.size() - 1;
  };
  const std::size_t cc = add({169, 36});
  f.ild = add({243, 92});
  in.children[cc].push_back(f.ild);
  in.group_label[f.ild] = {"Internal organization", "Directly affiliated institutions",
                           "Directly affiliated enterprises", "Child agencies"};
  for (const Unit& u : kUnits) {
    const std::size_t unit = add({u.width, u.height}, u.group);  // add() grows in.children: index afterwards
    in.children[f.ild].push_back(unit);
  }
  const std::size_t state_council = add({184, 36});
  const std::size_t ministry = add({171, 36});
  in.children[state_council].push_back(ministry);
  in.roots = {cc, state_council};
  for (double w : {175.0, 171.0, 142.0}) in.roots.push_back(add({w, 36}));
  f.legend = add({251, 384});
  in.roots.push_back(f.legend);
  return f;
}

/// A card as our renderer measures the generated names at 12 pt: 100..210 pt wide (the ILD's cards measure
/// 97..243), one line (36 pt) mostly, two (44) or three (56) lines sometimes.
inline Size card(std::mt19937& rng) {
  const int lines = std::uniform_int_distribution<int>(0, 9)(rng);
  return {static_cast<double>(std::uniform_int_distribution<int>(100, 210)(rng)), lines < 7 ? 36.0 : lines < 9 ? 44.0 : 56.0};
}

/// Adds a node of card size under `parent` (or as a root when parent == SIZE_MAX); returns it.
inline std::size_t add_card(TreeLayoutInput& in, std::size_t parent, std::mt19937& rng) {
  in.size.push_back(card(rng));
  in.children.emplace_back();
  const std::size_t v = in.size.size() - 1;
  if (parent == SIZE_MAX) in.roots.push_back(v);
  else in.children[parent].push_back(v);
  return v;
}

/// An organisation of `n` units, breadth-first: every unit above depth `max_depth` heads a team of 3..12
/// with probability one half (the chief always).
inline TreeLayoutInput org_tree(std::size_t n, unsigned seed, int max_depth = 10) {
  std::mt19937 rng(seed);
  TreeLayoutInput in;
  std::vector<int> depth{0};
  add_card(in, SIZE_MAX, rng);
  for (std::size_t head = 0; in.size.size() < n; head = head + 1 < in.size.size() ? head + 1 : 0) {
    if (depth[head] >= max_depth || !in.children[head].empty()) continue;
    if (head > 0 && std::uniform_int_distribution<int>(0, 1)(rng) == 0) continue;
    const int team = std::uniform_int_distribution<int>(3, 12)(rng);
    for (int j = 0; j < team && in.size.size() < n; ++j) {
      add_card(in, head, rng);
      depth.push_back(depth[head] + 1);
    }
  }
  return in;
}

/// One parent with `children` children, every other one heading `team` leaves.
inline TreeLayoutInput flat_tree(std::size_t children, std::size_t team, unsigned seed) {
  std::mt19937 rng(seed);
  TreeLayoutInput in;
  const std::size_t root = add_card(in, SIZE_MAX, rng);
  for (std::size_t i = 0; i < children; ++i) {
    const std::size_t c = add_card(in, root, rng);
    if (i % 2 == 0)
      for (std::size_t j = 0; j < team; ++j) add_card(in, c, rng);
  }
  return in;
}

/// A deep, narrow organisation: a line of command `depth` long, each unit on it heading 1..3 more units
/// besides the next one, each of those a small team of 0..8 (fan-out never above 9).
inline TreeLayoutInput deep_tree(std::size_t depth, unsigned seed) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  TreeLayoutInput in;
  std::size_t line = add_card(in, SIZE_MAX, rng);
  for (std::size_t d = 1; d < depth; ++d) {
    const int others = uniform(1, 3), at = uniform(0, others);  // where the next unit of the line stands
    std::size_t next = line;
    for (int j = 0; j <= others; ++j) {
      const std::size_t c = add_card(in, line, rng);
      if (j == at) next = c;
      else
        for (int t = uniform(0, 8); t > 0; --t) add_card(in, c, rng);
    }
    line = next;
  }
  return in;
}

/// An HR export: a chief (with an assistant when `assistant`) over 10..20 managers, each over a team of
/// 3..12; a third of the team members lead a team of 3..12 themselves.
inline TreeLayoutInput hr_tree(unsigned seed, bool assistant) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  TreeLayoutInput in;
  const std::size_t chief = add_card(in, SIZE_MAX, rng);
  if (assistant) {
    add_card(in, chief, rng);
    in.side.assign(in.size.size(), 0);
    in.side.back() = 1;
  }
  for (int m = uniform(10, 20); m > 0; --m) {
    const std::size_t manager = add_card(in, chief, rng);
    for (int t = uniform(3, 12); t > 0; --t) {
      const std::size_t member = add_card(in, manager, rng);
      if (uniform(0, 2) == 0)
        for (int u = uniform(3, 12); u > 0; --u) add_card(in, member, rng);
    }
  }
  if (assistant) in.side.resize(in.size.size(), 0);
  return in;
}

/// `random_input` with assistants: about one parent in five has one to three side children (some heading
/// small subtrees of their own, some in a group).
inline TreeLayoutInput with_assistants(TreeLayoutInput in, unsigned seed) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::size_t n = in.size.size();
  in.side.assign(n, 0);
  for (std::size_t p = 0; p < n; ++p) {
    if (in.children[p].empty() || uniform(0, 4) != 0) continue;
    const int count = std::min<int>(uniform(1, 3), static_cast<int>(in.children[p].size()));
    for (int j = 0; j < count; ++j) in.side[in.children[p][static_cast<std::size_t>(uniform(0, int(in.children[p].size()) - 1))]] = 1;
  }
  return in;
}

}  // namespace orgchart::layout_test
