#include "orgchart/readers/loader.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace orgchart {
namespace {

TEST(Loader, PicksTheReaderFromTheExtension) {
  EXPECT_EQ(input_format_from_path("a/b.graphml"), InputFormat::kGraphml);
  EXPECT_EQ(input_format_from_path("B.GraphML"), InputFormat::kGraphml);
  EXPECT_EQ(input_format_from_path("data/ild.yaml"), InputFormat::kYaml);
  EXPECT_EQ(input_format_from_path("data/ild.yml"), InputFormat::kYaml);
  EXPECT_EQ(input_format_from_path("graphml"), InputFormat::kYaml);  // a name, not an extension
  EXPECT_EQ(input_format_from_path("x.graphml.yaml"), InputFormat::kYaml);
}

TEST(Loader, LoadsGraphmlFilesByTheirExtension) {
  const ReadResult r = load_org_file("tests/data/graphml/gephi-saved.graphml");
  EXPECT_EQ(r.model.units.size(), 3u);
  EXPECT_EQ(r.model.files, (std::vector<std::string>{"tests/data/graphml/gephi-saved.graphml"}));
  // Notes (roots) survive a load without errors.
  EXPECT_EQ(format_diagnostics(r.diagnostics),
            "tests/data/graphml/gephi-saved.graphml:24:1: note: unit 'mfa' has no parent: it is drawn as a separate root\n"
            "    <node id=\"n0\">\n"
            "    ^\n"
            "tests/data/graphml/gephi-saved.graphml:50:1: note: unit 'ciis' has no parent: it is drawn as a separate root\n"
            "    <node id=\"n2\">\n"
            "    ^\n");
}

const char* const kGraphml = R"(<graphml>
  <key id="l" for="node" attr.name="label"/>
  <key id="k" for="node" attr.name="kind"/>
  <key id="p" for="node" attr.name="parent_id"/>
  <graph>
    <node id="a"><data key="l">A</data><data key="k">office</data><data key="p">zz</data></node>
    <node id="b"><data key="l">B</data><data key="k">office</data></node>
  </graph>
</graphml>
)";

TEST(Loader, ValidationErrorsInGraphmlShowTheGraphmlLine) {
  try {
    load_org_string(kGraphml, "t.graphml", InputFormat::kGraphml);
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    // Validation's error, sorted and with its source line; the note about 'b' (a root) is dropped.
    EXPECT_EQ(format_diagnostics(e.diagnostics()),
              "t.graphml:6:67: error: unknown parent 'zz'\n"
              "        <node id=\"a\"><data key=\"l\">A</data><data key=\"k\">office</data><data key=\"p\">zz</data></node>\n"
              "                                                                      ^\n");
  }
}

TEST(Loader, ReaderErrorsInGraphmlAreParseErrorsAndValidationStillRuns) {
  std::string text = kGraphml;
  text.replace(text.find("<node id=\"b\"><data key=\"l\">B</data>"), 35, "<node id=\"b\">");
  try {
    load_org_string(text, "t.graphml", InputFormat::kGraphml);
    FAIL() << "no error";
  } catch (const ValidationError&) {
    FAIL() << "a reader error is a ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(format_diagnostics(e.diagnostics()),
              "t.graphml:6:67: error: unknown parent 'zz'\n"
              "        <node id=\"a\"><data key=\"l\">A</data><data key=\"k\">office</data><data key=\"p\">zz</data></node>\n"
              "                                                                      ^\n"
              "t.graphml:7:5: error: node 'b' has no label; give it a 'label' (or a yEd label)\n"
              "        <node id=\"b\"><data key=\"k\">office</data></node>\n"
              "        ^\n");
  }
}

TEST(Loader, EscapesSourceLineBytesThatAreNotUtf8) {
  // Latin-1: the line with "é" would print as garbage under the error, so it is left out; an ASCII line is not.
  const std::string text =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml>\n"
      "  <key id=\"l\" for=\"node\" attr.name=\"label\"/>\n  <key id=\"k\" for=\"node\" attr.name=\"kind\"/>\n"
      "  <graph>\n"
      "    <node id=\"a\"><data key=\"l\">A</data><data key=\"k\">office</data></node>\n"
      "    <node id=\"a\"><data key=\"l\">Caf\xe9</data><data key=\"k\">caf\xe9</data></node>\n"
      "    <node id=\"c\"><data key=\"l\">C</data><data key=\"k\">office</data></node>\n"
      "    <node id=\"c\"><data key=\"l\">D</data><data key=\"k\">office</data></node>\n"
      "  </graph>\n</graphml>\n";
  try {
    load_org_string(text, "t.graphml", InputFormat::kGraphml);
    FAIL() << "no error";
  } catch (const ParseError& e) {
    const auto& d = e.diagnostics();
    ASSERT_EQ(d.size(), 2u) << format_diagnostics(d);
    EXPECT_EQ(d[0].loc.line, 7);
    // Latin-1 bytes are shown as \\xNN, never raw.
    EXPECT_EQ(d[0].source_line, "    <node id=\"a\"><data key=\"l\">Caf\\xe9</data><data key=\"k\">caf\\xe9</data></node>");
    EXPECT_EQ(d[1].loc.line, 9);
    EXPECT_EQ(d[1].source_line, "    <node id=\"c\"><data key=\"l\">D</data><data key=\"k\">office</data></node>");
  }
}

