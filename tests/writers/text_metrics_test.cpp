#include "orgchart/writers/text_metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "orgchart/readers/loader.hpp"
#include "orgchart/writers/dot_writer.hpp"
#include "orgchart/writers/graphviz.hpp"

namespace orgchart {
namespace {

/// The oracle: every card laid out by Graphviz itself ("nop" on our DOT), as the drawing will be.
CardSizes graphviz_sizes(const OrgGraph& g) {
  std::ostringstream dot;
  DotOptions options;
  options.data_attributes = false;
  options.edges = false;
  write_dot(dot, g, Layout{}, options);
  const auto by_name = graphviz_node_sizes(dot.str());
  CardSizes sizes;
  sizes.cards.resize(boost::num_vertices(g.graph));
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph)))
    if (auto it = by_name.find(g.graph[v].id); it != by_name.end()) sizes.cards[v] = it->second;
  if (auto it = by_name.find(kLegendNode); it != by_name.end()) sizes.legend = it->second;
  return sizes;
}

/// A point, and what Graphviz's 5-digit inches (width=2.4861) take from it.
constexpr double kPoint = 1.01;

void expect_as_graphviz(const OrgGraph& g, const std::string& what) {
  const CardSizes ours = measure_cards(g), theirs = graphviz_sizes(g);
  ASSERT_EQ(ours.cards.size(), theirs.cards.size());
  int mismatches = 0;
  for (std::size_t v = 0; v < ours.cards.size(); ++v) {
    const bool ok = std::abs(ours.cards[v].width - theirs.cards[v].width) <= kPoint &&
                    std::abs(ours.cards[v].height - theirs.cards[v].height) <= kPoint;
    if (!ok && ++mismatches <= 10)
      ADD_FAILURE() << what << ": card " << g.graph[v].id << " is " << ours.cards[v].width << " x "
                    << ours.cards[v].height << ", Graphviz draws it " << theirs.cards[v].width << " x "
                    << theirs.cards[v].height;
  }
  EXPECT_EQ(mismatches, 0) << what;
  EXPECT_NEAR(ours.legend.width, theirs.legend.width, kPoint) << what;
  EXPECT_NEAR(ours.legend.height, theirs.legend.height, kPoint) << what;
}

TEST(TextMetrics, CardsAreWithinAPointOfWhatGraphvizDraws) {
  for (const char* file : {"data/ild.yaml", "data/party-state.yaml", "data/examples/people.yaml",
                           "data/examples/acme-staff.csv", "tests/data/yaml/valid/tricky.yaml",
                           "tests/data/yaml/valid/people.yaml"}) {
    const ReadResult r = load_org_file(file);
    for (PeopleMode people : {PeopleMode::kInline, PeopleMode::kNodes}) {
      GraphOptions o;
      o.people = people;
      o.headcount = people == PeopleMode::kNodes;
      expect_as_graphviz(build_graph(r.model, o), std::string(file) + (o.headcount ? " (people as nodes)" : ""));
    }
  }
}

TEST(TextMetrics, CachedGlyphsAddUpToTheWholeText) {
  // Kerning pairs (AV, To, Wa), ligatures (fi, ffl), digits, CJK, Cyrillic, Greek, accents, and text that pango
  // shapes by context (Arabic, Devanagari, an emoji sequence): the cache must give what one layout gives.
  for (const char* text : {"AVATAR Tower Wall fi ffl office", "Ministry of Finance 1234567890", "中共中央组织部",
                           "Министерство финансов", "Υπουργείο Οικονομικών", "Œuvre Ærø Škoda ñandú",
                           "وزارة المالية", "वित्त मंत्रालय", "👩‍👩‍👧 team", "a\\\u2060b <&> \"q\" 'x'"}) {
    for (TextStyle st : {TextStyle{12, false, false}, TextStyle{12, true, false}, TextStyle{10, false, false},
                         TextStyle{12, false, true}}) {
      EXPECT_NEAR(text_width(text, st), text_width_exact(text, st), 1)
          << text << " at " << st.size << (st.bold ? " bold" : "") << (st.italic ? " italic" : "");
    }
  }
  // Seeded random names of the kind a big organisation has: words, numbers, punctuation, in every style.
  const char* words[] = {"Office", "of", "the", "AVP", "Wafer", "Yard", "Tô", "Ltd.", "(HR)", "Δ-team", "Köln",
                         "研究所", "T&A", "\"Q\"", "fjord", "LLC,", "VA", "Ty", "x/y", "n°"};
  unsigned seed = 11;
  for (int i = 0; i < 400; ++i) {
    std::string name;
    for (int k = 0, n = 1 + i % 6; k < n; ++k) {
      seed = seed * 1103515245u + 12345u;
      name += (k ? " " : "") + std::string(words[(seed >> 16) % 20]);
    }
    name += " " + std::to_string(seed % 100000);
    const TextStyle st{i % 3 == 0 ? 10.0 : 12.0, i % 2 == 0, i % 5 == 0};
    EXPECT_NEAR(text_width(name, st), text_width_exact(name, st), 1) << name;
  }
  EXPECT_EQ(text_width("", TextStyle{}), 0);
  EXPECT_GT(text_width("Ministry of Finance", TextStyle{12, true, false}),
            text_width("Ministry of Finance", TextStyle{12, false, false}));
}

}  // namespace
}  // namespace orgchart
