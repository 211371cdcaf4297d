package org.loftmail.api.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One complete command as framed by the network layer: a line, or with literal framing a line
 * whose literals were followed by more line text, up to the final CRLF.
 *
 * <p>Parts alternate: text, then (for each literal) the {@link Literal} and the text after it.
 * Text parts hold the raw bytes without the final CRLF; a text part that announces a literal
 * still ends with its {@code {n}} marker.
 *
 * @param parts the parts in input order, never empty
 */
public record Command(List<Part> parts) {

    public Command {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a command has at least one part");
        }
    }

    /** A command made of one line of text. */
    public static Command ofLine(byte[] line) {
        return new Command(List.of(new Text(line)));
    }

    /** The first line of the command, decoded as UTF-8. */
    public String firstLine() {
        return ((Text) parts.get(0)).asString();
    }

    /** Whether any part is a literal. */
    public boolean hasLiterals() {
        return parts.stream().anyMatch(Literal.class::isInstance);
    }

    /** Releases the literal data of this command; call once the command has been processed. */
    public void release() {
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                literal.release();
            }
        }
    }

    /** A piece of a command. */
    public sealed interface Part permits Text, Literal {
    }

    /** Line text, raw bytes without CRLF. */
    public record Text(byte[] bytes) implements Part {
        public String asString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Text[" + asString() + "]";
        }
    }
}
