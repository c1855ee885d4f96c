// Inputs that once broke a reader (found by the libFuzzer harnesses in fuzz/, or by hand), kept in
// tests/data/fuzz-regressions/ and loaded through every reader the loader knows, as fuzz/fuzz_input.cpp does:
// each must end in a model or a ParseError, nothing else. (The sanitized `make fuzz` build replays them too:
// fuzz/run.sh seeds every harness with this folder.)
#include <gtest/gtest.h>

#include <filesystem>

#include "orgchart/readers/loader.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

namespace fs = std::filesystem;

TEST(FuzzRegressions, EveryInputEndsInAModelOrAParseError) {
  const fs::path dir = fs::path(test::source_dir()) / "tests/data/fuzz-regressions";
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".md") continue;
    ++count;
    const std::string text = test::read_file(entry.path().string());
    std::vector<std::string> extensions = input_extensions();
    extensions.push_back("wiki");  // as fuzz_input: encyclopedia pages are picked by extension and content
    for (const std::string& ext : extensions) {
      // A folder that does not exist: includes named by the input resolve nowhere, as in the harnesses.
      const std::string name = "/nonexistent-orgchart-fuzz/input." + ext;
      try {
        const ReadResult r = load_org_string(text, name, input_format_for(name, text));
        (void)format_diagnostics(r.diagnostics);
      } catch (const ParseError& e) {
        // Nothing raw from the file reaches the terminal.
        const std::string shown = format_diagnostics(e.diagnostics());
        EXPECT_EQ(shown.find('\0'), std::string::npos) << entry.path() << " as ." << ext;
      } catch (const std::exception& e) {
        ADD_FAILURE() << entry.path() << " as ." << ext << ": " << e.what();
      }
    }
  }
  EXPECT_GT(count, 0);
}

}  // namespace
}  // namespace orgchart
