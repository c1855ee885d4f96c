#include "orgchart/error.hpp"

#include <algorithm>

namespace orgchart {

namespace {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.loc.file;
  if (d.loc.line > 0) {
    out += ':' + std::to_string(d.loc.line);
    if (d.loc.column > 0) out += ':' + std::to_string(d.loc.column);
  }
  if (!out.empty()) out += ": ";
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  out += '\n';
  if (!d.source_line.empty()) {
    out.append("    ").append(d.source_line).append("\n");
    if (d.loc.column > 0) {
      // Tabs in the source line keep their width in the caret line so the caret lands under the column.
      out.append("    ");
      for (int i = 0; i + 1 < d.loc.column && i < static_cast<int>(d.source_line.size()); ++i)
        out.push_back(d.source_line[i] == '\t' ? '\t' : ' ');
      out.append("^\n");
    }
  }
  return out;
}

std::string format_diagnostics(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += format_diagnostic(d);
  return out;
}

bool has_errors(const std::vector<Diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

namespace {

std::string summary(const std::vector<Diagnostic>& ds) {
  std::size_t errors = 0;
  for (const auto& d : ds) errors += d.severity == Severity::kError;
  return std::to_string(errors) + (errors == 1 ? " error" : " errors") + " in the input";
}

}  // namespace

ParseError::ParseError(std::vector<Diagnostic> diagnostics)
    : Error(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace orgchart
