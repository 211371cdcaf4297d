package org.loftmail.pop3.impl.session;

/** Test messages of exact sizes, CRLF line ends. */
final class Messages {

    private Messages() {
    }

    /** A message of exactly {@code size} octets (at least 60). */
    static String ofSize(int size, String subject) {
        String head = "From: mrose@dbc.mtview.ca.us\r\nSubject: " + subject + "\r\n\r\n";
        StringBuilder body = new StringBuilder();
        int left = size - head.length();
        while (left > 0) {
            int line = Math.min(left, 40);
            if (line <= 2) {
                body.setLength(body.length() - 2);
                body.append("x".repeat(line)).append("\r\n");
                left -= line;
                break;
            }
            body.append("y".repeat(line - 2)).append("\r\n");
            left -= line;
        }
        String m = head + body;
        if (m.length() != size) {
            throw new AssertionError("made " + m.length() + " octets, wanted " + size);
        }
        return m;
    }
}
