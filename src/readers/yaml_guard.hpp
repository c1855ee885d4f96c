#pragma once
// What a YAML text would become before it is built: how many documents it holds and how far its aliases would
// expand it. Internal to the readers (the YAML reader, and the GraphML reader's JSON `sources`).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/mark.h>

namespace orgchart::detail {

/// Aliases may add this many nodes to a text, or as many as the text has itself, whichever is more: enough for
/// any sharing a data file does, far too few for a "billion laughs" (a few KB expanding to gigabytes).
inline constexpr std::size_t kAliasNodeFloor = 100000;

inline std::size_t saturating_add(std::size_t a, std::size_t b) { return a > SIZE_MAX - b ? SIZE_MAX : a + b; }

/// Closes the innermost open collection of both YAML event handlers: its node count goes to its anchor (an
/// alias of it costs that many nodes) and to the collection around it. False when none is open. `Frame` has
/// at least `anchor` and `size`.
template <typename Frame, typename AnchorSizes>
bool close_frame(std::vector<Frame>& frames, AnchorSizes& anchor_sizes, Frame& closed) {
  if (frames.empty()) return false;
  closed = frames.back();
  frames.pop_back();
  if (closed.anchor) anchor_sizes[closed.anchor] = closed.size;
  if (!frames.empty()) frames.back().size = saturating_add(frames.back().size, closed.size);
  return true;
}

/// What the aliases of a text add to it, alias by alias: both YAML parsers' event handlers count with it.
template <typename Mark>
class AliasCount {
 public:
  /// An alias at `mark` that expands to `size` nodes.
  void add(const Mark& mark, std::size_t size) {
    added_ = saturating_add(added_, size);
    aliases_.emplace_back(added_, mark);
  }
  /// For a text of `nodes` nodes: when the aliases expand it past max(kAliasNodeFloor, nodes), `overflow` is
  /// set to the alias that passes that bound and `expanded` to the nodes the text expands to (saturating).
  void check(std::size_t nodes, std::optional<Mark>& overflow, std::size_t& expanded) const {
    const std::size_t bound = std::max(kAliasNodeFloor, nodes);
    if (added_ <= bound) return;
    expanded = saturating_add(nodes, added_);
    for (const auto& [total, mark] : aliases_)
      if (total > bound) {
        overflow = mark;
        return;
      }
  }

 private:
  std::vector<std::pair<std::size_t, Mark>> aliases_;  // nodes added so far, at each alias
  std::size_t added_ = 0;
};

struct YamlShape {
  std::size_t documents = 0;
  std::size_t nodes = 0;                   ///< nodes written in the text (alias uses not counted)
  std::optional<YAML::Mark> second_document;  ///< where a second document starts
  std::optional<YAML::Mark> alias_overflow;   ///< the alias whose expansion passes the bound
  std::size_t expanded = 0;                // nodes the text expands to (saturating), when it overflowed
};

/// Reads the event stream of `text` once, without building a tree (linear in its size). Throws
/// YAML::Exception on a syntax error, as YAML::Load would.
YamlShape yaml_shape(const std::string& text);

}  // namespace orgchart::detail
