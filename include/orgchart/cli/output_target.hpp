#pragma once
/// What an `-o` path names, found before anything is rendered or written (README "Safety").
#include <sys/types.h>

#include <string>
#include <vector>

namespace orgchart {

enum class TargetKind {
  kStdout,      ///< "-", /dev/stdout, /dev/fd/1, /proc/self/fd/1: the stream run_cli was given
  kDescriptor,  ///< /dev/stderr, /dev/fd/N, /proc/self/fd/N: written straight to that open descriptor
  kStream,      ///< a character device or a FIFO (through any symlinks): opened and written, never replaced
  kFile,        ///< a regular file, existing or new: staged beside it, then renamed over it
};

struct OutputTarget {
  std::string given;     ///< the path as the user wrote it (for messages)
  TargetKind kind = TargetKind::kFile;
  std::string path;      ///< kStream/kFile: the path to open or replace, symlinks resolved
  int fd = -1;           ///< kDescriptor: the descriptor
  bool exists = false;   ///< kFile: the file exists (its mode and owner are kept)
  mode_t mode = 0;       ///< kFile and exists: its permission bits
  uid_t uid = 0;
  gid_t gid = 0;
  dev_t dev = 0;         ///< kStream, or kFile that exists: identity, to refuse an output that is an input
  ino_t ino = 0;
};

/// Resolves one `-o` path. A symlink is followed to the file it names (which is then replaced in its own folder).
/// Throws UsageError for a folder (or a path ending in '/'), a block device or a socket; IoError if it cannot look.
OutputTarget resolve_output(const std::string& given);

/// Resolves every output and refuses (UsageError) one that is the same file as an input (device and inode, through
/// any path or link) or the same file as another output.
std::vector<OutputTarget> resolve_outputs(const std::vector<std::string>& paths, const std::vector<std::string>& inputs);

}  // namespace orgchart
