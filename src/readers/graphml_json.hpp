#pragma once
// JSON in GraphML values (internal to the GraphML reader): the graph's `sources` data.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgchart::detail {

/// A JSON list of flat records, such as the graph's `sources` data (`[{"id": "s1", "title": "..."}]`), each
/// record's scalar fields as text. nullopt when it is not a list, with the reason in `why` (": ..." or " such
/// as ...").
std::optional<std::vector<std::map<std::string, std::string>>> json_records(std::string_view text, std::string& why);

}  // namespace orgchart::detail
