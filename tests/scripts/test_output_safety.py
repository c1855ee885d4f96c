"""How outputs are written (README "Safety"), end to end with the real binary: devices and FIFOs (mknod copies in a
temporary folder, never the real /dev), symlinks, modes and owners, read-only files and folders as an unprivileged
user, all-or-nothing for several outputs (rollback included), signals, standard output. Runs this branch's cases of
tests/data/hostile/ too. Needs root (CI runs as root): it fails, never skips, when it cannot do what it must."""
import glob
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

from common import ROOT, Checker, binary

c = Checker()
BIN = os.path.abspath(binary())
HOSTILE = os.path.join(ROOT, "tests/data/hostile")
DATA = "units:\n  - {id: a, name: A, kind: office}\n  - {id: b, name: B, kind: office, parent: a}\n"
MEMORY_CAP = 2 << 30  # bytes: the hostile cases' limit
TIMEOUT = 120

if os.geteuid() != 0:
    print("FAIL: this test must run as root (mknod, unprivileged user via setpriv, owners); CI runs as root")
    sys.exit(1)
for tool in ("setpriv", "mknod", "strace"):
    if not shutil.which(tool):
        print(f"FAIL: '{tool}' is missing: run scripts/install-deps.sh")
        sys.exit(1)


def sanitized():
    """An ASan build reserves terabytes of address space: `ulimit -v` would kill it at start-up."""
    with open(BIN, "rb") as f:
        return b"__asan_init" in f.read()


SANITIZED = sanitized()


def limits():
    """The memory cap: an address-space limit for a normal build; for ASan, its own allocator limit (see env())."""
    if not SANITIZED:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def env(extra=None):
    e = dict(os.environ)
    if SANITIZED:
        # The same 2 GB cap, enforced by ASan itself: its RSS watchdog and its largest single allocation. Either
        # ends the run with an ASan report, which fails the case (a case must stay well below the cap anyway).
        mb = MEMORY_CAP >> 20
        e["ASAN_OPTIONS"] = ":".join(filter(None, [e.get("ASAN_OPTIONS", ""), f"hard_rss_limit_mb={mb}",
                                                    f"max_allocation_size_mb={mb}"]))
    e.update(extra or {})
    return e


def fresh():
    d = tempfile.mkdtemp(prefix="orgchart-outsafe-")
    os.chmod(d, 0o755)  # the unprivileged user must reach it
    with open(os.path.join(d, "data.yaml"), "w") as f:
        f.write(DATA)
    return d


def run(args, cwd, user=False, stdout=None, umask=None, timeout=TIMEOUT):
    cmd = [BIN, *args]
    if user:
        cmd = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *cmd]

    def pre():
        limits()
        if umask is not None:
            os.umask(umask)

    return subprocess.run(cmd, cwd=cwd, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                          preexec_fn=pre, env=env())


def temporaries(d):
    return [p for p in glob.glob(os.path.join(d, "**", ".*"), recursive=True) if re.search(r"\.(tmp|old)-", p)]


# ---- the hostile cases of this branch (same protocol as tests/scripts/test_hostile.py) ----------------------------
MINE = re.compile(r"^(03|11|12|13|15|low-out)-")
cases = sorted(d for d in os.listdir(HOSTILE) if MINE.match(d))
c.check(len(cases) >= 17, f"this branch's hostile cases are present ({len(cases)})")
for name in cases:
    case = os.path.join(HOSTILE, name)
    work = tempfile.mkdtemp(prefix="orgchart-hostile-")
    lines = open(os.path.join(case, "expect")).read().splitlines()
    try:
        r = subprocess.run(["bash", os.path.join(case, "run")], cwd=work, capture_output=True, timeout=TIMEOUT,
                           preexec_fn=limits, env=env({"ORGCHART": BIN, "CASE": case}))
        err = r.stderr.decode("utf-8", "replace")
        code = r.returncode if r.returncode >= 0 else 128 - r.returncode
        c.check(code == int(lines[0]), f"{name}: exit {code}, expected {lines[0]}: {err[-800:]}")
        for rx in lines[1:]:
            c.check(re.search(rx, err) is not None, f"{name}: stderr lacks /{rx}/: {err[-800:]}")
        c.check("Sanitizer" not in err and "runtime error:" not in err, f"{name}: sanitizer report: {err[-2000:]}")
        if code != 0:
            left = [os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(work, "out")) for f in fs]
            c.check(not left, f"{name}: failed but left files in out/: {left}")
    except subprocess.TimeoutExpired:
        c.check(False, f"{name}: timed out after {TIMEOUT} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)

# ---- devices, FIFOs, standard output --------------------------------------------------------------------------------
d = fresh()
os.mknod(os.path.join(d, "null.svg"), 0o666 | stat.S_IFCHR, os.makedev(1, 3))
r = run(["export", "data.yaml", "-o", "null.svg", "-o", "chart.svg"], d)
c.check(r.returncode == 0, f"-o null.svg (char device): {r.stderr!r}")
st = os.lstat(os.path.join(d, "null.svg"))
c.check(stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3), "the device copy is still the device 1,3")
c.check(temporaries(d) == [], f"no temporaries left: {temporaries(d)}")

