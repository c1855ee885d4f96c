#pragma once
/// The command line: CLI11 fills option structs, one run function per subcommand, errors printed here only.
#include <ostream>

namespace orgchart {

/// Documented exit codes (README "Exit codes").
enum class ExitCode : int {
  kOk = 0,
  kBadData = 1,    ///< the input file has errors (syntax, fields, references, cycles, ...)
  kUsage = 2,      ///< bad command line (unknown option, missing argument, unknown format, unknown --root)
  kIo = 3,         ///< a file could not be read or written
  kRender = 4,     ///< Graphviz could not lay out or render
  kInternal = 70,  ///< a bug: please report it
};

/// Runs `orgchart` with its arguments; returns the exit code.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

inline constexpr const char* kVersion = "0.1.0";

}  // namespace orgchart
