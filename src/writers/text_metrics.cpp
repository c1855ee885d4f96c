#include "orgchart/writers/text_metrics.hpp"

#include <pango/pangocairo.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "orgchart/writers/card.hpp"
#include "orgchart/writers/dot_writer.hpp"
#include "orgchart/writers/graphviz.hpp"
#include "orgchart/writers/number.hpp"
#include "orgchart/writers/style.hpp"
#include "orgchart/writers/text.hpp"

namespace orgchart {

namespace {

// Graphviz's pango plugin (plugin/pango/gvtextlayout_pango.c): a cairo font map at 96 dpi, full hinting with
// hinted metrics, and a span's width rounded up as (int)(width * 72 / (96 * PANGO_SCALE) + 1).
constexpr double kFontDpi = 96;
constexpr double kPictureSize = 40;    // dot_writer.cpp: the photo or initials badge of a person card
constexpr double kPictureSpacing = 6;  // its table's CELLSPACING
constexpr double kPointsPerUnit = 72.0 / (kFontDpi * PANGO_SCALE);

double graphviz_round(long units) { return units == 0 ? 0 : static_cast<int>(units * kPointsPerUnit + 1); }

/// One pango context set up as Graphviz sets up its own, and the caches measured through it.
class Measurer {
 public:
  Measurer() {
    font_map_ = pango_cairo_font_map_new();
    context_ = pango_font_map_create_context(font_map_);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_FULL);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_ON);
    cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_BGR);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(context_, kFontDpi);
    layout_ = pango_layout_new(context_);
  }
  ~Measurer() {
    g_object_unref(layout_);
    g_object_unref(context_);
    g_object_unref(font_map_);
    for (auto& [key, desc] : fonts_) pango_font_description_free(desc);
  }
  Measurer(const Measurer&) = delete;
  Measurer& operator=(const Measurer&) = delete;

  /// Logical width of the whole text in pango units, one layout.
  long exact_units(std::string_view text, const TextStyle& style) {
    pango_layout_set_font_description(layout_, font(style));
    pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
    PangoRectangle logical;
    pango_layout_get_extents(layout_, nullptr, &logical);
    return logical.width;
  }

  /// The same width from cached parts: each word (text between spaces) measured whole once, digit runs and the
  /// spaces from glyph advances and pair adjustments; the whole text (cached) when it holds a character whose
  /// shape depends on its neighbours.
  long units(std::string_view text, const TextStyle& style) {
    const int key = style_key(style);
    long total = 0;
    std::uint32_t prev = 0;  // the last character before the current word, for the pair across a space
    for (std::size_t i = 0; i < text.size();) {
      if (text[i] == ' ') {
        total += advance(' ', style, key);
        if (prev) total += pair(prev, ' ', style, key);
        prev = ' ';
        ++i;
        continue;
      }
      std::size_t end = text.find(' ', i);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view word = text.substr(i, end - i);
      bool digits = true, plain = true;
      std::uint32_t first = 0, last = 0;
      for (std::size_t j = 0; j < word.size();) {
        std::size_t n = utf8_sequence_length(word, j);
        if (n == 0) n = 1;
        const std::uint32_t c = decode(word.substr(j, n));
        if (!first) first = c;
        last = c;
        digits = digits && c >= '0' && c <= '9';
        plain = plain && simple(c);
        j += n;
      }
      if (!plain) return whole(text, style, key);
      if (prev) total += pair(prev, first, style, key);
      // Digit runs (numbers, codes) are as many as the units and have no kerning: their advances add up.
      if (digits) {
        for (std::size_t j = 0; j < word.size(); ++j) total += advance(static_cast<unsigned char>(word[j]), style, key);
      } else {
        total += cached_word(word, style, key);
      }
      prev = last;
      i = end;
    }
    return total;
  }

 private:
  static std::uint32_t decode(std::string_view s) {
    const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i])); };
    switch (s.size()) {
      case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
      case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
      case 4: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
      default: return b(0);
    }
  }

  /// Scripts whose glyphs do not change with their neighbours beyond pair kerning: Latin, Greek, Cyrillic,
  /// general punctuation, CJK, kana, Hangul syllables, full-width forms. Everything else is measured whole.
  static bool simple(std::uint32_t c) {
    return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x250) || (c >= 0x370 && c < 0x530 && !(c >= 0x483 && c <= 0x489)) ||
           (c >= 0x1E00 && c < 0x2000) || (c >= 0x2010 && c < 0x2028) || (c >= 0x2030 && c < 0x2060) ||
           (c >= 0x20A0 && c < 0x20C0) || (c >= 0x2100 && c < 0x2200) || (c >= 0x3000 && c < 0x3100) ||
           (c >= 0x3400 && c < 0x4DC0) || (c >= 0x4E00 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7A4) ||
           (c >= 0xFF01 && c < 0xFF61);
  }

  static int style_key(const TextStyle& s) {
    return static_cast<int>(s.size * 64) * 4 + (s.bold ? 1 : 0) + (s.italic ? 2 : 0);
  }

  PangoFontDescription* font(const TextStyle& style) {
    const int key = style_key(style);
    auto it = fonts_.find(key);
    if (it != fonts_.end()) return it->second;
    PangoFontDescription* desc = pango_font_description_from_string(kFontFamily);
    pango_font_description_set_size(desc, static_cast<gint>(style.size * PANGO_SCALE));
    if (style.bold) pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD);
    if (style.italic) pango_font_description_set_style(desc, PANGO_STYLE_ITALIC);
    return fonts_.emplace(key, desc).first->second;
  }

  static void append_utf8(std::string& s, std::uint32_t c) {
    if (c < 0x80) s += static_cast<char>(c);
    else if (c < 0x800) {
      s += static_cast<char>(0xC0 | (c >> 6));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      s += static_cast<char>(0xE0 | (c >> 12));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (c >> 18));
      s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    }
  }

  long advance(std::uint32_t c, const TextStyle& style, int key) {
    const std::uint64_t k = (static_cast<std::uint64_t>(key) << 32) | c;
    if (auto it = advances_.find(k); it != advances_.end()) return it->second;
    std::string s;
    append_utf8(s, c);
    return advances_[k] = exact_units(s, style);
  }

  /// What a pair adds to the two advances: kerning, a ligature.
  long pair(std::uint32_t a, std::uint32_t b, const TextStyle& style, int key) {
    const std::uint64_t k = (static_cast<std::uint64_t>(key) << 42) ^ (static_cast<std::uint64_t>(a) << 21) ^ b;
    if (auto it = pairs_.find(k); it != pairs_.end()) return it->second;
    std::string s;
    append_utf8(s, a);
    append_utf8(s, b);
    return pairs_[k] = exact_units(s, style) - advance(a, style, key) - advance(b, style, key);
  }

  long cached_word(std::string_view word, const TextStyle& style, int key) {
    auto& cache = words_[key];
    if (auto it = cache.find(std::string(word)); it != cache.end()) return it->second;
    const long w = exact_units(word, style);
    // Bounded: a text of ever new words (millions of distinct names) measures them without keeping them all.
    if (cache.size() < kMaxCachedWords) cache.emplace(word, w);
    return w;
  }

  long whole(std::string_view text, const TextStyle& style, int key) {
    std::string k = std::to_string(key) + ':';
    k += text;
    if (auto it = whole_.find(k); it != whole_.end()) return it->second;
    const long w = exact_units(text, style);
    if (whole_.size() < kMaxCachedWords) whole_.emplace(std::move(k), w);
    return w;
  }

  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
  PangoLayout* layout_ = nullptr;
  std::unordered_map<int, PangoFontDescription*> fonts_;
  std::unordered_map<std::uint64_t, long> advances_, pairs_;
  std::unordered_map<std::string, long> whole_;
  std::unordered_map<int, std::unordered_map<std::string, long>> words_;
  static constexpr std::size_t kMaxCachedWords = 200000;
};

