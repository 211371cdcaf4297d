#!/usr/bin/env python3
"""Time large IMAP APPENDs one after the other on one connection, several connections in a row.

    bench/imap_append_latency.py --port 143 [--user user1 --password pass] [--size 2000000]
                                 [--appends 4] [--connections 8]

Prints, per APPEND, the time from sending the literal to the tagged OK, then the sorted list,
median and maximum. It found the 1 s stall MINA's select timeout put on reading resumed after
back-pressure (fixed in MinaConnection.resumeRead). Works against any IMAP server.
"""
import argparse
import socket
import statistics
import time


def append_times(args):
    s = socket.create_connection((args.host, args.port))
    f = s.makefile("rb")
    f.readline()
    s.sendall(b"a LOGIN %s %s\r\n" % (args.user.encode(), args.password.encode()))
    while not f.readline().startswith(b"a "):
        pass
    msg = b"Subject: big\r\n\r\n" + (b"x" * 76 + b"\r\n") * (args.size // 78)
    times = []
    for _ in range(args.appends):
        s.sendall(b"b APPEND INBOX {%d}\r\n" % len(msg))
        if not f.readline().startswith(b"+"):
            raise SystemExit("no continuation")
        t = time.monotonic()
        s.sendall(msg + b"\r\n")
        while True:
            line = f.readline()
            if line.startswith(b"b "):
                break
        if not line.startswith(b"b OK"):
            raise SystemExit("APPEND failed: %r" % line)
        times.append((time.monotonic() - t) * 1000)
    s.sendall(b"z LOGOUT\r\n")
    s.close()
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=143)
    ap.add_argument("--user", default="user1")
    ap.add_argument("--password", default="pass")
    ap.add_argument("--size", type=int, default=2_000_000)
    ap.add_argument("--appends", type=int, default=4)
    ap.add_argument("--connections", type=int, default=8)
    args = ap.parse_args()
    times = []
    for _ in range(args.connections):
        times += append_times(args)
    times.sort()
    print("append ms:", " ".join("%.1f" % t for t in times))
    print("RESULT median_ms=%.1f max_ms=%.1f" % (statistics.median(times), times[-1]))


if __name__ == "__main__":
    main()
