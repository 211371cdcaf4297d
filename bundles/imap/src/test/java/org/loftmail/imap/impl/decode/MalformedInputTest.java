package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loftmail.api.protocol.Command;

/**
 * Mutated versions of valid commands (cut short, a byte changed, a byte inserted or removed)
 * either decode or fail with a {@link ParseException} that makes a one-line BAD response; no
 * other exception escapes the decoder. The seed is fixed so a failure repeats.
 */
class MalformedInputTest {

    private static final List<String> SEEDS = List.of(
            "a1 LOGIN \"fred\" sesame",
            "a2 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541 (1:15,19 120:134,140)))",
            "a3 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (\"INBOX\" %) RETURN (CHILDREN STATUS (MESSAGES SIZE))",
            "a4 UID SEARCH RETURN (MIN MAX) CHARSET UTF-8 OR (SEEN FLAGGED) NOT SINCE 1-Feb-1994 UID 1:*,$",
            "a5 UID FETCH 1:* (FLAGS BODY.PEEK[1.2.HEADER.FIELDS.NOT (Received)]<0.100> BINARY[1]) (CHANGEDSINCE 5 VANISHED)",
            "a6 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted $Junk)",
            "a7 UID SORT RETURN (COUNT) (REVERSE DATE DISPLAYFROM) UTF-8 MODSEQ \"/flags/\\\\seen\" all 5",
            "a8 APPEND INBOX (\\Seen) \"14-Jul-2003 10:02:36 +0200\" {5}\r\nhello",
            "a9 ID (\"name\" \"x\" \"version\" NIL)",
            "b1 CREATE Drafts (USE (\\Drafts))",
            "b2 STATUS \"Sent Items\" (UIDNEXT HIGHESTMODSEQ)",
            "b3 AUTHENTICATE PLAIN AGZyZWQAc2VzYW1l");

    private static final String ALPHABET = " ()[]<>{}\"\\*%$:,.+-~0123456789AZaz\u00e9\r";

    @Test
    void mutatedCommandsFailOnlyWithParseExceptions() {
        CommandDecoder decoder = new CommandDecoder(CommandTable.standard());
        Random random = new Random(20261126);
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            String input = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            Command command;
            try {
                command = ClientInput.command(input);
            } catch (IllegalArgumentException e) {
                continue; // literal cut short: the network layer never delivers such a command
            }
            try {
                decoder.decode(command);
                decoded++;
            } catch (ParseException e) {
                String line = e.responseLine();
                assertTrue(line.startsWith("* BAD ") || line.contains(" BAD "), line);
                assertFalse(line.contains("\r") || line.contains("\n"), line);
                refused++;
            } catch (RuntimeException e) {
                fail("decoding " + input.replace("\r\n", "<CRLF>") + " threw " + e, e);
            }
        }
        assertTrue(decoded > 0 && refused > 0, decoded + " decoded, " + refused + " refused");
    }

    private static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(4)) {
                case 0 -> sb.setLength(at);
                case 1 -> sb.setCharAt(at, c);
                case 2 -> sb.insert(at, c);
                default -> sb.deleteCharAt(at);
            }
        }
        return sb.toString();
    }
}
