package org.loftmail.imap.impl.encode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A writer over a byte buffer, read back as the wire text. */
final class Wire {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final ResponseWriter writer = new ResponseWriter(bytes);
    final ResponseEncoder encoder = new ResponseEncoder(writer);

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
