#!/usr/bin/env python3
"""idle_conns.py (../shared/bench) over implicit TLS: the same measurement, each connection
wrapped in TLS (certificate not verified: loopback benchmark). Takes idle_conns.py's arguments."""
import os
import socket
import ssl
import sys

sys.path.insert(0, os.environ.get("BENCH_LIB", os.path.join(os.path.dirname(__file__), "../../shared/bench")))
import benchlib  # noqa: E402
import idle_conns  # noqa: E402

CTX = ssl.create_default_context()
CTX.check_hostname = False
CTX.verify_mode = ssl.CERT_NONE


class TlsImapClient(benchlib.IMAPClient):
    def __init__(self, host, port, timeout=300):
        benchlib.check_host(host)
        raw = socket.create_connection((host, port), timeout=timeout)
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.s = CTX.wrap_socket(raw, server_hostname=host)
        self.ls = benchlib.LineSock(self.s)
        self.greeting = self.ls.readline()
        self.n = 0
        self.caps = set()


benchlib.IMAPClient = TlsImapClient
if __name__ == "__main__":
    idle_conns.main()