# /dev/stdout itself, as an unprivileged user (who could not replace it even if the code tried): reaches stdout.
r = run(["export", "data.yaml", "--format", "dot", "-o", "/dev/stdout"], d, user=True)
c.check(r.returncode == 0 and b"digraph orgchart" in r.stdout, f"-o /dev/stdout reaches stdout: {r.stderr!r}")
c.check(os.path.islink("/dev/stdout"), "/dev/stdout is still a link")
# ... and when stdout is a file, it is written through the descriptor (appending like >>, not replacing). As root,
# only through a copy of the link in our folder: a broken binary must not be able to replace the real /dev/stdout.
os.symlink("/proc/self/fd/1", os.path.join(d, "stdout"))
log = os.path.join(d, "log.txt")
with open(log, "w") as f:
    f.write("before\n")
with open(log, "a") as f:
    r = run(["export", "data.yaml", "--format", "dot", "-o", "stdout"], d, stdout=f)
text = open(log).read()
c.check(r.returncode == 0 and text.startswith("before\n") and "digraph orgchart" in text,
        f"-o /dev/stdout onto >> file appends: {text[:80]!r} {r.stderr!r}")
c.check(os.path.islink(os.path.join(d, "stdout")), "the link to /proc/self/fd/1 is still a link")
# /dev/fd/N of a pipe (as `>(cmd)` gives) is written, not replaced.
rfd, wfd = os.pipe()
p = subprocess.Popen([BIN, "export", "data.yaml", "--format", "json", "-o", f"/dev/fd/{wfd}"], cwd=d, pass_fds=(wfd,),
                     stderr=subprocess.PIPE, env=env())
os.close(wfd)
got = b""
while chunk := os.read(rfd, 65536):
    got += chunk
os.close(rfd)
p.wait(timeout=TIMEOUT)
c.check(p.returncode == 0 and got.lstrip().startswith(b"{"), f"-o /dev/fd/N of a pipe: {p.stderr.read()!r}")
c.check(run(["export", "data.yaml", "--format", "dot", "-o", "/dev/fd/9"], d).returncode == 3,
        "a closed descriptor is an I/O error")

# FIFO: written into, stays a FIFO.
fifo = os.path.join(d, "fifo")
os.mkfifo(fifo)
p = subprocess.Popen([BIN, "export", "data.yaml", "--format", "dot", "-o", "fifo"], cwd=d, stderr=subprocess.PIPE,
                     env=env())
with open(fifo, "rb") as f:
    got = f.read()