TEST(Loader, YamlIsTheDefault) {
  const ReadResult r = load_org_string("sources: [{id: s, title: S}]\nunits:\n  - {id: a, name: A, kind: office, sources: [s]}\n",
                                       "t.yaml");
  ASSERT_EQ(r.model.units.size(), 1u);
  EXPECT_EQ(test::errors_of("units:\n  - {id: a, name: A, kind: office, parent: a}\n"),
            "t.yaml:2:44: error: unit 'a' is its own parent; remove 'parent' or name another unit\n"
            "      - {id: a, name: A, kind: office, parent: a}\n"
            "                                               ^\n");
}

TEST(Loader, FormatsWeDoNotReadSayWhatToDoInstead) {
  // A Gephi .gexf or a LibreOffice .ods went to the YAML reader, which answered about YAML ("not a data file")
  // instead of naming the format and the way to a file that is read.
  auto error = [](const std::string& text, const std::string& file) {
    try {
      load_org_string(text, file, input_format_from_path(file));
      return std::string("(no error)");
    } catch (const ParseError& e) {
      return format_diagnostics(e.diagnostics());
    }
  };
  EXPECT_EQ(error("<?xml version=\"1.0\"?><gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"/>", "g.GEXF"),
            "g.GEXF: error: GEXF is one of orgchart's outputs, not an input: save the graph as GraphML (Gephi: File > "
            "Export > Graph file..., type GraphML) and read that\n");
  EXPECT_EQ(error("PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet", "staff.ods"),
            "staff.ods: error: OpenDocument spreadsheets (.ods) are not read: save the sheet as .xlsx (LibreOffice: "
            "File > Save As..., Excel 2007-365) or as CSV (UTF-8) and read that\n");
  EXPECT_NE(error("", "staff.numbers").find("Apple Numbers files are not read"), std::string::npos);
  // A macro-enabled workbook has the parts of any other: it is read as one.
  EXPECT_EQ(input_format_from_path("staff.xlsm"), InputFormat::kXlsx);
}

TEST(Loader, AMissingFileIsAParseError) {
  try {
    load_org_file("tests/data/graphml/no-such-file.graphml");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(format_diagnostics(e.diagnostics()),
              "tests/data/graphml/no-such-file.graphml: error: cannot read file: no such file\n");
  }
}

// Found by fuzz/fuzz_input.cpp: a long line of UTF-8 continuation bytes has no character boundary, and the
// window's end wrapped below zero (heap-buffer-overflow).
TEST(Loader, SourceWindowOnALineWithoutCharacterBoundaries) {
  Diagnostic d{Severity::kError, {"t", 1, 1}, "m", {}};
  set_source_line(d, std::string(143, '\xa0') + "_");
  EXPECT_EQ(d.source_line.substr(0, 8), "\\xa0\\xa0");
  EXPECT_EQ(d.source_line.substr(d.source_line.size() - 3), "...");
  d.loc.column = 140;
  set_source_line(d, std::string(300, '\xa0'));
  EXPECT_EQ(d.source_line.substr(0, 3), "...");
}

// A terminal obeys C1 controls in UTF-8 too (U+009B is CSI, as ESC [): like ESC itself, they are shown as \xNN in
// messages, source lines and file names (an include's name comes from the data).
TEST(Loader, TerminalControlsFromDataAreShownEscaped) {
  Diagnostic d{Severity::kError, {"in\x1b[2J.yaml", 1, 3}, "name 'x\xC2\x9B" "2J\x1b]0;t\x07' \xC2\xA0ok", {}};
  set_source_line(d, "a:\xC2\x85" "b \xC3\xA9");
  EXPECT_EQ(format_diagnostic(d),
            "in\\x1b[2J.yaml:1:3: error: name 'x\\xc2\\x9b2J\\x1b]0;t\\x07' \xC2\xA0ok\n"
            "    a:\\xc2\\x85b \xC3\xA9\n"
            "      ^\n");
  EXPECT_EQ(printable_text("a\nb"), "a\nb");
  EXPECT_EQ(printable_line("a\nb\tc"), "a\\x0ab\tc");
}

}  // namespace
}  // namespace orgchart
