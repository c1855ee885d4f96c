#include "orgchart/cli/output_file.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <set>
#include <sstream>
#include <streambuf>
#include <vector>

#include "orgchart/cli/output_target.hpp"
#include "orgchart/error.hpp"

namespace orgchart {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path, int err) {
  throw IoError("cannot " + what + " '" + path + "': " + std::strerror(err));
}

// ---- Temporaries that a signal must not leave behind -------------------------------------------------------------
// A signal handler may only call async-signal-safe functions: it walks a list of C strings and unlinks them.
// The list changes only while those signals are blocked, so the handler never sees it half-built.

struct Pending {
  std::unique_ptr<char[]> path;
  volatile sig_atomic_t live = 0;
  Pending* next = nullptr;
};

std::atomic<Pending*> g_pending{nullptr};
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
static_assert(std::atomic<Pending*>::is_always_lock_free);

extern "C" void remove_pending_and_reraise(int sig) {
  for (Pending* p = g_pending.load(); p; p = p->next)
    if (p->live) ::unlink(p->path.get());
  ::signal(sig, SIG_DFL);
  ::raise(sig);  // delivered when the handler returns: the process ends as the signal meant
}

/// Blocks the cleanup signals for its lifetime (creating, registering and committing are atomic for them).
class SignalBlock {
 public:
  SignalBlock() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : kSignals) sigaddset(&set, s);
    ::sigprocmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalBlock() { ::sigprocmask(SIG_SETMASK, &old_, nullptr); }
  SignalBlock(const SignalBlock&) = delete;
  SignalBlock& operator=(const SignalBlock&) = delete;

 private:
  sigset_t old_;
};

/// Installs the cleanup handler (except where a signal is ignored, as under nohup) and empties the list at the end.
class PendingFiles {
 public:
  PendingFiles() {
    for (std::size_t i = 0; i < std::size(kSignals); ++i) {
      struct sigaction sa {};
      sa.sa_handler = remove_pending_and_reraise;
      sigemptyset(&sa.sa_mask);
      for (int s : kSignals) sigaddset(&sa.sa_mask, s);
      struct sigaction old {};
      ::sigaction(kSignals[i], nullptr, &old);
      installed_[i] = old.sa_handler != SIG_IGN;
      if (installed_[i]) ::sigaction(kSignals[i], &sa, &old_[i]);
    }
  }
  ~PendingFiles() {
    SignalBlock block;
    for (std::size_t i = 0; i < std::size(kSignals); ++i)
      if (installed_[i]) ::sigaction(kSignals[i], &old_[i], nullptr);
    Pending* p = g_pending.exchange(nullptr);
    while (p) {
      Pending* next = p->next;
      delete p;
      p = next;
    }
  }
  PendingFiles(const PendingFiles&) = delete;
  PendingFiles& operator=(const PendingFiles&) = delete;

  /// Call with the signals blocked.
  Pending* add(const std::string& path) {
    auto p = std::make_unique<Pending>();
    p->path = std::make_unique<char[]>(path.size() + 1);
    std::memcpy(p->path.get(), path.c_str(), path.size() + 1);
    p->live = 1;
    p->next = g_pending.load();
    g_pending.store(p.get());
    return p.release();
  }

 private:
  bool installed_[std::size(kSignals)] = {};
  struct sigaction old_[std::size(kSignals)] = {};
};

// ---- Staging ------------------------------------------------------------------------------------------------------

