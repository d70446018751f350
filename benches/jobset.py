#!/usr/bin/env python3
"""Job sets side by side: `upstart-run --foreground DIR` against runsvdir
(+ one runsv per service), s6-svscan (+ one s6-supervise per service) and
supervisord, for 1, 10 and 100 services, in ONE sequential run.

Per peer and size: time from launching the supervisor to every child
running; resident memory of the supervising processes (children excluded);
wake-ups when idle (voluntary context switches over IDLE seconds); time from
the stop signal to every child gone and the supervisor exited. Then the
latency of a start on request: `upstart-tools ctl emit --no-wait go` to the
first instruction of a job that `start on go`, against `s6-svc -u`.

Every child is benches/supervision/src/stamp.c (static), which writes
"S <CLOCK_MONOTONIC ns> <pid>" when it starts. Not part of CI:
    benches/jobset.sh            # builds what it needs, then runs this
Every process started is stopped by pid; every wait is bounded.
"""

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STAMP = os.path.join(ROOT, "benches", "supervision", "bin", "stamp")
RUN = os.environ.get("UPSTART_RUN", os.path.join(ROOT, "target", "release", "upstart-run"))
TOOLS = os.environ.get("UPSTART_TOOLS", os.path.join(ROOT, "target", "release", "upstart-tools"))
SIZES = [int(n) for n in os.environ.get("SIZES", "1 10 100").split()]
REPS = int(os.environ.get("REPS", "3"))
IDLE = float(os.environ.get("IDLE", "5"))
PEERS = os.environ.get("PEERS", "upstart-run runsvdir s6-svscan supervisord").split()


def now():
    return time.monotonic_ns()


def started(log):
    """pid → start time (ns) of every stamp that started."""
    out = {}
    try:
        with open(log) as f:
            for line in f:
                tag, ns, pid = line.split()
                if tag == "S":
                    out.setdefault(int(pid), int(ns))
    except FileNotFoundError:
        pass
    return out


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):  # gone between open and read: ESRCH
        return False


