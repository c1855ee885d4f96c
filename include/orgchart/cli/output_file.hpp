#pragma once
/// Writes every output of a run, all or nothing (README "Safety"): regular files are staged in temporaries beside
/// their targets, synced, then renamed over them together; devices, FIFOs and standard output are written directly.
#include <ostream>
#include <string>
#include <vector>

namespace orgchart {

/// One output: where it goes ("-" = standard output) and its bytes.
struct Output {
  std::string path;
  std::string bytes;
};

/// Writes every output or, on any failure, none of the files. Standard output goes to `out`. A file keeps the mode
/// (and, where allowed, the owner) of the file it replaces; a new one gets 0666 minus the umask. `inputs` are the
/// files read by this run: an output that is one of them is refused (UsageError). SIGINT, SIGTERM, SIGHUP, SIGQUIT
/// and SIGPIPE while temporaries exist remove them. Throws IoError naming the path and the reason.
void write_outputs(const std::vector<Output>& outputs, std::ostream& out, const std::vector<std::string>& inputs = {});

}  // namespace orgchart
