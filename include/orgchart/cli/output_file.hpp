#pragma once
/// Writes every output of a run, all or nothing (README "Safety"): regular files are staged in temporaries beside
/// their targets, synced, then renamed over them together; devices, FIFOs and standard output are written directly.
#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace orgchart {

/// One output: where it goes ("-" = standard output) and its bytes, or a function that writes them.
struct Output {
  Output() = default;
  Output(std::string path_, std::string bytes_) : path(std::move(path_)), bytes(std::move(bytes_)) {}
  Output(std::string path_, std::function<void(std::ostream&)> write_)
      : path(std::move(path_)), write(std::move(write_)) {}

  std::string path;
  std::string bytes;
  /// When set, the bytes are this function's writing (`bytes` is ignored): a regular file's straight into its
  /// temporary (a chart of a million cards is never one string in memory); a stream's into memory first, so that
  /// a failure while writing leaves nothing half-written there. What it throws fails the whole run.
  std::function<void(std::ostream&)> write;
};

/// Writes every output or, on any failure, none of the files. Standard output goes to `out`. A file keeps the mode
/// (and, where allowed, the owner) of the file it replaces; a new one gets 0666 minus the umask. `inputs` are the
/// files read by this run: an output that is one of them is refused (UsageError). SIGINT, SIGTERM, SIGHUP, SIGQUIT
/// and SIGPIPE while temporaries exist remove them. Throws IoError naming the path and the reason.
void write_outputs(const std::vector<Output>& outputs, std::ostream& out, const std::vector<std::string>& inputs = {});

}  // namespace orgchart