p.wait(timeout=TIMEOUT)
c.check(p.returncode == 0 and b"digraph orgchart" in got, "a FIFO's reader gets the chart")
c.check(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO is still a FIFO")

# A block device and a socket are refused (exit 2), untouched.
os.mknod(os.path.join(d, "blk"), 0o600 | stat.S_IFBLK, os.makedev(7, 200))
r = run(["export", "data.yaml", "-o", "blk", "--format", "dot"], d)
c.check(r.returncode == 2 and b"is a block device" in r.stderr, f"block device refused: {r.stderr!r}")
c.check(stat.S_ISBLK(os.lstat(os.path.join(d, "blk")).st_mode), "the block device node is untouched")

# ---- symlinks --------------------------------------------------------------------------------------------------------
os.mkdir(os.path.join(d, "real"))
with open(os.path.join(d, "real/target.dot"), "w") as f:
    f.write("old")
os.chmod(os.path.join(d, "real/target.dot"), 0o640)
os.symlink("real/target.dot", os.path.join(d, "link.dot"))
os.symlink("link.dot", os.path.join(d, "link2.dot"))
r = run(["export", "data.yaml", "-o", "link2.dot"], d)
c.check(r.returncode == 0, f"-o through two links: {r.stderr!r}")
c.check(os.path.islink(os.path.join(d, "link.dot")) and os.path.islink(os.path.join(d, "link2.dot")), "links kept")
c.check("digraph" in open(os.path.join(d, "real/target.dot")).read(), "the final target is written")
c.check(stat.S_IMODE(os.stat(os.path.join(d, "real/target.dot")).st_mode) == 0o640, "the target keeps its mode")
os.symlink("real/new.dot", os.path.join(d, "dangling.dot"))
r = run(["export", "data.yaml", "-o", "dangling.dot"], d)
c.check(r.returncode == 0 and os.path.isfile(os.path.join(d, "real/new.dot")), "a dangling link's target is created")
os.symlink("loop2", os.path.join(d, "loop1"))
os.symlink("loop1", os.path.join(d, "loop2"))
r = run(["export", "data.yaml", "-o", "loop1", "--format", "dot"], d)
c.check(r.returncode == 3 and b"Too many levels of symbolic links" in r.stderr, f"a link loop: {r.stderr!r}")

# ---- modes, owners, permissions (unprivileged user) ---------------------------------------------------------------
u = fresh()
os.chown(u, 65534, 65534)
os.chown(os.path.join(u, "data.yaml"), 65534, 65534)
r = run(["export", "data.yaml", "-o", "new.svg"], u, user=True, umask=0o077)
c.check(r.returncode == 0, f"nobody writes a new file: {r.stderr!r}")
c.check(stat.S_IMODE(os.stat(os.path.join(u, "new.svg")).st_mode) == 0o600, "umask 077 -> 0600")
c.check(os.stat(os.path.join(u, "new.svg")).st_uid == 65534, "owned by the user who ran it")
r = run(["export", "data.yaml", "-o", "new.svg"], u, user=True, umask=0o022)
c.check(stat.S_IMODE(os.stat(os.path.join(u, "new.svg")).st_mode) == 0o600, "an existing 0600 file stays 0600")
ro = os.path.join(u, "readonly.dot")
with open(ro, "w") as f:
    f.write("old")
os.chown(ro, 65534, 65534)
os.chmod(ro, 0o444)
r = run(["export", "data.yaml", "-o", "readonly.dot"], u, user=True)
c.check(r.returncode == 3 and b"Permission denied" in r.stderr, f"a read-only file is not replaced: {r.stderr!r}")
c.check(open(ro).read() == "old" and stat.S_IMODE(os.stat(ro).st_mode) == 0o444, "the read-only file is untouched")
locked = os.path.join(u, "locked")
os.mkdir(locked, 0o755)  # owned by root: nobody may not create files in it
r = run(["export", "data.yaml", "-o", "locked/x.svg"], u, user=True)
c.check(r.returncode == 3 and b"Permission denied" in r.stderr, f"an unwritable folder: {r.stderr!r}")
c.check(os.listdir(locked) == [], "nothing created in the unwritable folder")
# Root replacing nobody's 0640 file keeps owner and mode.
owned = os.path.join(u, "owned.dot")
with open(owned, "w") as f:
    f.write("old")
os.chown(owned, 65534, 65534)
os.chmod(owned, 0o640)
r = run(["export", "data.yaml", "-o", "owned.dot"], u)
st = os.stat(owned)
c.check(r.returncode == 0 and (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o640),
        f"owner and mode kept: {st.st_uid}:{st.st_gid} {oct(st.st_mode)} {r.stderr!r}")
c.check(temporaries(u) == [], f"no temporaries left: {temporaries(u)}")

# ---- all or nothing -----------------------------------------------------------------------------------------------
a = fresh()
for n in ("a.dot", "b.dot"):
    with open(os.path.join(a, n), "w") as f:
        f.write("old " + n)
r = run(["export", "data.yaml", "-o", "a.dot", "-o", "b.dot", "-o", "missing/c.dot"], a)
c.check(r.returncode == 3, f"a missing folder fails the run: {r.stderr!r}")
c.check([open(os.path.join(a, n)).read() for n in ("a.dot", "b.dot")] == ["old a.dot", "old b.dot"], "nothing replaced")
c.check(temporaries(a) == [], f"no temporaries: {temporaries(a)}")
# A rename that fails during the commit (b.dot became a folder while the run waited for a FIFO) puts a.dot back.
os.mkfifo(os.path.join(a, "fifo"))
p = subprocess.Popen([BIN, "export", "data.yaml", "--format", "dot", "-o", "a.dot", "-o", "fifo", "-o", "b.dot"],
                     cwd=a, stderr=subprocess.PIPE, env=env())
deadline = time.time() + TIMEOUT
while len([t for t in temporaries(a) if ".tmp-" in t]) < 2 and time.time() < deadline:
    time.sleep(0.05)
os.remove(os.path.join(a, "b.dot"))
os.makedirs(os.path.join(a, "b.dot", "inside"))
with open(os.path.join(a, "fifo"), "rb") as f:
    f.read()
p.wait(timeout=TIMEOUT)
err = p.stderr.read()
c.check(p.returncode == 3 and b"cannot replace 'b.dot'" in err and b"no file was changed" in err,
        f"a failed commit: {p.returncode} {err!r}")
c.check(open(os.path.join(a, "a.dot")).read() == "old a.dot", "a.dot restored after the failed commit")
c.check(temporaries(a) == [], f"no temporaries or backups: {temporaries(a)}")
# Two names of one file are refused.
r = run(["export", "data.yaml", "-o", "x.dot", "-o", "./x.dot"], a)
c.check(r.returncode == 2 and b"are the same file" in r.stderr, f"one file twice: {r.stderr!r}")

# ---- signals: SIGINT and SIGTERM after staging leave no temporaries --------------------------------------------------
for sig in (signal.SIGINT, signal.SIGTERM):
    s = fresh()
    with open(os.path.join(s, "keep.dot"), "w") as f:
        f.write("old")
    os.mkfifo(os.path.join(s, "fifo"))
    p = subprocess.Popen([BIN, "export", "data.yaml", "--format", "dot", "-o", "keep.dot", "-o", "new.dot", "-o",
                          "fifo"], cwd=s, stderr=subprocess.PIPE, env=env())
    deadline = time.time() + TIMEOUT
    while len(temporaries(s)) < 2 and time.time() < deadline:
        time.sleep(0.05)
    c.check(len(temporaries(s)) == 2, f"{sig.name}: both files were staged")
    p.send_signal(sig)
    p.wait(timeout=TIMEOUT)
    c.check(p.returncode == -sig, f"{sig.name}: the process ended by the signal ({p.returncode})")
    c.check(temporaries(s) == [], f"{sig.name}: temporaries removed: {temporaries(s)}")
    c.check(open(os.path.join(s, "keep.dot")).read() == "old" and not os.path.exists(os.path.join(s, "new.dot")),
            f"{sig.name}: nothing replaced or created")

# ---- standard output errors ---------------------------------------------------------------------------------------
w = fresh()
os.mknod(os.path.join(w, "full"), 0o666 | stat.S_IFCHR, os.makedev(1, 7))
for args in (["validate", "data.yaml"], ["export", "data.yaml", "--format", "dot", "-o", "-"], ["--help"]):
    with open(os.path.join(w, "full"), "wb") as f:
        r = run(args, w, stdout=f)
    c.check(r.returncode == 3 and b"cannot write to standard output" in r.stderr, f"{args} > full: {r.stderr!r}")
with open(os.path.join(w, "full"), "wb") as f:
    r = run(["export", "data.yaml", "-o", "-", "-o", "chart.svg", "--format", "svg"], w, stdout=f)
c.check(r.returncode == 3 and not os.path.exists(os.path.join(w, "chart.svg")),
        "a failed standard output commits no file of the same run")

c.finish()
