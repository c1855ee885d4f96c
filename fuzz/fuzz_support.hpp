#pragma once
// What every harness does with an input: load it as the loader would, format every diagnostic (the code that
// echoes source lines), and never write a file. A ParseError is the expected answer to bad input; anything
// else thrown, or any sanitizer report, is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "orgchart/error.hpp"
#include "orgchart/readers/loader.hpp"

namespace orgchart::fuzz {

// A folder that does not exist: includes named by the input resolve nowhere, so nothing outside the input is
// ever read and runs are reproducible.
inline constexpr const char* kFolder = "/nonexistent-orgchart-fuzz/";

inline void load_as(const std::string& text, const std::string& name) {
  try {
    const ReadResult r = load_org_string(text, kFolder + name, input_format_for(name, text));
    (void)format_diagnostics(r.diagnostics);
  } catch (const ParseError& e) {
    (void)format_diagnostics(e.diagnostics());
  }
}

}  // namespace orgchart::fuzz
