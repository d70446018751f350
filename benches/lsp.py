#!/usr/bin/env python3
"""`upstart-tools lsp` against `upstart-lint`, in ONE sequential run, on a
workspace of 300 jobs of ../shared/corpus/upstart (copied to a temporary
directory, never into the repository):

- start-up: from launching the server to the end of its first lint of the
  whole workspace (its log message "linted N job files"), against the
  whole process `upstart-lint DIR`;
- memory: the server's peak RSS with that workspace open (after start-up,
  and after the typing below), against upstart-lint's peak RSS;
- typing: one character inserted or deleted in a typical job (the median
  size of the corpus, with a script block), to the diagnostics of that
  version published (the fast lint; shellcheck follows when the client is
  idle, timed separately).

Each with shellcheck as the default config has it (auto: on when it is on
PATH) and with `shellcheck = "off"` in the workspace's .upstart-lint.toml.
Not part of CI:
    benches/lsp.sh             # builds the release binaries, then runs this
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "upstart")
BIN = os.environ.get("BIN_DIR", os.path.join(ROOT, "target", "release"))
TOOLS = os.path.join(BIN, "upstart-tools")
LINT = os.path.join(BIN, "upstart-lint")
JOBS = int(os.environ.get("JOBS", "300"))
REPS = int(os.environ.get("REPS", "5"))
EDITS = int(os.environ.get("EDITS", "200"))
TIMEOUT = 60


class Server:
    def __init__(self, root):
        self.proc = subprocess.Popen(
            [TOOLS, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, cwd=root)
        self.next_id = 0

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def recv(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            key, _, value = line.decode().partition(":")
            if key.lower() == "content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def wait_for(self, accept):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            msg = self.recv()
            if accept(msg):
                return msg
        raise TimeoutError("no answer in time")

    def request(self, method, params):
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def rss(self):
        """(current, peak) resident set in KiB."""
        fields = {}
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        kib = lambda k: int(fields.get(k, "0 kB").split()[0])
        return kib("VmRSS"), kib("VmHWM")

    def stop(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def workspace(shellcheck):
    root = tempfile.mkdtemp(prefix="lsp-bench-")
    init = os.path.join(root, "init")
    os.makedirs(init)
    names = sorted(n for n in os.listdir(CORPUS) if n.endswith(".conf"))[:JOBS]
    for n in names:
        shutil.copy(os.path.join(CORPUS, n), init)
    if not shellcheck:
        with open(os.path.join(root, ".upstart-lint.toml"), "w") as f:
            f.write('shellcheck = "off"\n')
    return root, init


def typical(init):
    """The job of median size among those with a script block."""
    jobs = []
    for n in sorted(os.listdir(init)):
        text = open(os.path.join(init, n), encoding="utf-8", errors="replace").read()
        if "\nscript" in "\n" + text and "end script" in text:
            jobs.append((len(text), n, text))
    jobs.sort()
    return jobs[len(jobs) // 2]


def start_up(root):
    t0 = time.monotonic()
    s = Server(root)
    s.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + root,
                             "capabilities": {}})
    s.notify("initialized", {})
    msg = s.wait_for(lambda m: m.get("method") == "window/logMessage"
                     and "linted" in m["params"]["message"])
    elapsed = time.monotonic() - t0
    return s, elapsed, msg["params"]["message"]


def lint_process(root):
    t0 = time.monotonic()
    p = subprocess.Popen([LINT, "--format", "concise", "init"], cwd=root,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return time.monotonic() - t0, usage.ru_maxrss


def typing(s, init, shellcheck):
    size, name, text = typical(init)
    uri = "file://" + os.path.join(init, name)
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "upstart", "version": 1, "text": text}})
    s.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
               and m["params"]["uri"] == uri and m["params"].get("version") == 1)
    # A character typed at the end of the description line (or line 1),
    # then deleted: one incremental change each.
    lines = text.split("\n")
    line = next((i for i, l in enumerate(lines) if l.startswith("description")), 0)
    col = len(lines[line].encode("utf-16-le")) // 2
    times = []
    version = 1
    for k in range(EDITS):
        version += 1
        if k % 2 == 0:
            change = {"range": {"start": {"line": line, "character": col},
                                "end": {"line": line, "character": col}}, "text": "x"}
        else:
            change = {"range": {"start": {"line": line, "character": col},
                                "end": {"line": line, "character": col + 1}}, "text": ""}
        t0 = time.monotonic()
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                            "contentChanges": [change]})
        s.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                   and m["params"]["uri"] == uri and m["params"].get("version") == version)
        times.append(time.monotonic() - t0)
    # The idle pass (shellcheck, when on) after the last change.
    if not shellcheck:
        return name, size, times, None
    t0 = time.monotonic()
    try:
        s.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                   and m["params"]["uri"] == uri)
        idle = time.monotonic() - t0
    except TimeoutError:
        idle = None
    return name, size, times, idle


def ms(x):
    return f"{x * 1000:.2f} ms"


def main():
    if not os.path.isdir(CORPUS):
        print(f"skipped: {CORPUS} is absent", file=sys.stderr)
        return 0
    variants = os.environ.get("SHELLCHECK", "auto,off").split(",")
    for shellcheck in [v == "auto" for v in variants]:
        label = "shellcheck auto" if shellcheck else "shellcheck off"
        root, init = workspace(shellcheck)
        try:
            ups, rss_after_start, lints, lint_rss = [], [], [], []
            server = None
            for rep in range(REPS):
                s, elapsed, message = start_up(root)
                ups.append(elapsed)
                rss_after_start.append(s.rss()[1])
                if rep < REPS - 1:
                    s.stop()
                else:
                    server = s
                t, rss = lint_process(root)
                lints.append(t)
                lint_rss.append(rss)
            name, size, times, idle = typing(server, init, shellcheck)
            current, peak = server.rss()
            server.stop()
            times.sort()
            print(f"== {label}: {JOBS} jobs, medians of {REPS} ({message})")
            up, lint = statistics.median(ups), statistics.median(lints)
            print(f"start-up to all diagnostics: lsp {ms(up)}, upstart-lint DIR {ms(lint)}: {up / lint:.2f}x")
            print(f"peak RSS after start-up: lsp {statistics.median(rss_after_start)} KiB, "
                  f"upstart-lint {statistics.median(lint_rss)} KiB")
            print(f"peak RSS after {EDITS} edits: lsp {peak} KiB (now {current} KiB)")
            print(f"one-character change in {name} ({size} bytes) to its diagnostics: "
                  f"median {ms(times[len(times) // 2])}, p95 {ms(times[int(len(times) * 0.95)])}, "
                  f"max {ms(times[-1])}")
            if idle is not None:
                print(f"then the idle pass with shellcheck (300 ms pause included): {ms(idle)}")
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    import faulthandler; faulthandler.dump_traceback_later(int(os.environ.get("WATCHDOG", "100000")))
    sys.exit(main())