std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string name_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// `.NAME.tmp-XXXXXX` in the target's folder, NAME shortened (at a UTF-8 boundary) so that it fits NAME_MAX.
std::string temporary_template(const std::string& path) {
  const std::string folder = folder_of(path);
  std::string name = name_of(path);
  const long limit = ::pathconf(folder.c_str(), _PC_NAME_MAX);
  const std::size_t name_max = limit > 0 ? static_cast<std::size_t>(limit) : NAME_MAX;
  const std::string suffix = ".tmp-XXXXXX";
  const std::size_t room = name_max > suffix.size() + 2 ? name_max - suffix.size() - 1 : 1;
  if (name.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return (path.find('/') == std::string::npos ? std::string() : folder + "/") + "." + name + suffix;
}

/// Writes all `size` bytes; 0, or the errno of the failure.
int write_bytes(int fd, const char* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

void write_all(int fd, const std::string& bytes, const std::string& given) {
  if (const int err = write_bytes(fd, bytes.data(), bytes.size())) fail("write", given, err);
}

/// A stream buffer over a file descriptor: a writer streams into the temporary in 1 MB blocks. A failed write is
/// kept (error()) and every later one refused, so the writer runs to its end and the caller reports the errno.
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd), buf_(kSize) { setp(buf_.data(), buf_.data() + buf_.size()); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n < static_cast<std::streamsize>(buf_.size()) / 2) return std::streambuf::xsputn(s, n);
    // A large block (a whole PNG, a writer's own buffer) goes straight to the file, not through ours.
    if (!drain()) return 0;
    error_ = write_bytes(fd_, s, static_cast<std::size_t>(n));
    return error_ ? 0 : n;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  static constexpr std::size_t kSize = std::size_t{1} << 20;
  bool drain() {
    if (error_) return false;
    if (pptr() > pbase()) error_ = write_bytes(fd_, pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buf_.data(), buf_.data() + buf_.size());
    return error_ == 0;
  }
  int fd_;
  std::vector<char> buf_;
  int error_ = 0;
};

/// The output's bytes into `fd`: its write function streaming through FdBuf, or its bytes.
void write_output(int fd, const Output& output, const std::string& given) {
  if (!output.write) return write_all(fd, output.bytes, given);
  FdBuf buf(fd);
  std::ostream os(&buf);
  output.write(os);
  os.flush();
  if (buf.error()) fail("write", given, buf.error());
  if (!os) fail("write", given, EIO);
}

struct Staged {
  const OutputTarget* target = nullptr;
  const Output* output = nullptr;
  std::string temp;    ///< the staged temporary, renamed over target->path on commit
  std::string backup;  ///< a second name of the replaced file while the commit may still roll back
  Pending* pending = nullptr;
  Pending* pending_backup = nullptr;
  bool committed = false;
};

mode_t current_umask() {
  const mode_t m = ::umask(0);
  ::umask(m);
  return m;
}

/// Writes `s` into a new temporary beside its target: mode and owner set, data synced. Throws IoError.
void stage(Staged& s, PendingFiles& pending, mode_t umask_bits) {
  const OutputTarget& t = *s.target;
  int fd = -1;
  {
    SignalBlock block;
    std::string tmpl = temporary_template(t.path);
    fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
    if (fd < 0) fail("create a temporary file in the folder of", t.given, errno);
    s.temp = tmpl;
    s.pending = pending.add(s.temp);
  }
  try {
    write_output(fd, *s.output, t.given);
    // Keep the replaced file's owner where we may (root, or a group we are in), then its mode; a new file
    // gets what open(2) would give it: 0666 minus the umask. mkstemp made it 0600.
    if (t.exists && (t.uid != ::geteuid() || t.gid != ::getegid())) {
      if (::fchown(fd, t.uid, t.gid) != 0) (void)::fchown(fd, static_cast<uid_t>(-1), t.gid);
    }
    const mode_t mode = t.exists ? t.mode : (0666 & ~umask_bits);
    if (::fchmod(fd, mode) != 0) fail("set the permissions of", t.given, errno);
    if (::fsync(fd) != 0) fail("write", t.given, errno);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) fail("write", t.given, errno);
}

void remove_staged(std::vector<Staged>& staged) {
  SignalBlock block;
  for (auto& s : staged) {
    if (s.pending && s.pending->live && !s.committed) ::unlink(s.temp.c_str());
    if (s.pending) s.pending->live = 0;
  }
}

