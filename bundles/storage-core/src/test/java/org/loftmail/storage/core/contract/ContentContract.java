package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.storage.core.contract.DriverContract.read;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MimePart;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.impl.CoreHarness;

/** Message content: whole, byte ranges, the header and MIME parts by IMAP part number. */
public interface ContentContract extends DriverContract {

    String MULTIPART = String.join("\r\n",
            "From: a@example.org",
            "Subject: parts",
            "Content-Type: multipart/mixed;",
            " boundary=\"outer\"",
            "",
            "preamble",
            "--outer",
            "Content-Type: text/plain",
            "",
            "first part",
            "--outer",
            "Content-Type: multipart/alternative; boundary=inner",
            "",
            "--inner",
            "",
            "inner one",
            "--inner",
            "Content-Type: text/html",
            "",
            "<p>inner two</p>",
            "--inner--",
            "",
            "--outer",
            "Content-Type: message/rfc822",
            "",
            "Subject: attached",
            "",
            "attached body",
            "--outer--",
            "epilogue",
            "");

    private static MessageContent stored(UserMailboxes mb, MailboxView[] holder, byte[] msg) throws Exception {
        long uid = mb.append("INBOX", List.of(AppendRequest.of(msg))).uids().get(0);
        holder[0] = mb.open("INBOX", true);
        return holder[0].content(uid);
    }

    private static String text(MessageContent c, long offset, long length) throws Exception {
        return new String(read(c.open(offset, length)), StandardCharsets.ISO_8859_1);
    }

    @Test
    default void wholeMessageRangesAndHeader(@TempDir Path root) throws Exception {
        byte[] msg = DriverContract.message("ranges", "0123456789");
        MailboxView[] v = new MailboxView[1];
        try (CoreHarness h = harness(root)) {
            MessageContent c = stored(h.open("alice"), v, msg);
            assertEquals(msg.length, c.size());
            assertArrayEquals(msg, read(c.open()));
            int body = new String(msg, StandardCharsets.US_ASCII).indexOf("0123");
            assertEquals("3456", text(c, body + 3, 4));
            assertArrayEquals(Arrays.copyOfRange(msg, msg.length - 3, msg.length), read(c.open(msg.length - 3, 100)));
            assertEquals(0, read(c.open(msg.length + 10, 5)).length);
            assertArrayEquals(Arrays.copyOf(msg, body), read(c.header()));
            assertEquals(body, c.root().bodyStart());
            assertEquals(msg.length, c.root().end());
        } finally {
            v[0].close();
        }
    }

    @Test
    default void mimePartsByImapPartNumber(@TempDir Path root) throws Exception {
        MailboxView[] v = new MailboxView[1];
        try (CoreHarness h = harness(root)) {
            MessageContent c = stored(h.open("alice"), v, MULTIPART.getBytes(StandardCharsets.US_ASCII));
            MimePart one = c.part("1").orElseThrow();
            assertEquals("first part", text(c, one.bodyStart(), one.bodyLength()));
            assertEquals("Content-Type: text/plain\r\n\r\n", text(c, one.headerStart(), one.headerLength()));
            MimePart innerOne = c.part("2.1").orElseThrow();
            assertEquals("inner one", text(c, innerOne.bodyStart(), innerOne.bodyLength()));
            MimePart innerTwo = c.part("2.2").orElseThrow();
            assertEquals("<p>inner two</p>", text(c, innerTwo.bodyStart(), innerTwo.bodyLength()));
            MimePart attached = c.part("3").orElseThrow();
            assertEquals("Subject: attached\r\n\r\nattached body", text(c, attached.bodyStart(), attached.bodyLength()));
            MimePart attachedBody = c.part("3.1").orElseThrow();
            assertEquals("attached body", text(c, attachedBody.bodyStart(), attachedBody.bodyLength()));
            assertTrue(c.part("4").isEmpty());
            assertTrue(c.part("1.1").isEmpty());
            assertTrue(c.part("x").isEmpty());
        } finally {
            v[0].close();
        }
    }

    @Test
    default void aSinglePartMessageHasPartOneAsItsBody(@TempDir Path root) throws Exception {
        MailboxView[] v = new MailboxView[1];
        try (CoreHarness h = harness(root)) {
            MessageContent c = stored(h.open("alice"), v, DriverContract.message("single", "just text"));
            MimePart one = c.part("1").orElseThrow();
            assertEquals("just text\r\n", text(c, one.bodyStart(), one.bodyLength()));
        } finally {
            v[0].close();
        }
    }
}
