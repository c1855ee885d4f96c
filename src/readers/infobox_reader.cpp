#include "orgchart/readers/infobox_reader.hpp"

#include <cctype>

#include "orgchart/readers/infobox_flat.hpp"
#include "orgchart/readers/infobox_wikitext.hpp"

namespace orgchart {

bool is_wikitext_infobox(const std::string& text) {
  for (std::size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 2)) {
    std::size_t i = at + 2;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    static const char kWord[] = "infobox";
    std::size_t k = 0;
    while (k < 7 && i + k < text.size() && std::tolower(static_cast<unsigned char>(text[i + k])) == kWord[k]) ++k;
    if (k == 7) return true;
  }
  return false;
}

ReadResult read_infobox_string(const std::string& text, const std::string& file) {
  return is_wikitext_infobox(text) ? read_wikitext_infobox(text, file) : read_flat_infobox(text, file);
}

}  // namespace orgchart
