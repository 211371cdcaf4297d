#!/usr/bin/env python3
"""UID FETCH 1:* (FLAGS) timed with three clients, to tell server time from client time.

- benchlib: the shared bench client (../shared/bench), as imap_ops_bench.py uses it; its line
  reader copies the rest of its receive buffer for each line, so on 20,000 lines it is the slow part;
- readline: Python's buffered socket file, line by line;
- bulk: reads until the tagged reply and parses nothing.

Example: imap_fetch_clients.py --port 30143 --user user100 --password pass --repeat 8
Last line: "RESULT benchlib_ms=... readline_ms=... bulk_ms=..." (medians)
"""
import argparse
import os
import socket
import statistics
import sys
import time

sys.path.insert(0, os.environ.get("BENCH_LIB", os.path.join(os.path.dirname(__file__), "../../shared/bench")))
import benchlib  # noqa: E402

COMMAND = b"UID FETCH 1:* (FLAGS)"


def login(a):
    s = socket.create_connection((a.host, a.port))
    f = s.makefile("rb")
    f.readline()
    s.sendall(b"a LOGIN %s %s\r\n" % (a.user.encode(), a.password.encode()))
    while not f.readline().startswith(b"a "):
        pass
    s.sendall(b"b SELECT INBOX\r\n")
    while not f.readline().startswith(b"b "):
        pass
    return s, f


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--repeat", type=int, default=8)
    a = ap.parse_args()
    benchlib.check_host(a.host)

    lib = benchlib.IMAPClient(a.host, a.port, timeout=600)
    lib.login(a.user, a.password)
    lib.ok("SELECT INBOX")

    def with_benchlib():
        lib.command(COMMAND.decode())

    s, f = login(a)

    def with_readline():
        s.sendall(b"c " + COMMAND + b"\r\n")
        while not f.readline().startswith(b"c "):
            pass

    bulk, bulk_file = login(a)

    def with_bulk():
        bulk.sendall(b"c " + COMMAND + b"\r\n")
        tail = b"\r\n"  # the tagged reply may be the first line
        while b"\r\nc " not in tail:
            tail = (tail + bulk.recv(1 << 20))[-4096:]
        while not tail.endswith(b"\r\n"):
            tail += bulk.recv(4096)

    results = {}
    for name, run in (("benchlib", with_benchlib), ("readline", with_readline), ("bulk", with_bulk)):
        times = []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            run()
            times.append((time.perf_counter() - t0) * 1000)
        results[name] = statistics.median(times)
        print("%-9s median %.1f ms (%s)" % (name, results[name], " ".join("%.0f" % t for t in times)), flush=True)
    print("RESULT " + " ".join("%s_ms=%.1f" % (k, v) for k, v in results.items()))


if __name__ == "__main__":
    sys.exit(main())
