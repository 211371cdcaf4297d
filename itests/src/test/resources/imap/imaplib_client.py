#!/usr/bin/env python3
"""What a Python program does with Python's imaplib against an IMAP server, checking each answer.
Usage: imaplib_client.py HOST PORT USER PASSWORD [--ssl]. Prints IMAPLIB OK at the end, exits 1 on a mismatch."""
import imaplib
import ssl
import sys

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
if "--ssl" in sys.argv:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    m = imaplib.IMAP4_SSL(host, port, ssl_context=ctx)
else:
    m = imaplib.IMAP4(host, port)


def check(what, got, expected_type="OK"):
    typ, data = got
    if typ != expected_type:
        print("FAIL %s: %s %r" % (what, typ, data))
        sys.exit(1)
    return data


MSG = (b"From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
       b"Date: Thu, 26 Nov 2026 10:00:00 +0100\r\nMessage-ID: <one@example.org>\r\n\r\nHello from imaplib\r\n")

check("login", m.login(user, password))
check("create", m.create("Projects/Loft"))
check("append", m.append("INBOX", r"(\Flagged)", imaplib.Time2Internaldate(1700000000), MSG))
check("append 2", m.append("INBOX", None, None, MSG.replace(b"<one@", b"<two@").replace(b"imaplib", b"Python")))
data = check("select", m.select("INBOX"))
assert data == [b"2"], data
data = check("search", m.search(None, "FLAGGED"))
assert data == [b"1"], data
data = check("search text", m.search("UTF-8", "BODY", "Python"))
assert data == [b"2"], data
data = check("uid fetch", m.uid("FETCH", "1:*", "(UID FLAGS INTERNALDATE RFC822.SIZE)"))
assert len(data) == 2 and b"UID 1" in data[0] and b"\\Flagged" in data[0], data
data = check("fetch body", m.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)] BODY.PEEK[TEXT])"))
assert data[0][1].startswith(b"Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?="), data
assert data[1][1] == b"Hello from imaplib\r\n", data
data = check("envelope", m.fetch("1", "(ENVELOPE)"))
assert b'"<one@example.org>"' in data[0], data
check("store", m.store("2", "+FLAGS", "(\\Deleted $Important)"))
data = check("fetch flags", m.fetch("2", "(FLAGS)"))
assert b"$Important" in data[0] and b"\\Deleted" in data[0], data
data = check("copy", m.copy("1", "Projects/Loft"))
data = check("expunge", m.expunge())
assert data == [b"2"], data
data = check("sort", m.sort("(REVERSE DATE)", "UTF-8", "ALL"))
assert data == [b"1"], data
data = check("thread", m.thread("REFERENCES", "UTF-8", "ALL"))
assert data == [b"(1)"], data
data = check("list", m.list())
names = sorted(x.decode() for x in data)
assert any(n.endswith('"/" INBOX') for n in names), names
assert any('"Projects/Loft"' in n or n.endswith("Projects/Loft") for n in names), names
data = check("status", m.status("Projects/Loft", "(MESSAGES UIDNEXT UNSEEN)"))
assert b"MESSAGES 1" in data[0], data
imaplib.Commands["FROBNICATE"] = ("AUTH", "SELECTED")
try:
    m._simple_command("FROBNICATE")
    print("FAIL: unknown command accepted")
    sys.exit(1)
except imaplib.IMAP4.error as e:
    assert "BAD" in str(e) or "Unknown" in str(e), e
check("noop after BAD", m.noop())
check("close", m.close())
check("logout", m.logout(), "BYE")
print("IMAPLIB OK")
