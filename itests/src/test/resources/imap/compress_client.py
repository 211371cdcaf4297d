#!/usr/bin/env python3
"""COMPRESS=DEFLATE (RFC 4978) with zlib: after the OK both sides speak raw DEFLATE.
Usage: compress_client.py HOST PORT USER PASSWORD [--ssl]. Prints COMPRESS OK or exits 1."""
import socket
import ssl
import sys
import zlib

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
s = socket.create_connection((host, port), timeout=10)
if "--ssl" in sys.argv:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    s = ctx.wrap_socket(s, server_hostname=host)
f = s.makefile("rb")
assert f.readline().startswith(b"* OK"), "greeting"
s.sendall(b"a LOGIN %s %s\r\n" % (user.encode(), password.encode()))
line = f.readline()
assert line.startswith(b"a OK") and b"COMPRESS=DEFLATE" in line, line
s.sendall(b"b COMPRESS DEFLATE\r\n")
line = f.readline()
assert line == b"b OK Begin compression.\r\n", line
comp = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
decomp = zlib.decompressobj(-15)
buf = b""


def send(text):
    s.sendall(comp.compress(text) + comp.flush(zlib.Z_SYNC_FLUSH))


def until(tag):
    global buf
    while (b"\r\n" + tag) not in b"\r\n" + buf or not buf.endswith(b"\r\n"):
        data = s.recv(65536)
        if not data:
            raise SystemExit("connection closed; got %r" % buf)
        buf += decomp.decompress(data)
    out, buf = buf, b""
    return out


send(b"c SELECT INBOX\r\n")
out = until(b"c ")
assert b"c OK [READ-WRITE]" in out, out
body = b"Subject: compressed\r\n\r\n" + b"aaaaaaaaaa" * 5000 + b"\r\n"
send(b"d APPEND INBOX {%d+}\r\n" % len(body) + body + b"\r\n")
out = until(b"d ")
assert b"d OK [APPENDUID" in out, out
send(b"e FETCH * BODY.PEEK[]\r\n")
out = until(b"e ")
assert body in out and b"e OK" in out, out[:200]
send(b"f COMPRESS DEFLATE\r\n")
out = until(b"f ")
assert b"f NO [COMPRESSIONACTIVE]" in out, out
send(b"g LOGOUT\r\n")
out = until(b"g ")
assert b"g OK" in out, out
print("COMPRESS OK")
