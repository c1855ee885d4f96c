#include "orgchart/cli/output_target.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>
#include <tuple>

#include "orgchart/error.hpp"

namespace orgchart {

namespace {

[[noreturn]] void io_fail(const std::string& what, const std::string& given, int err) {
  throw IoError("cannot " + what + " '" + given + "': " + std::strerror(err));
}

std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

/// The descriptor a path names by itself (/dev/stdout, /dev/fd/N, /proc/self/fd/N), whatever it points to.
/// Reopening such a path would truncate or replace what the shell set up; writing to the descriptor is what
/// `> file`, `>> file`, pipes and `>(process)` mean.
std::optional<int> descriptor_path(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const char* prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    const std::size_t n = std::strlen(prefix);
    if (path.compare(0, n, prefix) != 0 || path.size() == n) continue;
    int fd = -1;
    const char* first = path.data() + n;
    const char* last = path.data() + path.size();
    auto [end, ec] = std::from_chars(first, last, fd);
    if (ec == std::errc() && end == last && fd >= 0) return fd;
  }
  return std::nullopt;
}

std::string describe(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

/// A file's identity: its device and inode, or for a new file its folder's and its name.
std::tuple<dev_t, ino_t, std::string> file_key(const OutputTarget& t) {
  if (t.exists) return {t.dev, t.ino, std::string()};
  struct stat dir {};
  if (::stat(folder_of(t.path).c_str(), &dir) != 0) return {0, 0, t.path};
  return {dir.st_dev, dir.st_ino, t.path.substr(t.path.rfind('/') == std::string::npos ? 0 : t.path.rfind('/') + 1)};
}

}  // namespace

OutputTarget resolve_output(const std::string& given) {
  OutputTarget t;
  t.given = given;
  if (given == "-") {
    t.kind = TargetKind::kStdout;
    return t;
  }
  if (given.empty()) throw UsageError("-o needs a file name (or - for standard output)");
  if (given.back() == '/')
    throw UsageError("-o '" + given + "' names a folder: give a file name in it, e.g. -o " + given + "chart.svg");
  // Follow symlinks one by one: a descriptor name met on the way is written as a descriptor, and the final
  // file is replaced in its own folder, so the link itself stays a link.
  std::string path = given;
  for (int hops = 0;; ++hops) {
    if (auto fd = descriptor_path(path)) {
      if (*fd == 1) {
        t.kind = TargetKind::kStdout;
        return t;
      }
      if (::fcntl(*fd, F_GETFL) < 0) throw IoError("cannot write '" + given + "': descriptor " + std::to_string(*fd) + " is not open");
      t.kind = TargetKind::kDescriptor;
      t.fd = *fd;
      return t;
    }
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
      const int err = errno;
      if (err != ENOENT) io_fail("write", given, err);
      // A new file: its folder must exist (and be a folder).
      struct stat dir {};
      const std::string folder = folder_of(path);
      if (::stat(folder.c_str(), &dir) != 0) {
        const int derr = errno;
        if (derr == ENOENT || derr == ENOTDIR)
          throw IoError("cannot write '" + given + "': its folder '" + folder + "' does not exist");
        io_fail("write", given, derr);
      }
      if (!S_ISDIR(dir.st_mode))
        throw IoError("cannot write '" + given + "': '" + folder + "' is not a folder");
      t.kind = TargetKind::kFile;
      t.path = path;
      return t;
    }
    if (S_ISLNK(st.st_mode)) {
      if (hops >= 40) io_fail("write", given, ELOOP);
      std::string link(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 4095) + 1, '\0');
      const ssize_t n = ::readlink(path.c_str(), link.data(), link.size());
      if (n < 0) io_fail("read the link", given, errno);
      link.resize(static_cast<std::size_t>(n));
      if (link.empty()) io_fail("read the link", given, ENOENT);
      path = link.front() == '/' ? link : folder_of(path) + "/" + link;
      continue;
    }
    t.path = path;
    t.dev = st.st_dev;
    t.ino = st.st_ino;
    if (S_ISREG(st.st_mode)) {
      // Replacing needs only the folder's permission; like `>`, refuse a file we may not write ourselves.
      if (::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) != 0) io_fail("write", given, errno);
      t.kind = TargetKind::kFile;
      t.exists = true;
      t.mode = st.st_mode & 0777;
      t.uid = st.st_uid;
      t.gid = st.st_gid;
      return t;
    }
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
      t.kind = TargetKind::kStream;
      return t;
    }
    if (S_ISDIR(st.st_mode))
      throw UsageError("-o '" + given + "' is a folder: give a file name in it, e.g. -o " + given + "/chart.svg");
    throw UsageError("-o '" + given + "' is " + describe(st.st_mode) +
                     ": orgchart writes regular files, character devices and FIFOs only");
  }
}

std::vector<OutputTarget> resolve_outputs(const std::vector<std::string>& paths, const std::vector<std::string>& inputs) {
  std::vector<OutputTarget> targets;
  targets.reserve(paths.size());
  for (const auto& p : paths) targets.push_back(resolve_output(p));
  for (const auto& in : inputs) {
    struct stat st {};
    if (::stat(in.c_str(), &st) != 0) continue;  // the reader reports a missing input
    for (const auto& t : targets)
      if ((t.kind == TargetKind::kFile && t.exists) || t.kind == TargetKind::kStream)
        if (t.dev == st.st_dev && t.ino == st.st_ino && S_ISREG(st.st_mode))
          throw UsageError("-o '" + t.given + "' is the input file '" + in +
                           "': writing it would destroy the data; choose another output name");
  }
  // Two names for one file would race each other; a device or standard output may repeat.
  for (std::size_t i = 0; i < targets.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const auto& a = targets[i];
      const auto& b = targets[j];
      if (a.kind != TargetKind::kFile || b.kind != TargetKind::kFile) continue;
      if (file_key(a) == file_key(b)) throw UsageError("-o '" + b.given + "' and -o '" + a.given + "' are the same file: give it once");
    }
  return targets;
}

}  // namespace orgchart
