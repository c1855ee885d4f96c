#include "orgchart/writers/text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

#include "orgchart/writers/number.hpp"

namespace orgchart {
namespace {

TEST(Text, XmlEscapeAndCleaning) {
  EXPECT_EQ(xml_escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(xml_escape(std::string("a\x01\x08\x0b\x1f b\tc\n")), "a b\tc\n");
  EXPECT_EQ(clean_text("bad \xff\xfe utf8"), "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8");
  EXPECT_EQ(clean_text("\xEF\xBF\xBE"), "") << "U+FFFE is not allowed in XML";
  EXPECT_EQ(clean_text("中联部"), "中联部");
}

// Issue 11: the writers escape into their output buffer (append_*) instead of building a string per text;
// what they append must be exactly what the string forms return, after whatever the buffer held.
TEST(Text, AppendFormsEscapeAsTheStringForms) {
  const std::string inputs[] = {"",
                                "plain ASCII text, no escapes",
                                "<a href=\"x\">'&'</a> \\N",
                                std::string("ctl\x01\x08\x0b\x1f\x7f tab\tnl\ncr\r", 20),
                                "bad \xff\xfe \xC3( utf8",
                                "\xE2\x80\xA8|\xE2\x80\xA9|\xE2\x80\xA6 \xEF\xBF\xBE \u4e2d </script>"};
  using Append = void (*)(std::string&, std::string_view);
  using Make = std::string (*)(std::string_view);
  const std::pair<Append, Make> forms[] = {{append_xml_escape, xml_escape},
                                           {append_xml_attribute, xml_attribute},
                                           {append_json_quote, json_quote},
                                           {append_dot_quote_body, dot_quote_body},
                                           {append_dot_quote, dot_quote}};
  for (const auto& [append, make] : forms) {
    for (const std::string& in : inputs) {
      std::string buf = "before|";
      append(buf, in);
      EXPECT_EQ(buf, "before|" + make(in)) << in;
    }
  }
  EXPECT_EQ(json_quote(std::string("a\x7f<b", 4)), R"("a\u003cb")") << "DEL is cleaned away, < escaped";
  EXPECT_EQ(xml_escape("x\x7fy"), "xy");
}

TEST(FormatNumber, BufferFormTrimsOnlyDecimals) {
  const std::tuple<double, int, std::string> cases[] = {
      {0.0, 2, "0"},      {-0.0, 2, "0"},           {-0.001, 2, "0"},        {2.5, 2, "2.5"},
      {1.0, 2, "1"},      {-3.14159, 4, "-3.1416"}, {123456.789, 0, "123457"}, {100, 0, "100"},
      {-100, 2, "-100"},  {std::nan(""), 2, "0"}};
  for (const auto& [v, decimals, text] : cases) {
    char buf[kNumberChars];
    EXPECT_EQ(format_number(buf, v, decimals), text) << v << " " << decimals;
    EXPECT_EQ(format_number(v, decimals), text) << v << " " << decimals;
  }
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
