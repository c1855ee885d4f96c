// libFuzzer harness: any input file. Each input goes through the reader of every extension the loader knows
// (input_extensions()), so a reader added to the loader's table is fuzzed without a harness of its own; and as an
// encyclopedia page (`.wiki`), whose reader is picked by extension and content, not by that table.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const std::string& ext : orgchart::input_extensions()) orgchart::fuzz::load_as(text, "input." + ext);
  orgchart::fuzz::load_as(text, "input.wiki");
  return 0;
}
