#include "orgchart/readers/infobox_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <string_view>
#include <vector>

#include "orgchart/model/org.hpp"

namespace orgchart {

namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

/// A word with its punctuation stripped and lower-cased ("Bureau)," -> "bureau").
std::string bare(std::string_view w) {
  std::string out;
  for (char c : w)
    if (is_alnum(c) || static_cast<unsigned char>(c) >= 0x80) out += lower(c);
  return out;
}

// Head nouns of body names, singular and plural, after the kind they name ("kind: word word ..." a line);
// "agency" is mapped only when the model styles that kind.
constexpr std::string_view kKindWords =
    "ministry: ministry ministries\n"
    "department: department departments directorate division divisions\n"
    "bureau: bureau bureaus bureaux\n"
    "office: office offices room secretariat\n"
    "committee: committee committees\n"
    "commission: commission commissions\n"
    "agency: agency agencies administration service\n"
    "institution: institution institutions institute institutes center centre centers centres\n"
    "enterprise: enterprise enterprises company companies corporation\n"
    "association: association associations society federation league\n"
    "foundation: foundation foundations\n"
    "university: university universities college\n"
    "school: school schools academy\n"
    "media: magazine publishing press newspaper television radio\n"
    "party-organ: party\n"
    "government: council government\n";

/// The kind each head noun names, from kKindWords (parsed once).
const std::map<std::string, std::string>& kind_words() {
  static const auto kWords = [] {
    std::map<std::string, std::string> out;
    for (std::size_t at = 0; at < kKindWords.size();) {
      std::size_t end = kKindWords.find('\n', at);
      if (end == std::string_view::npos) end = kKindWords.size();
      const std::string_view line = kKindWords.substr(at, end - at);
      const std::size_t colon = line.find(':');
      const std::string kind(line.substr(0, colon));
      for (std::string& w : words_of(line.substr(colon + 1))) out.emplace(std::move(w), kind);
      at = end + 1;
    }
    return out;
  }();
  return kWords;
}

std::string kind_of_word(const std::string& w) {
  const auto it = kind_words().find(w);
  if (it == kind_words().end()) return "";
  const auto& kinds = unit_kinds();
  return std::find(kinds.begin(), kinds.end(), it->second) == kinds.end() ? "organization" : it->second;
}

// Words of a rank or office written before a person's name (lower case, punctuation stripped).
constexpr std::array kRankWords = {
    "commissioner", "general",  "minister", "director", "secretary", "chairman",  "chairwoman", "chair",
    "president",    "vice",     "deputy",   "colonel",  "major",     "lieutenant", "admiral",    "marshal",
    "senior",       "chief",    "superintendent", "inspector", "commander", "ambassador", "governor", "mayor",
    "premier",      "dr",       "prof",     "professor", "sir",      "mr",        "mrs",        "ms",
    "lt",           "gen",      "col",      "maj",      "adm",       "police",    "executive",  "head",
    "brigadier",    "captain",  "sergeant", "officer",  "assistant", "first",     "auditor",    "procurator",
};

bool is_rank_word(const std::string& w) {
  return std::find(kRankWords.begin(), kRankWords.end(), w) != kRankWords.end();
}

}  // namespace

std::string slug(std::string_view name) {
  std::string out;
  bool dash = false;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += lower(c);
    } else if (c != '\'') {
      dash = true;
    }
  }
  return out;
}

std::string normalize_name(std::string_view name) {
  std::vector<std::string> words;
  for (const std::string& w : words_of(name)) {
    // Hyphens and slashes separate words; apostrophes do not ("People's" = "Peoples").
    std::string cur;
    for (char c : w) {
      if (c == '-' || c == '/' || c == '&' || c == '+') {
        if (!cur.empty()) words.push_back(std::move(cur));
        cur.clear();
      } else if (is_alnum(c) || static_cast<unsigned char>(c) >= 0x80) {
        cur += lower(c);
      }
    }
    if (!cur.empty()) words.push_back(std::move(cur));
  }
  std::erase_if(words, [](const std::string& w) { return w == "the" || w == "a" || w == "an"; });
  // "X of Y" -> "Y X", for the one "of" only: with two, which phrase nests in which is not safe to guess.
  if (std::count(words.begin(), words.end(), "of") == 1) {
    const auto of = std::find(words.begin(), words.end(), "of");
    if (of != words.begin() && of + 1 != words.end()) {
      std::vector<std::string> swapped(of + 1, words.end());
      swapped.insert(swapped.end(), words.begin(), of);
      words = std::move(swapped);
    }
  }
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string kind_from_words(std::string_view text) {
  const auto words = words_of(text);
  // The head phrase ends at the first word in lower case other than "and" ("Department directly reporting to
  // ...", "Office of ..."); its last kind word is the head noun. Failing that, any kind word, last first.
  std::size_t head_end = 0;
  while (head_end < words.size()) {
    const unsigned char c = static_cast<unsigned char>(words[head_end][0]);
    if (head_end > 0 && std::islower(c) && words[head_end] != "and") break;
    ++head_end;
  }
  for (std::size_t i = head_end; i-- > 0;)
    if (auto k = kind_of_word(bare(words[i])); !k.empty()) return k;
  for (std::size_t i = words.size(); i-- > 0;)
    if (auto k = kind_of_word(bare(words[i])); !k.empty()) return k;
  // Two-word kinds.
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    if (bare(words[i]) == "think" && (bare(words[i + 1]) == "tank" || bare(words[i + 1]) == "tanks")) return "think-tank";
  return "";
}

RankedName split_rank(std::string_view text) {
  const std::string t = collapse_space(text);
  const auto words = words_of(t);
  std::size_t n = 0;
  while (n < words.size() && std::isupper(static_cast<unsigned char>(words[n][0])) && is_rank_word(bare(words[n]))) ++n;
  // "of the ..." continues a title ("Secretary of the Commission Wang Xiaohong") only with a known ending; keep
  // the simple case: rank words only, and at least two words left, all capitalised, for the name.
  if (n == 0 || words.size() - n < 2) return {"", t};
  for (std::size_t i = n; i < words.size(); ++i)
    if (!std::isupper(static_cast<unsigned char>(words[i][0]))) return {"", t};
  RankedName r;
  for (std::size_t i = 0; i < words.size(); ++i) (i < n ? r.title : r.name) += (i == 0 || i == n ? "" : " ") + words[i];
  return r;
}

}  // namespace orgchart
