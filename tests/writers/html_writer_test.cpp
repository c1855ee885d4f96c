#include "orgchart/writers/html_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "orgchart/cli/export.hpp"
#include "orgchart/readers/yaml_reader.hpp"
#include "orgchart/writers/card.hpp"
#include "orgchart/writers/format.hpp"
#include "support/test_support.hpp"

// The interactive behaviour is tested in a browser (tests/scripts/test_html_chart.sh); here: the page's text.
namespace orgchart {
namespace {

std::string html_of(const OrgGraph& g, const Layout& layout) {
  std::ostringstream out;
  write_html(out, g, layout);
  return out.str();
}

std::string ild_html() {
  const OrgGraph g = build_graph(load_org_file("data/ild.yaml").model);
  return html_of(g, layout_for(g, LayoutEngine::kOrg, PageSize{}));
}

/// Python's html.parser (an HTML tokenizer of its own) reads the page; the script prints what it finds.
test::CommandResult python_check(const std::string& html) {
  const std::string path = test::temp_dir() + "/chart.html";
  test::write_file(path, html);
  const char* script = R"(
import base64, hashlib, json, re, sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.scripts, self.ids, self.meta, self.title = [], [], set(), {}, ""
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "meta" and "http-equiv" in a:
            self.meta[a["http-equiv"]] = a["content"]
        if tag in ("script", "title", "style"):
            self.stack.append([tag, a, ""])
    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2] += data
    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][0] == tag:
            t, a, text = self.stack.pop()
            if t == "script":
                self.scripts.append((a, text))
            elif t == "title" and not self.title:
                self.title = text

text = open(sys.argv[1], encoding="utf-8").read()
p = Page()
p.feed(text)
kinds = [a.get("type", "") for a, _ in p.scripts]
assert kinds == ["application/json", ""], kinds
data = json.loads(p.scripts[0][1])
code = p.scripts[1][1]
csp = p.meta["Content-Security-Policy"]
digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
assert "script-src 'sha256-%s'" % digest in csp, (digest, csp)
assert csp.startswith("default-src 'none'"), csp
# Nothing from the network: the only URLs are XML namespace names.
urls = set(re.findall(r"(?:https?:)?//[A-Za-z0-9.-]+\.[a-z]{2,}[^\s\"'<>)]*", text))
assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}, urls
assert "<?xml" not in text
for k, n in data["nodes"].items():
    assert k in p.ids, "no element for node " + k
    assert n["parent"] is None or k in data["nodes"][n["parent"]]["children"], k
    for c in n["children"]:
        assert data["nodes"][c]["parent"] == k, (k, c)
for k, e in data["edges"].items():
    assert k in p.ids, "no element for edge " + k
    assert e["from"] in data["nodes"] and e["to"] in data["nodes"], k
print(p.title)
print(len(data["nodes"]), len(data["edges"]), sum(e["tree"] for e in data["edges"].values()))
for n in data["nodes"].values():
    print(n["id"], "|", n["name"], "|", ",".join(n["abbreviations"]))
)";
  return test::run("/usr/bin/python3 -c " + test::shell_quote(script) + " " + test::shell_quote(path));
}

TEST(HtmlWriter, IldPageHasTheMapTheSvgAndOnlyOurScript) {
  const OrgGraph g = build_graph(load_org_file("data/ild.yaml").model);
  const std::string html = html_of(g, layout_for(g, LayoutEngine::kOrg, PageSize{}));
  const auto r = python_check(html);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t tree = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph))) tree += g.graph[e].type == EdgeType::kHierarchy;
  const std::string head = g.model.title + "\n" + std::to_string(boost::num_vertices(g.graph)) + " " +
                           std::to_string(boost::num_edges(g.graph)) + " " + std::to_string(tree) + "\n";
  EXPECT_EQ(r.out.substr(0, head.size()), head) << r.out;
  EXPECT_NE(r.out.find("\nild | International Department of the Central Committee of the Chinese Communist Party | "
                       "ILD,Zhonglianbu,中联部\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_EQ(html, ild_html()) << "two runs differ";
}

TEST(HtmlWriter, HostileTextStaysText) {
  const OrgGraph g = test::tricky_graph();  // names such as </text><script>alert(1)</script>
  const std::string html = html_of(g, layout_for(g, LayoutEngine::kOrg, PageSize{}));
  const auto r = python_check(html);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Tricky <b>chart</b> & \"friends\"\n"), std::string::npos) << r.out;  // the <title>, as text
  EXPECT_NE(r.out.find("| </text><script>alert(1)</script> |"), std::string::npos) << r.out;
  // Case-insensitive: exactly our two <script> elements, one </script> each.
  std::string lower = html;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t opens = 0, closes = 0;
  for (auto p = lower.find("<script"); p != std::string::npos; p = lower.find("<script", p + 1)) ++opens;
  for (auto p = lower.find("</script"); p != std::string::npos; p = lower.find("</script", p + 1)) ++closes;
  EXPECT_EQ(opens, 2u);
  EXPECT_EQ(closes, 2u);
}

TEST(HtmlWriter, PersonNodesHangByTheirFirstRole) {
  const OrgGraph g = test::two_hats_graph();
  const auto r = python_check(html_of(g, Layout{}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // 3 nodes; edges a->b, b->Pat (the tree link), a->Pat (a further role, not a tree link).
  EXPECT_EQ(r.out.substr(0, r.out.find('\n', r.out.find('\n') + 1) + 1), "Two hats\n3 3 2\n") << r.out;
}

TEST(HtmlFormat, PickedByExtensionAndName) {
  EXPECT_EQ(format_from_path("out/chart.html"), Format::kHtml);
  EXPECT_EQ(format_from_path("CHART.HTM"), Format::kHtml);
  EXPECT_EQ(format_from_name("html"), Format::kHtml);
  EXPECT_NE(format_names().find("html"), std::string::npos);
}

TEST(HtmlCli, ExportWritesOnePageAndFormatFlagWorks) {
  const std::string dir = test::temp_dir();
  auto r = test::run(test::shell_quote(test::binary()) + " export data/ild.yaml -o " + test::shell_quote(dir + "/c.html"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::read_file(dir + "/c.html"), ild_html());
  r = test::run(test::shell_quote(test::binary()) + " export data/ild.yaml --format html -o -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ild_html());
}

}  // namespace
}  // namespace orgchart
