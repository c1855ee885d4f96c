#include "orgchart/readers/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <utility>

namespace orgchart {

namespace {

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  int release() { return std::exchange(fd, -1); }
};

const char* kind_of(mode_t m) {
  if (S_ISDIR(m)) return "it is a directory, not a data file; name a file in it";
  if (S_ISFIFO(m)) return "it is a FIFO (named pipe), not a regular file";
  if (S_ISCHR(m) || S_ISBLK(m)) return "it is a device, not a regular file";
  if (S_ISSOCK(m)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

/// Opens `path` for reading if it is a regular file of at most `max_bytes`; -1 with the reason in `why`.
int open_regular(const std::string& path, std::string& why, std::uint64_t max_bytes, struct stat& st) {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever, before fstat could refuse it.
  Fd f{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (f.fd < 0) {
    const int e = errno;
    why = e == ENOENT ? "no such file" : e == EACCES ? "permission denied" : std::strerror(e);
    return -1;
  }
  if (::fstat(f.fd, &st) != 0) {
    why = std::strerror(errno);
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    why = kind_of(st.st_mode);
    return -1;
  }
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    why = too_large(max_bytes);
    return -1;
  }
  return f.release();
}

}  // namespace

std::string too_large(std::uint64_t max_bytes) {
  const bool gib = max_bytes >= (std::uint64_t{1} << 30) && max_bytes % (std::uint64_t{1} << 30) == 0;
  return "it is larger than " + std::to_string(gib ? max_bytes >> 30 : max_bytes >> 20) + (gib ? " GiB" : " MiB") +
         ", the most orgchart reads";
}

std::optional<TextFile> read_input_file(const std::string& path, std::string& why) {
  struct stat st {};
  Fd f{open_regular(path, why, kMaxInputBytes, st)};
  if (f.fd < 0) return std::nullopt;
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
    why = too_large(kMaxInputBytes);
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

long StringSource::read(char* buf, std::size_t n) {
  n = std::min(n, text_.size() - at_);
  std::memcpy(buf, text_.data() + at_, n);
  at_ += n;
  return static_cast<long>(n);
}

std::optional<InputStream> InputStream::open(const std::string& path, std::string& why, std::uint64_t max_bytes) {
  struct stat st {};
  const int fd = open_regular(path, why, max_bytes, st);
  if (fd < 0) return std::nullopt;
  return InputStream(fd, max_bytes);
}

InputStream::~InputStream() {
  if (fd_ >= 0) ::close(fd_);
}

long InputStream::read(char* buf, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd_, buf, n);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      why_ = std::strerror(errno);
      return -1;
    }
    got_ += static_cast<std::uint64_t>(got);
    if (got_ > max_) {  // the file grew past the cap while we read it
      why_ = too_large(max_);
      return -1;
    }
    return static_cast<long>(got);
  }
}

std::map<int, std::string> read_lines(ByteSource& source, const std::set<int>& wanted) {
  std::map<int, std::string> out;
  if (wanted.empty()) return out;
  const int last = *wanted.rbegin();
  int line = 1;
  bool keep = wanted.count(1) > 0;
  std::string current;
  char buf[65536];
  for (long n; line <= last && (n = source.read(buf, sizeof buf)) > 0;) {
    for (long i = 0; i < n; ++i) {
      if (buf[i] != '\n') {
        if (keep) current += buf[i];
        continue;
      }
      if (keep) {
        if (!current.empty() && current.back() == '\r') current.pop_back();
        out[line] = std::move(current);
        current.clear();
      }
      if (++line > last) break;
      keep = wanted.count(line) > 0;
    }
  }
  if (keep && line <= last) {
    if (!current.empty() && current.back() == '\r') current.pop_back();
    out[line] = std::move(current);
  }
  return out;
}

}  // namespace orgchart
