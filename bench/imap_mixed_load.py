#!/usr/bin/env python3
"""Mixed IMAP load (select, fetch, store, append, expunge) from C clients at once.

Each client logs in as its own user, makes sure INBOX holds --prefill messages, then loops for
--seconds over: SELECT INBOX, FETCH 1:* (FLAGS), UID FETCH <random> (BODY.PEEK[]),
STORE <random> +FLAGS (\\Seen), APPEND a 4 KiB message, STORE <last> +FLAGS (\\Deleted),
EXPUNGE. Every command counts as one operation. Uses the shared benchlib IMAP client
(../shared/bench), so the same client code measures Loft and Dovecot.

Example: imap_mixed_load.py --port 10143 --user-pattern user%d --first-user 1 --clients 10 --seconds 30
Last line: "RESULT clients=C ops_per_s=... p50_ms=... p99_ms=..."
"""
import argparse
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.environ.get("BENCH_LIB", os.path.join(os.path.dirname(__file__), "../../shared/bench")))
import benchlib  # noqa: E402


def message(seq, size=4096):
    body = ("line %d of a mixed load message, just text to fill it up.\r\n" % seq) * (size // 60)
    return ("From: load@example.org\r\nTo: user@example.org\r\nSubject: load %d\r\n"
            "Message-ID: <%d.%f@load>\r\n\r\n%s" % (seq, seq, time.time(), body)).encode()


def client(a, n, clock, barrier, latencies, errors):
    rnd = random.Random(n)
    try:
        c = benchlib.IMAPClient(a.host, a.port)
        c.login(a.user_pattern % (a.first_user + n), a.password)
        unt = c.ok("SELECT INBOX")
        exists = next(int(l.split()[1]) for l in unt if l.endswith(b"EXISTS\r\n"))
        for i in range(exists, a.prefill):
            tag = c.append("INBOX", message(i), literal_plus=True)
            c.wait_tag(tag)
        barrier.wait()
        deadline = clock["start"] + a.seconds
        seq = 0
        while time.monotonic() < deadline:
            seq += 1
            ops = [
                "SELECT INBOX",
                "FETCH 1:* (FLAGS)",
                "UID FETCH %d (BODY.PEEK[])" % rnd.randint(1, a.prefill),
                "STORE %d +FLAGS (\\Seen)" % rnd.randint(1, a.prefill),
                None,  # APPEND
                "STORE %d +FLAGS (\\Deleted)" % (a.prefill + 1),
                "EXPUNGE",
            ]
            for op in ops:
                t0 = time.monotonic()
                if op is None:
                    tag = c.append("INBOX", message(seq), literal_plus=True)
                    st, _ = c.wait_tag(tag)
                else:
                    st, _ = c.command(op, collect=False)
                if b" OK" not in st[:20]:
                    errors.append(st)
                latencies.append(time.monotonic() - t0)
        c.close()
    except Exception as e:  # noqa: BLE001
        errors.append(repr(e))
        barrier.abort()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--user-pattern", default="user%d")
    p.add_argument("--first-user", type=int, default=1)
    p.add_argument("--password", default="pass")
    p.add_argument("--clients", type=int, default=10)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--prefill", type=int, default=50)
    a = p.parse_args()
    benchlib.check_host(a.host)
    latencies, errors = [], []
    clock = {}
    barrier = threading.Barrier(a.clients, action=lambda: clock.__setitem__("start", time.monotonic()))
    threads = [threading.Thread(target=client, args=(a, n, clock, barrier, latencies, errors))
               for n in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - clock.get("start", time.monotonic())
    ms = sorted(x * 1000 for x in latencies)
    if not ms:
        print("no operation completed; errors: %r" % errors[:5])
        sys.exit(1)
    print("clients=%d ops=%d errors=%d elapsed=%.1fs" % (a.clients, len(ms), len(errors), elapsed))
    if errors:
        print("first errors: %r" % errors[:3])
    print("RESULT clients=%d ops_per_s=%.0f p50_ms=%.1f p99_ms=%.1f" % (
        a.clients, len(ms) / elapsed, benchlib.pct(ms, 50), benchlib.pct(ms, 99)))


if __name__ == "__main__":
    main()
