#include "orgchart/writers/text.hpp"

#include <gtest/gtest.h>

namespace orgchart {
namespace {

TEST(Text, XmlEscapeAndCleaning) {
  EXPECT_EQ(xml_escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(xml_escape(std::string("a\x01\x08\x0b\x1f b\tc\n")), "a b\tc\n");
  EXPECT_EQ(clean_text("bad \xff\xfe utf8"), "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8");
  EXPECT_EQ(clean_text("\xEF\xBF\xBE"), "") << "U+FFFE is not allowed in XML";
  EXPECT_EQ(clean_text("中联部"), "中联部");
}

TEST(Text, WrapsAtSpacesAndCjkAnywhere) {
  EXPECT_EQ(wrap_text("International Department of the Central Committee", 20),
            (std::vector<std::string>{"International", "Department of the", "Central Committee"}));
  EXPECT_EQ(wrap_text("中国共产党中央委员会对外联络部", 10),
            (std::vector<std::string>{"中国共产党", "中央委员会", "对外联络部"}));
  EXPECT_EQ(wrap_text("Averyveryverylongwordthatcannotbreak", 5),
            (std::vector<std::string>{"Averyveryverylongwordthatcannotbreak"}));
  EXPECT_EQ(display_width("中a"), 3u);
}

// Issue 8, finding 9: megabytes of name reached Graphviz's DOT lexer (quadratic) through the card.
TEST(Shorten, CutsAtDisplayWidthWithAnEllipsis) {
  EXPECT_EQ(shorten("short", 10), "short");
  EXPECT_EQ(shorten("0123456789ab", 10), "012345678\u2026");
  EXPECT_EQ(shorten("\u4e2d\u6587\u4e2d\u6587", 5), "\u4e2d\u6587\u2026");  // never inside a character
  EXPECT_EQ(display_width(shorten(std::string(4 << 20, 'x'), 300)), 300u);
}

}  // namespace
}  // namespace orgchart
