"""Hostile inputs and outputs (issue 8): runs every case of tests/data/hostile/ and checks that orgchart
answers each with the expected exit code and messages, under a memory cap and a timeout, writing nothing when
it fails and never showing a marker kept outside the folders a case allows.

A case is a folder tests/data/hostile/<finding>-<name>/ with
  run     a bash script, run in a fresh empty folder with ORGCHART (the binary) and CASE (the case folder) in
          its environment; it makes its inputs under ./in/, sends every output to ./out/, and its exit status
          is orgchart's;
  expect  line 1: the expected exit code; each further line: a Python regular expression stderr must match
          (re.search, multi-line); a line starting with '!' is one stderr must NOT match.
A case may put files holding the marker below beside ./in/ (never inside it): the marker must not appear in
stderr, stdout or any file under ./out/.

Limits: 2 GiB of address space (prlimit) and 60 s per case. A sanitized binary (ORGCHART_SANITIZED=1 in the
environment, or one linked with libasan) reserves terabytes of address space, so there the cap is an RSS
watchdog instead: the case is killed, and fails, once its resident memory passes 2 GiB.
Usage: test_hostile.py ORGCHART [CASE_NAME_REGEX]
"""
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join(ROOT, "tests", "data", "hostile")
MARKER = "ORGCHART-SECRET-MARKER-7f3a9c"
MEMORY = 2 << 30
TIMEOUT = 60
INTERNAL_ERROR = 70


def sanitized(binary):
    if os.environ.get("ORGCHART_SANITIZED") == "1":
        return True
    try:
        libs = subprocess.run(["ldd", binary], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "libasan" in libs or "libubsan" in libs


def tree_rss(pid):
    """Resident bytes of `pid` and its descendants (Linux /proc)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    total, work = 0, [pid]
    while work:
        p = work.pop()
        work.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def run_case(binary, case, asan):
    name = os.path.basename(case)
    with open(os.path.join(case, "expect")) as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    expected_code = int(lines[0])
    problems = []
    work = tempfile.mkdtemp(prefix=f"hostile-{name}-")
    try:
        os.makedirs(os.path.join(work, "out"))
        env = dict(os.environ, ORGCHART=binary, CASE=case, MARKER=MARKER)
        cmd = ["bash", os.path.join(case, "run")]
        if not asan:
            cmd = ["prlimit", f"--as={MEMORY}", "--"] + cmd
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        peak, killed = 0, None
        # Output is read by threads so that a chatty case cannot block on a full pipe.
        import threading
        chunks = {"out": [], "err": []}

        def drain(stream, key):
            for block in iter(lambda: stream.read(65536), b""):
                chunks[key].append(block)

        readers = [threading.Thread(target=drain, args=(proc.stdout, "out")),
                   threading.Thread(target=drain, args=(proc.stderr, "err"))]
        for t in readers:
            t.start()
        while proc.poll() is None:
            if time.monotonic() - start > TIMEOUT:
                killed = f"timed out after {TIMEOUT} s"
            elif asan:
                peak = max(peak, tree_rss(proc.pid))
                if peak > MEMORY:
                    killed = f"resident memory passed {MEMORY >> 20} MiB"
            if killed:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                break
            time.sleep(0.05)
        for t in readers:
            t.join()
        code = proc.returncode
        stdout = b"".join(chunks["out"]).decode("utf-8", "replace")
        stderr = b"".join(chunks["err"]).decode("utf-8", "replace")
        elapsed = time.monotonic() - start
        if killed:
            problems.append(killed)
        elif (code < 0 or code >= 128) and code != expected_code:
            # A case may signal orgchart itself on purpose (SIGTERM while staged) and expect 128 + the signal.
            problems.append(f"ended by signal {code if code < 0 else code - 128}")
        elif code == INTERNAL_ERROR:
            problems.append("internal error (exit 70)")
        elif code != expected_code:
            problems.append(f"exit code {code}, expected {expected_code}")
        for pattern in lines[1:]:
            if pattern.startswith("!"):
                if re.search(pattern[1:], stderr, re.M):
                    problems.append(f"stderr matches {pattern[1:]!r}, which it must not")
            elif not re.search(pattern, stderr, re.M):
                problems.append(f"stderr does not match {pattern!r}")
        outputs = []
        for folder, _, files in os.walk(os.path.join(work, "out")):
            # Only regular files: a FIFO or device node a case made as a target is not an output, and opening a
            # FIFO to read it would block for ever.
            outputs += [p for p in (os.path.join(folder, f) for f in files) if stat.S_ISREG(os.lstat(p).st_mode)]
        if code != 0 and outputs:
            problems.append(f"failed but wrote {', '.join(os.path.relpath(o, work) for o in outputs)}")
        leaks = [n for n, text in (("stderr", stderr), ("stdout", stdout)) if MARKER in text]
        for o in outputs:
            try:
                with open(o, "rb") as f:
                    if MARKER.encode() in f.read():
                        leaks.append(os.path.relpath(o, work))
            except OSError:
                pass
        if leaks:
            problems.append(f"the marker from outside the allowed folders shows in {', '.join(leaks)}")
        status = "ok" if not problems else "FAIL"
        print(f"{status}: {name}: exit {code} in {elapsed:.1f} s" + (f", peak RSS {peak >> 20} MiB" if asan else ""))
        for p in problems:
            print(f"    {p}")
        if problems:
            print("    stderr: " + stderr[:2000].replace("\n", "\n            "))
        return not problems
    finally:
        # A case may leave folders without write permission behind.
        subprocess.run(["chmod", "-R", "u+rwx", work], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "orgchart"))
    only = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
    asan = sanitized(binary)
    if asan:
        print("sanitized binary: memory capped by an RSS watchdog instead of prlimit --as")
    cases = sorted(os.path.join(CASES, d) for d in os.listdir(CASES)
                   if os.path.isfile(os.path.join(CASES, d, "run")) and (not only or only.search(d)))
    if not cases:
        print("FAIL: no cases")
        return 1
    failed = [c for c in cases if not run_case(binary, c, asan)]
    print(f"{len(cases) - len(failed)} of {len(cases)} hostile cases ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
