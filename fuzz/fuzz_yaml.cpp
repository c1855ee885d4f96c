// libFuzzer harness: the YAML data format through the loader (reader, alias guard, validation, diagnostics).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  orgchart::fuzz::load_as(std::string(reinterpret_cast<const char*>(data), size), "input.yaml");
  return 0;
}
