#include "orgchart/readers/text_file.hpp"

#include <fstream>
#include <sstream>

namespace orgchart {

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace orgchart
