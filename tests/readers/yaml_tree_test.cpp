// The tree built from libfyaml's events must be the tree built from yaml-cpp's: the same nodes, texts and marks
// (so that every diagnostic of the YAML reader stays what it was), on every YAML file of the project.
#include "../../src/readers/yaml_tree.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "support/test_support.hpp"

namespace orgchart::detail {
namespace {

namespace fs = std::filesystem;

std::string describe(const YamlNode& n) {
  const auto m = n.Mark();
  std::string kind = !n ? "undefined" : n.IsNull() ? "null" : n.IsScalar() ? "scalar '" + n.Scalar() + "'"
                                     : n.IsMap() ? "map of " + std::to_string(n.size())
                                                 : "sequence of " + std::to_string(n.size());
  return kind + " at " + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

std::string describe_mark(const YamlMark& m) { return std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1); }

/// Walks both trees side by side (a work list, no recursion); returns the first difference, or "".
std::string compare(const YamlNode& a, const YamlNode& b) {
  std::vector<std::pair<YamlNode, YamlNode>> work{{a, b}};
  for (std::size_t visited = 0; !work.empty() && visited < 2000000; ++visited) {
    auto [x, y] = work.back();
    work.pop_back();
    if (describe(x) != describe(y)) return "libfyaml: " + describe(x) + ", yaml-cpp: " + describe(y);
    if (x.IsMap()) {
      auto i = x.begin(), j = y.begin();
      for (; i != x.end(); ++i, ++j) {
        work.emplace_back(i->first, j->first);
        work.emplace_back(i->second, j->second);
      }
    } else if (x.IsSequence()) {
      auto i = x.begin(), j = y.begin();
      for (; i != x.end(); ++i, ++j) work.emplace_back(*i, *j);
    }
  }
  return "";
}

void expect_same(const std::string& text, const std::string& what, int& compared) {
  const YamlParse cpp = parse_yaml_cpp(text);
  const YamlParse fy = parse_yaml_fy(text);
  if (cpp.error_mark || fy.error_mark) return;  // the reader then takes yaml-cpp's word (see yaml_reader.cpp)
  ++compared;
  EXPECT_EQ(compare(fy.tree.root(), cpp.tree.root()), "") << what;
  EXPECT_EQ(fy.documents, cpp.documents) << what;
  EXPECT_EQ(fy.nodes, cpp.nodes) << what;
  EXPECT_EQ(fy.expanded, cpp.expanded) << what;
  EXPECT_EQ(fy.second_document.has_value(), cpp.second_document.has_value()) << what;
  if (fy.second_document && cpp.second_document) {
    EXPECT_EQ(fy.second_document->line, cpp.second_document->line) << what;
  }
  EXPECT_EQ(fy.alias_overflow.has_value(), cpp.alias_overflow.has_value()) << what;
  if (fy.alias_overflow && cpp.alias_overflow) {
    EXPECT_EQ(describe_mark(*fy.alias_overflow), describe_mark(*cpp.alias_overflow)) << what;
  }
}

TEST(YamlTree, LibfyamlBuildsWhatYamlCppBuildsOnTrickyText) {
  int compared = 0;
  const char* texts[] = {
      "units:\n  - id: a\n    parent:\n    kind: x\n  - id: b\n    name:\n",
      "units:\n  - {id: a, name: , kind: \"\"}\n  - [1, 'two', \"th\\\"ree\"]\n",
      "notes: >\n  folded\n  text\nlit: |-\n  a\n  b\nafter: 1\n",
      "- >  # a comment\n  text\n- |2\n   indented\n",
      "a: &x {k: v}\nb: *x\nc: &y [1, 2]\nd: [*y, *y]\ne: !!str 12\nf: ~\ng: null\nh: 'null'\n",
      "title: t\r\nunits:\r\n  - id: a\r\n    name: \"x\"\r\n",
      "? complex\n: value\n\"quoted key\": 1\n'single': 2\n",
      "a: 1\n---\nb: 2\n",
      "--- \na: [x,\n  y]\n...\n",
      "name: 中文 名称\nnative: 'Ελληνικά'\nx: \"\\u00e9\"\n",
      "a:\n",
      "",
      "- a\n-\n- c\n",
  };
  for (const char* t : texts) expect_same(t, t, compared);
  EXPECT_EQ(compared, 13);
}

TEST(YamlTree, LibfyamlBuildsWhatYamlCppBuilds) {
  int compared = 0;
  for (const char* folder : {"tests/data", "data"}) {
    for (const auto& entry : fs::recursive_directory_iterator(test::source_dir() + "/" + folder)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      expect_same(test::read_file(entry.path().string()), entry.path().string(), compared);
    }
  }
  EXPECT_GE(compared, 10);
}

TEST(YamlTree, MarksCountBytesAndTheRootOfNothingIsNull) {
  const YamlParse p = parse_yaml_fy("a: {x: 中文, y: z}\nb:\n");
  ASSERT_FALSE(p.error_mark);
  const YamlNode root = p.tree.root();
  EXPECT_EQ(root["a"]["y"].Mark().column, 18);  // 中文 is 6 bytes, as in yaml-cpp's marks
  EXPECT_EQ(parse_yaml_cpp("a: {x: 中文, y: z}\nb:\n").tree.root()["a"]["y"].Mark().column, 18);
  EXPECT_TRUE(root["b"].IsNull());
  EXPECT_FALSE(root["c"]);
  EXPECT_TRUE(parse_yaml_fy("").tree.root().IsNull());
  EXPECT_TRUE(parse_yaml_fy("# only a comment\n").tree.root().IsNull());
  EXPECT_TRUE(parse_yaml_fy("a: [1, 2").error_mark.has_value());
}

}  // namespace
}  // namespace orgchart::detail
