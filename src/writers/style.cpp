#include "orgchart/writers/style.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "orgchart/error.hpp"
#include "orgchart/model/validate.hpp"

namespace orgchart {

std::string Rgb::hex() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

namespace {

/// A colour table written compactly: white-space separated tokens, where `#rrggbb #rrggbb` is one style (fill,
/// outline) and any other token names the styles after it. Our own constant, so a malformed table is a
/// programming error: it throws at first use (every chart test fails) rather than silently dropping a style.
std::vector<std::pair<std::string, KindStyle>> styles_of(std::string_view table) {
  auto is_hex = [](std::string_view t) {
    return t.size() == 7 && t[0] == '#' &&
           std::all_of(t.begin() + 1, t.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  };
  std::vector<std::pair<std::string, KindStyle>> out;
  std::string name;
  std::vector<std::string_view> pending;  // a fill waiting for its outline
  for (std::size_t at = table.find_first_not_of(" \n"); at != std::string_view::npos;
       at = table.find_first_not_of(" \n", at)) {
    std::size_t end = table.find_first_of(" \n", at);
    if (end == std::string_view::npos) end = table.size();
    const std::string_view token = table.substr(at, end - at);
    at = end;
    if (token[0] != '#') {
      if (!pending.empty()) throw std::logic_error("colour table: a fill without its outline before " + name);
      name = token;
      continue;
    }
    if (!is_hex(token)) throw std::logic_error("colour table: not #rrggbb: " + std::string(token));
    pending.push_back(token);
    if (pending.size() == 2) {
      out.push_back({name, {parse_rgb(std::string(pending[0])), parse_rgb(std::string(pending[1]))}});
      pending.clear();
    }
  }
  if (!pending.empty()) throw std::logic_error("colour table: a fill without its outline at the end");
  return out;
}

}  // namespace

const KindStyle& kind_style(const std::string& kind) {
  // Light fills keep 12 pt dark text readable (L* >= 74); borders are the saturated version of each hue. The
  // fills are chosen so that any two differ by CIEDE2000 >= 10 (tests/scripts/test_chart_geometry.py), and
  // within one outline style (kind_outline) by L* >= 4, so that greyscale print keeps them apart.
  static const auto kStyles = [] {
    std::map<std::string, KindStyle> out;
    for (auto& [name, style] : styles_of(
      "party-organ   #e1b0a2 #990000\n"
      "government    #bcb6ca #513b8c\n"
      "ministry      #cbe0fe #0b5394\n"
      "commission    #fbcfab #b45f06\n"
      "department    #e8f4b8 #bf9000\n"
      "bureau        #aeeade #38761d\n"
      "office        #9fbfb8 #134f5c\n"
      "committee     #d6acce #741b47\n"
      "institution   #e8fee9 #1155cc\n"
      "enterprise    #fce29f #7f6000\n"
      "association   #c6cab8 #6a3d9a\n"
      "foundation    #daf9ff #0b6e4f\n"
      "think-tank    #bfc6cb #a04000\n"
      "school        #b9f5c4 #4f7a28\n"
      "university    #a0cee0 #2f4b7c\n"
      "media         #eacad1 #9c2a4d\n"
      "front         #e1d3ca #333333\n"
      "organization  #fef6db #666666\n"
      // People cards stay white, as in the HR charts users know; a position (vacant or not) is a shade off.
      "person        #ffffff #4a5a6a\n"
      "position      #eee8fe #4a5a6a\n"))
      out.emplace(std::move(name), style);
    return out;
  }();
  auto it = kStyles.find(kind);
  return it == kStyles.end() ? kStyles.at("organization") : it->second;
}

Outline kind_outline(const std::string& kind) {
  // Four outline styles spread over the kinds so that kinds of similar lightness differ in outline. (No double
  // periphery: Graphviz draws it outside the box, where routes and neighbours are.)
  static const std::map<std::string, Outline> kOutlines = {
      {"party-organ", Outline::kSolid},  {"government", Outline::kThickDotted}, {"ministry", Outline::kSolid},
      {"commission", Outline::kThick},   {"department", Outline::kSolid},  {"bureau", Outline::kThickDotted},
      {"office", Outline::kThick},       {"committee", Outline::kDotted},  {"institution", Outline::kThickDotted},
      {"enterprise", Outline::kDotted},  {"association", Outline::kThick}, {"foundation", Outline::kDotted},
      {"think-tank", Outline::kThickDotted},  {"school", Outline::kThick},      {"university", Outline::kDotted},
      {"media", Outline::kThickDotted},       {"front", Outline::kDotted},      {"organization", Outline::kThick},
      {"person", Outline::kSolid},       {"position", Outline::kThickDotted},
  };
  auto it = kOutlines.find(kind);
  return it == kOutlines.end() ? Outline::kSolid : it->second;
}

const char* outline_name(Outline o) {
  switch (o) {
    case Outline::kSolid: return "solid";
    case Outline::kThickDotted: return "thick-dotted";
    case Outline::kThick: return "thick";
    case Outline::kDotted: return "dotted";
  }
  return "solid";
}

bool has_kind_style(const std::string& kind) {
  const auto& k = unit_kinds();
  return std::find(k.begin(), k.end(), kind) != k.end();
}

const std::vector<KindStyle>& value_palette() {
  // Hues far apart, fills alternating between lighter and darker tints so that neighbouring values also
  // differ in greyscale; any two fills differ by CIEDE2000 >= 10; outlines are the dark version of each hue.
  // Fill and outline of each hue, in the order used: blue, orange, green, red, purple, brown, pink, teal,
  // yellow, grey, olive, cyan.
  static const auto kPalette = [] {
    std::vector<KindStyle> out;
    for (const auto& [name, style] : styles_of(
      "#c8daf1 #08519c  #f5eed2 #a63603  #93d197 #006d2c  #fedfdd #a50f15  #bfbdda #54278f  #fedcbd #8c510a  "
      "#f3b6db #8e0152  #daf2e2 #01665e  #ffe067 #7a5c00  #f2f1f2 #252525  #d0efa0 #4d6b00  #c9f5ff #015d78"))
      out.push_back(style);
    return out;
  }();
  return kPalette;
}

Rgb parse_rgb(const std::string& hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  auto byte = [&](std::size_t i) {
    return static_cast<std::uint8_t>(i + 1 < hex.size() ? nibble(hex[i]) * 16 + nibble(hex[i + 1]) : 0);
  };
  return {byte(1), byte(3), byte(5)};
}

namespace {

bool has_field(const Unit& u, const std::string& column) {
  static const std::vector<std::string> kFields = {"kind",      "group", "title",  "type", "level",
                                                   "placement", "vacant", "parent", "name", "id"};
  return std::find(kFields.begin(), kFields.end(), column) != kFields.end() || u.attributes.count(column);
}

}  // namespace

std::string ColourScheme::value_of(const Unit& u) const {
  const std::string& c = column_;
  if (c == "kind") return u.kind;
  if (c == "group") return u.group;
  if (c == "title") return u.title;
  if (c == "type") return u.type;
  if (c == "level") return u.level;
  if (c == "placement") return u.placement;
  if (c == "vacant") return u.vacant ? "vacant" : "filled";
  if (c == "parent") return u.parent;
  if (c == "name") return u.name;
  if (c == "id") return u.id;
  auto it = u.attributes.find(c);
  return it == u.attributes.end() ? std::string() : it->second;
}

ColourScheme::ColourScheme(const OrgModel& model, std::string column) : column_(std::move(column)) {
  if (column_.empty()) column_ = "kind";
  if (!model.units.empty() &&
      std::none_of(model.units.begin(), model.units.end(), [&](const Unit& u) { return has_field(u, column_); })) {
    std::vector<std::string> names = {"kind", "group", "title", "type", "level", "placement", "vacant", "parent", "name", "id"};
    for (const auto& u : model.units)
      for (const auto& [k, v] : u.attributes)
        if (std::find(names.begin(), names.end(), k) == names.end()) names.push_back(k);
    const std::string hint = did_you_mean(column_, names);
    std::string msg = "--color-by '" + column_ + "' is not a field or column of the data";
    if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
    else {
      msg += "; use one of:";
      for (const auto& n : names) msg += " " + n;
    }
    throw UsageError(msg);
  }
  std::map<std::string, const ValueStyle*> given;
  for (const auto& s : model.styles) given.emplace(s.value, &s);
  // Values in legend order: known kinds first (in their fixed order), then by first appearance; "" last.
  std::vector<std::string> values;
  std::unordered_map<std::string, char> seen;
  bool empty = false;
  for (const auto& u : model.units) {
    std::string v = value_of(u);
    if (v.empty()) empty = true;
    else if (seen.emplace(v, 1).second) values.push_back(std::move(v));
  }
  if (by_kind()) {
    std::unordered_map<std::string, std::size_t> rank;
    for (std::size_t i = 0; i < unit_kinds().size(); ++i) rank.emplace(unit_kinds()[i], i);
    auto rank_of = [&](const std::string& v) {
      auto it = rank.find(v);
      return it == rank.end() ? rank.size() : it->second;
    };
    std::stable_sort(values.begin(), values.end(),
                     [&](const std::string& a, const std::string& b) { return rank_of(a) < rank_of(b); });
  }
  if (empty) values.emplace_back();
  std::size_t next = 0;
  const auto& palette = value_palette();
  for (const auto& v : values) {
    ColourEntry e;
    e.value = v;
    auto g = given.find(v);
    if (v.empty()) e.style = kind_style("organization");
    else if (by_kind() && has_kind_style(v)) e.style = kind_style(v);
    else if (g == given.end() || g->second->fill.empty() || g->second->outline.empty()) {
      e.style = palette[next % palette.size()];
      e.bold = next >= palette.size();
      ++next;
    }
    if (g != given.end()) {
      if (!g->second->fill.empty()) e.style.fill = parse_rgb(g->second->fill);
      if (!g->second->outline.empty()) e.style.border = parse_rgb(g->second->outline);
    }
    at_.emplace(v, entries_.size());
    entries_.push_back(std::move(e));
  }
}

const ColourEntry& ColourScheme::entry_of(const Unit& u) const {
  static const ColourEntry kNone{"", kind_style("organization"), false};
  auto it = at_.find(value_of(u));
  return it == at_.end() ? kNone : entries_[it->second];
}

const char* change_colour(Change c) {
  return c == Change::kAdded ? kAddedColour : c == Change::kRemoved ? kRemovedColour : kChangedColour;
}

Rgb relation_colour(const std::string& relation) {
  static const std::map<std::string, Rgb> kColours = {
      {"parent", {0x55, 0x55, 0x55}},      {"affiliation", {0x1f, 0x77, 0xb4}}, {"established", {0x2c, 0xa0, 0x2c}},
      {"operates", {0x94, 0x67, 0xbd}},    {"funds", {0xd6, 0x27, 0x28}},       {"secretariat-of", {0x8c, 0x56, 0x4b}},
      {"runs", {0xe3, 0x77, 0xc2}},        {"founded", {0x17, 0xbe, 0xcf}},     {"controls", {0xbc, 0xbd, 0x22}},
      {"oversees", {0xff, 0x7f, 0x0e}},    {"absorbed-into", {0x7f, 0x7f, 0x7f}}, {"role", {0x88, 0x88, 0x88}},
  };
  auto it = kColours.find(relation);
  return it == kColours.end() ? Rgb{0x44, 0x44, 0x88} : it->second;
}

const KindStyle& other_node_style() {
  static const KindStyle kStyle{{0xff, 0xff, 0xff}, {0x88, 0x88, 0x88}};
  return kStyle;
}

}  // namespace orgchart
