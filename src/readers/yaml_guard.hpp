#pragma once
// What a YAML text would become before it is built: how many documents it holds and how far its aliases would
// expand it. Internal to the readers (the YAML reader, and the GraphML reader's JSON `sources`).
#include <cstddef>
#include <optional>
#include <string>

#include <yaml-cpp/mark.h>

namespace orgchart::detail {

/// Aliases may add this many nodes to a text, or as many as the text has itself, whichever is more: enough for
/// any sharing a data file does, far too few for a "billion laughs" (a few KB expanding to gigabytes).
inline constexpr std::size_t kAliasNodeFloor = 100000;

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
