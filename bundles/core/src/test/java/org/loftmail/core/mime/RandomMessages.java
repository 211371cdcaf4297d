package org.loftmail.core.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Generates random MIME messages (nested parts, odd headers, some breakage) from a seed. */
final class RandomMessages {
    private static final String[] NAMES = {"Amy <amy@x.org>", "=?utf-8?q?J=C3=B6rg?= <j@x.de>",
        "\"Last, First\" <lf@x>", "undisclosed-recipients:;", "bob@x (Bob)", "team: a@x, b@x;", "<@r:u@x>"};
    private static final String[] SUBJECTS = {"Hello", "=?iso-8859-1?q?Gr=FC=DFe?=", "Re: [x] y (fwd)",
        "\"quoted\" \\ back", "  spaced   out  ", ""};
    private static final String[] TEXT_TYPES = {"text/plain", "text/html", "Text/Plain; charset=\"UTF-8\"",
        "text/plain; format=flowed; delsp=yes", "text/enriched; charset=iso-8859-1"};
    private static final String[] OTHER_TYPES = {"application/octet-stream; name=\"a.bin\"", "image/png",
        "application/pdf; name*=utf-8''%E2%82%AC.pdf", "audio/x-wav", "application/x-unknown"};
    private static final String[] DISPOSITIONS = {"inline", "attachment; filename=\"f.txt\"",
        "attachment; filename*0*=utf-8''%C3%A9; filename*1=\".txt\"", "ATTACHMENT; size=3"};

    private final Random r;
    private final String nl;
    private int boundaries;

    RandomMessages(long seed, boolean crlf) {
        this.r = new Random(seed);
        this.nl = crlf ? "\r\n" : "\n";
    }

    byte[] message() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder s = new StringBuilder();
        header(s, "From", pick(NAMES));
        if (r.nextBoolean()) {
            header(s, "To", pick(NAMES) + ", " + pick(NAMES));
        }
        header(s, "Subject", pick(SUBJECTS));
        if (r.nextInt(4) > 0) {
            header(s, "MIME-Version", "1.0");
        }
        if (r.nextInt(5) == 0) {
            header(s, "Message-ID", "<" + r.nextInt(1000) + "@x>");
        }
        entity(s, 0, false);
        if (r.nextInt(8) == 0 && s.toString().endsWith(nl)) {
            s.setLength(s.length() - nl.length());  // no final newline
        }
        out.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void entity(StringBuilder s, int depth, boolean inDigest) {
        int kind = depth > 3 ? r.nextInt(2) : r.nextInt(5);
        if (inDigest && r.nextInt(3) == 0) {
            kind = -1;  // no Content-Type: message/rfc822 by default
        }
        switch (kind) {
            case 0 -> leaf(s, pick(TEXT_TYPES), "some text" + nl + "second line");
            case 1 -> leaf(s, pick(OTHER_TYPES), "QUJDREVGR0g=" + nl + "SUpLTE1OT1A=");
            case 2, 3 -> multipart(s, depth);
            case 4 -> {
                extras(s);
                header(s, "Content-Type", "message/rfc822");
                s.append(nl);
                inner(s, depth);
            }
            default -> {
                s.append(nl);
                inner(s, depth);
            }
        }
    }

    private void inner(StringBuilder s, int depth) {
        header(s, "From", pick(NAMES));
        header(s, "Subject", pick(SUBJECTS));
        if (r.nextBoolean()) {
            header(s, "MIME-Version", "1.0");
        }
        entity(s, depth + 1, false);
    }

    private void leaf(StringBuilder s, String type, String body) {
        extras(s);
        if (r.nextInt(6) > 0) {
            header(s, "Content-Type", type);
        }
        if (r.nextInt(3) == 0) {
            header(s, "Content-Transfer-Encoding", r.nextBoolean() ? "base64" : "quoted-printable");
        }
        s.append(nl).append(body).append(nl);
    }

    private void multipart(StringBuilder s, int depth) {
        String boundary = "b" + depth + "_" + (boundaries++) + (r.nextBoolean() ? "=_x" : "");
        String subtype = pick(new String[] {"mixed", "alternative", "digest", "related", "MIXED"});
        extras(s);
        header(s, "Content-Type", "multipart/" + subtype + "; boundary=\"" + boundary + "\"");
        s.append(nl);
        if (r.nextBoolean()) {
            s.append("preamble").append(nl);
        }
        int children = r.nextInt(4);
        for (int i = 0; i < children; i++) {
            s.append("--").append(boundary).append(nl);
            entity(s, depth + 1, subtype.equals("digest"));
        }
        if (r.nextInt(6) > 0) {
            s.append("--").append(boundary).append("--").append(nl);
            if (r.nextBoolean()) {
                s.append("epilogue").append(nl);
            }
        }
    }

    private void extras(StringBuilder s) {
        if (r.nextInt(4) == 0) {
            header(s, "Content-Disposition", pick(DISPOSITIONS));
        }
        if (r.nextInt(8) == 0) {
            header(s, "Content-Language", r.nextBoolean() ? "en" : "en-US, de");
        }
        if (r.nextInt(8) == 0) {
            header(s, "Content-ID", "<id" + r.nextInt(99) + "@x>");
        }
        if (r.nextInt(8) == 0) {
            header(s, "Content-Description", "desc " + r.nextInt(99));
        }
        if (r.nextInt(10) == 0) {
            header(s, "Content-Location", "http://x/" + r.nextInt(99));
        }
        if (r.nextInt(10) == 0) {
            header(s, "Content-MD5", "Q2hlY2s=");
        }
    }

    private void header(StringBuilder s, String name, String value) {
        s.append(name).append(": ").append(value).append(nl);
    }

    private String pick(String[] values) {
        return values[r.nextInt(values.length)];
    }
}
