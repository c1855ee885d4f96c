// libFuzzer harness: GraphML through the loader (libxml2 SAX, the model builder, JSON sources, validation).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  orgchart::fuzz::load_as(std::string(reinterpret_cast<const char*>(data), size), "input.graphml");
  return 0;
}
