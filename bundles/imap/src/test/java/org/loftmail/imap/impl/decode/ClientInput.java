package org.loftmail.imap.impl.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loftmail.api.protocol.Command;

/**
 * Frames what a client sends into a {@link Command} the way the network layer does: a line
 * ending in {@code {n}}, {@code {n+}} or {@code ~{n}} is followed by CRLF and n literal bytes,
 * and the command goes on after them. The final CRLF may be left out.
 */
public final class ClientInput {

    private static final Pattern MARKER = Pattern.compile("(~?)\\{(\\d+)\\+?}$");

    private ClientInput() {
    }

    public static Command command(String wire) {
        byte[] b = wire.getBytes(StandardCharsets.UTF_8);
        List<Command.Part> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int crlf = indexOfCrlf(b, start);
            int lineEnd = crlf < 0 ? b.length : crlf;
            byte[] line = Arrays.copyOfRange(b, start, lineEnd);
            parts.add(new Command.Text(line));
            Matcher m = MARKER.matcher(new String(line, StandardCharsets.UTF_8));
            if (crlf < 0 || !m.find()) {
                return new Command(parts);
            }
            int size = Integer.parseInt(m.group(2));
            int dataStart = crlf + 2;
            parts.add(new BytesLiteral(Arrays.copyOfRange(b, dataStart, dataStart + size), !m.group(1).isEmpty()));
            start = dataStart + size;
        }
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
