#include "orgchart/readers/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace orgchart {

namespace {

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

const char* kind_of(mode_t m) {
  if (S_ISDIR(m)) return "it is a directory, not a data file; name a file in it";
  if (S_ISFIFO(m)) return "it is a FIFO (named pipe), not a regular file";
  if (S_ISCHR(m) || S_ISBLK(m)) return "it is a device, not a regular file";
  if (S_ISSOCK(m)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

}  // namespace

std::optional<TextFile> read_input_file(const std::string& path, std::string& why) {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever, before fstat could refuse it.
  Fd f{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (f.fd < 0) {
    const int e = errno;
    why = e == ENOENT ? "no such file" : e == EACCES ? "permission denied" : std::strerror(e);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    why = kind_of(st.st_mode);
    return std::nullopt;
  }
  if (static_cast<unsigned long long>(st.st_size) > kMaxInputBytes) {
    why = "it is larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB, the most orgchart reads";
    return std::nullopt;
  }
  TextFile out;
  out.device = static_cast<std::uint64_t>(st.st_dev);
  out.inode = static_cast<std::uint64_t>(st.st_ino);
  out.text.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  // A regular file may still grow while we read (a log being written): never read past the cap.
  for (;;) {
    if (got == out.text.size()) {
      if (out.text.size() >= kMaxInputBytes + 1) break;
      out.text.resize(std::min(kMaxInputBytes + 1, out.text.size() + 65536));
    }
    const ssize_t n = ::read(f.fd, out.text.data() + got, out.text.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      why = std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got > kMaxInputBytes) {
    why = "it is larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB, the most orgchart reads";
    return std::nullopt;
  }
  out.text.resize(got);
  return out;
}

std::optional<TextFile> read_input_file(const std::string& path, std::vector<Diagnostic>& diags) {
  std::string why;
  auto file = read_input_file(path, why);
  if (!file) diags.push_back({Severity::kError, SourceLoc{path, 0, 0}, "cannot read file: " + why, {}});
  return file;
}

std::optional<std::string> read_text_file(const std::string& path) {
  std::string why;
  auto f = read_input_file(path, why);
  if (!f) return std::nullopt;
  return std::move(f->text);
}

}  // namespace orgchart