/// Writes a stream target: standard output, an open descriptor, a character device or a FIFO.
void write_stream(const OutputTarget& t, const std::string& bytes, std::ostream& out) {
  switch (t.kind) {
    case TargetKind::kStdout:
      errno = 0;
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.flush();
      if (!out) throw IoError("cannot write to standard output" + (errno ? ": " + std::string(std::strerror(errno)) : ""));
      return;
    case TargetKind::kDescriptor:
      write_all(t.fd, bytes, t.given);
      return;
    case TargetKind::kStream: {
      // No O_CREAT, no O_TRUNC: a device or FIFO is written as it is (a FIFO waits for its reader, like `cat >`).
      int fd = -1;
      do fd = ::open(t.path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
      while (fd < 0 && errno == EINTR);
      if (fd < 0) fail("open", t.given, errno);
      try {
        write_all(fd, bytes, t.given);
      } catch (...) {
        ::close(fd);
        throw;
      }
      if (::close(fd) != 0) fail("write", t.given, errno);
      return;
    }
    case TargetKind::kFile: break;
  }
}

/// Renames every staged file over its target; if one rename fails, the ones before it are put back.
void commit(std::vector<Staged>& staged, PendingFiles& pending) {
  SignalBlock block;
  // A second (hard) name for each file about to be replaced, so that a later failure can restore it.
  for (auto& s : staged) {
    if (!s.target->exists) continue;
    std::string name = s.temp;
    name.replace(name.rfind(".tmp-"), 5, ".old-");
    if (::link(s.target->path.c_str(), name.c_str()) == 0) {
      s.backup = name;
      s.pending_backup = pending.add(name);
    }
  }
  for (std::size_t i = 0; i < staged.size(); ++i) {
    Staged& s = staged[i];
    if (::rename(s.temp.c_str(), s.target->path.c_str()) != 0) {
      const int err = errno;
      std::string lost;
      for (std::size_t j = 0; j < i; ++j) {
        Staged& done = staged[j];
        const bool restored = done.backup.empty()
                                  ? (!done.target->exists && ::unlink(done.target->path.c_str()) == 0)
                                  : ::rename(done.backup.c_str(), done.target->path.c_str()) == 0;
        if (done.pending_backup) done.pending_backup->live = 0;  // restored, or the only copy left: keep it
        if (!restored)
          lost += (lost.empty() ? "'" : ", '") + done.target->given + "'" +
                  (done.backup.empty() ? "" : " (its old content is in '" + done.backup + "')");
      }
      for (auto& rest : staged) {
        if (rest.pending && rest.pending->live && !rest.committed) ::unlink(rest.temp.c_str());
        if (rest.pending) rest.pending->live = 0;
        if (rest.pending_backup && rest.pending_backup->live) ::unlink(rest.backup.c_str());
      }
      throw IoError("cannot replace '" + s.target->given + "': " + std::strerror(err) +
                    (lost.empty() ? "; no file was changed" : "; could not restore " + lost));
    }
    s.committed = true;
    s.pending->live = 0;
  }
  for (auto& s : staged)
    if (s.pending_backup) {
      ::unlink(s.backup.c_str());
      s.pending_backup->live = 0;
    }
}

/// Makes the renames durable: each folder that received a file is synced.
void sync_folders(const std::vector<Staged>& staged) {
  std::set<std::string> folders;
  for (const auto& s : staged) folders.insert(folder_of(s.target->path));
  for (const auto& f : folders) {
    const int fd = ::open(f.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail("sync the folder", f, errno);
    // Some file systems cannot sync a folder (EINVAL); there is nothing more to make durable then.
    if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
      const int err = errno;
      ::close(fd);
      fail("sync the folder", f, err);
    }
    ::close(fd);
  }
}

}  // namespace

void write_outputs(const std::vector<Output>& outputs, std::ostream& out, const std::vector<std::string>& inputs) {
  std::vector<std::string> paths;
  for (const auto& o : outputs) paths.push_back(o.path);
  const std::vector<OutputTarget> targets = resolve_outputs(paths, inputs);

  PendingFiles pending;
  const mode_t umask_bits = current_umask();
  std::vector<Staged> staged;
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (targets[i].kind == TargetKind::kFile) {
      Staged s;
      s.target = &targets[i];
      s.output = &outputs[i];
      staged.push_back(std::move(s));
    }
  // 0. A stream's output written by a function is made in memory before anything is written anywhere.
  std::vector<std::string> made(targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (targets[i].kind != TargetKind::kFile && outputs[i].write) {
      std::ostringstream os;
      outputs[i].write(os);
      made[i] = std::move(os).str();
    }
  try {
    // 1. Every file staged (written, or streamed by its function) and synced; 2. the streams, which cannot be
    // taken back, once every file is ready; 3. every file renamed over its target, or none.
    for (auto& s : staged) stage(s, pending, umask_bits);
    for (std::size_t i = 0; i < targets.size(); ++i)
      if (targets[i].kind != TargetKind::kFile)
        write_stream(targets[i], outputs[i].write ? made[i] : outputs[i].bytes, out);
    commit(staged, pending);
  } catch (...) {
    remove_staged(staged);
    throw;
  }
  sync_folders(staged);
}

}  // namespace orgchart