def descendants(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            pass
    return out


def status_field(pid, name):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(name + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except FileNotFoundError:
        return ""


def supervisors(top, children):
    """The supervising processes: the tree under `top` without the children
    (by pid: runsv and s6 run them under the name `run`)."""
    return [p for p in descendants(top) if p not in children]


def wait(cond, timeout, step=0.002):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(step)
    return False


# ---- peers: set up N services in DIR, return (argv, env, stop signal) ----

def env_for(log):
    e = dict(os.environ)
    e.update({"STAMP_LOG": log, "STAMP_SLEEP_MS": "-1"})
    return e


def setup_upstart_run(d, n, log, start_on="startup"):
    init = os.path.join(d, "init")
    os.makedirs(init)
    for i in range(n):
        with open(os.path.join(init, f"svc{i}.conf"), "w") as f:
            f.write(f"start on {start_on}\nconsole none\nenv STAMP_LOG={log}\n"
                    f"env STAMP_SLEEP_MS=-1\nexec {STAMP}\n")
    argv = [RUN, "--foreground", "--control", os.path.join(d, "ctl"),
            "--log-dir", os.path.join(d, "logs"), init]
    return argv, env_for(log), signal.SIGTERM


def setup_runsvdir(d, n, log):
    sv = os.path.join(d, "sv")
    os.makedirs(sv)
    for i in range(n):
        s = os.path.join(sv, f"svc{i}")
        os.makedirs(s)
        os.symlink(STAMP, os.path.join(s, "run"))
    # SIGHUP: runsvdir sends TERM to every runsv, which stops its service.
    return ["runsvdir", "-P", sv], env_for(log), signal.SIGHUP


def setup_s6(d, n, log):
    sv = os.path.join(d, "sv")
    os.makedirs(sv)
    for i in range(n):
        s = os.path.join(sv, f"svc{i}")
        os.makedirs(s)
        os.symlink(STAMP, os.path.join(s, "run"))
    # SIGTERM: s6-svscan brings every service down and exits.
    return ["s6-svscan", sv], env_for(log), signal.SIGTERM


def setup_supervisord(d, n, log):
    conf = os.path.join(d, "supervisord.conf")
    with open(conf, "w") as f:
        f.write(f"[supervisord]\nnodaemon=true\nlogfile={d}/sd.log\npidfile={d}/sd.pid\n"
                f"[unix_http_server]\nfile={d}/sd.sock\n")
        for i in range(n):
            f.write(f"[program:svc{i}]\ncommand={STAMP}\nstartsecs=0\nautorestart=true\n"
                    f"stdout_logfile=NONE\nstderr_logfile=NONE\n")
    return ["supervisord", "-c", conf], env_for(log), signal.SIGTERM


SETUP = {
    "upstart-run": setup_upstart_run,
    "runsvdir": setup_runsvdir,
    "s6-svscan": setup_s6,
    "supervisord": setup_supervisord,
}


def clean_up(proc, log, d):
    """Kill the supervisor's session and every service it started; remove d."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
    for p in started(log):
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    shutil.rmtree(d, ignore_errors=True)


def one_run(peer, n):
    d = tempfile.mkdtemp(prefix=f"jobset-{peer}-")
    log = os.path.join(d, "stamp.log")
    argv, env, stop_sig = SETUP[peer](d, n, log)
    t0 = now()
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    rec = {"peer": peer, "n": n}
    try:
        if not wait(lambda: len(started(log)) >= n, 30):
            rec["error"] = f"only {len(started(log))}/{n} started"
            return rec
        times = started(log)
        rec["start_ms"] = (max(times.values()) - t0) / 1e6
        time.sleep(0.5)
        children = set(started(log))
        sups = supervisors(proc.pid, children)
        rec["supervisors"] = len(sups)
        rec["rss_kib"] = sum(status_field(p, "VmRSS") for p in sups)
        before = sum(status_field(p, "voluntary_ctxt_switches") for p in sups)
        time.sleep(IDLE)
        after = sum(
            status_field(p, "voluntary_ctxt_switches") for p in supervisors(proc.pid, children)
        )
        rec["idle_wakeups"] = after - before
        ts = now()
        os.kill(proc.pid, stop_sig)
        ok = wait(lambda: proc.poll() is not None and not any(alive(p) for p in children), 30)
        rec["stop_ms"] = (now() - ts) / 1e6 if ok else None
        return rec
    finally:
        clean_up(proc, log, d)


def on_request(peer):
    """Request → the child's first instruction, one service, ms."""
    d = tempfile.mkdtemp(prefix=f"jobset-req-{peer}-")
    log = os.path.join(d, "stamp.log")
    if peer == "upstart-run":
        argv, env, _ = setup_upstart_run(d, 1, log, start_on="go")
        ready = lambda: os.path.exists(os.path.join(d, "ctl"))
        request = [TOOLS, "ctl", "--control", os.path.join(d, "ctl"), "emit", "--no-wait", "go"]
    else:
        argv, env, _ = setup_s6(d, 1, log)
        svc = os.path.join(d, "sv", "svc0")
        open(os.path.join(svc, "down"), "w").close()
        ready = lambda: os.path.exists(os.path.join(svc, "supervise", "control"))
        request = ["s6-svc", "-u", svc]
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        if not wait(ready, 10):
            return None
        time.sleep(0.2)
        t = now()
        subprocess.run(request, check=True, stdout=subprocess.DEVNULL)
        if not wait(lambda: started(log), 10):
            return None
        return (min(started(log).values()) - t) / 1e6
    finally:
        clean_up(proc, log, d)


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def main():
    rows = []
    for n in SIZES:
        for peer in PEERS:
            if peer != "upstart-run" and not shutil.which(argv0(peer)):
                print(f"skipped {peer}: not installed", file=sys.stderr)
                continue
            recs = [one_run(peer, n) for _ in range(REPS)]
            errors = [r["error"] for r in recs if "error" in r]
            row = {"peer": peer, "n": n, "errors": errors}
            for k in ["start_ms", "rss_kib", "idle_wakeups", "stop_ms", "supervisors"]:
                row[k] = median([r.get(k) for r in recs])
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    req = {}
    for peer in ["upstart-run", "s6-svscan"]:
        if peer in PEERS:
            req[peer] = median([on_request(peer) for _ in range(REPS * 3)])
    print_table(rows, req)


def argv0(peer):
    return {"runsvdir": "runsvdir", "s6-svscan": "s6-svscan", "supervisord": "supervisord"}[peer]


def fmt(x, digits=1):
    return "—" if x is None else (f"{x:.{digits}f}" if isinstance(x, float) else str(x))


def print_table(rows, req):
    print("| jobs | peer | all running (ms) | supervisor RSS (KiB) | processes | idle wake-ups / "
          f"{IDLE:g} s | stop all (ms) |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['n']} | {r['peer']} | {fmt(r['start_ms'])} | {fmt(r['rss_kib'], 0)} | "
              f"{fmt(r['supervisors'], 0)} | {fmt(r['idle_wakeups'], 0)} | {fmt(r['stop_ms'])} |"
              + (f" errors: {r['errors']}" if r["errors"] else ""))
    print()
    for peer, ms in req.items():
        how = "ctl emit --no-wait go" if peer == "upstart-run" else "s6-svc -u"
        print(f"request → first instruction, {peer} ({how}): {fmt(ms, 2)} ms (median of {REPS * 3})")


if __name__ == "__main__":
    main()