std::mutex g_mutex;

Measurer& measurer() {
  static Measurer m;
  return m;
}

/// The text Graphviz measures for a card line: what html_text escapes decodes back to this (a word joiner after
/// each backslash).
std::string label_text(const std::string& s) {
  std::string text = clean_text(s);
  for (std::size_t p = 0; (p = text.find('\\', p)) != std::string::npos; p += 4) text.insert(p + 1, kWordJoiner);
  return text;
}

TextStyle line_style(const CardLine& l) {
  TextStyle st;
  st.size = kFontSize;
  if (l.change == Change::kAdded || l.change == Change::kChanged) st.bold = true;
  else if (l.change == Change::kNone) {
    if (l.style == CardLine::Style::kName) st.bold = true;
    if (l.style == CardLine::Style::kSmall) st.size = 10;
    if (l.style == CardLine::Style::kVacant) st.italic = true;
  }
  return st;
}

/// Graphviz's size of an HTML-like text label of these lines (lib/common/htmltable.c, size_html_txt): the
/// widest line; a single line as tall as pango's hinted line, several as tall as the sum of their font sizes
/// when any has a face (bold, italic, a size).
Size text_block(const std::vector<CardLine>& lines) {
  double width = 0, height = 0;
  for (const CardLine& l : lines) {
    const TextStyle st = line_style(l);
    width = std::max(width, text_width(label_text(l.text), st));
    height += st.size;
  }
  return {width, height};
}

}  // namespace

double text_width(std::string_view text, const TextStyle& style) {
  std::lock_guard<std::mutex> lock(g_mutex);
  return graphviz_round(measurer().units(text, style));
}

double text_width_exact(std::string_view text, const TextStyle& style) {
  std::lock_guard<std::mutex> lock(g_mutex);
  return graphviz_round(measurer().exact_units(text, style));
}

CardSizes measure_cards(const OrgGraph& g) {
  CardSizes sizes;
  sizes.cards.resize(boost::num_vertices(g.graph));
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
    Size label = text_block(card_lines(g, v));
    if (card_picture(g, v)) {
      // The picture label (dot_writer.cpp): a borderless table, cell spacing 6, the 40 pt picture left of the text.
      label = {label.width + kPictureSize + 3 * kPictureSpacing,
               std::max(label.height, kPictureSize) + 2 * kPictureSpacing};
    }
    // shapes.c, poly_init: the label plus the node margin (0.12 x 0.06 inch, each side rounded to whole
    // points), at least the default node size (0.75 x 0.5 inch).
    sizes.cards[v] = {std::max(kSmallestCard.width, label.width + 2 * 9), std::max(kSmallestCard.height, label.height + 2 * 4)};
  }
  // The legend is one table of a few rows: Graphviz sizes it (a node of its own, no other).
  const std::string dot = std::string("digraph legend {\n  ") + dot_quote(kLegendNode) + " [shape=plain, fontname=" +
                          dot_quote(kFontFamily) + ", fontsize=" + format_number(kFontSize) + ", label=" +
                          legend_label(g) + "];\n}\n";
  const auto by_name = graphviz_node_sizes(dot);
  if (auto it = by_name.find(kLegendNode); it != by_name.end()) sizes.legend = it->second;
  return sizes;
}

}  // namespace orgchart
