package org.loftmail.lmtp.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.SaslStep;
import org.loftmail.api.auth.UserLookup;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.Literal;
import org.loftmail.api.protocol.LiteralAnnouncement;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.delivery.impl.DeliveryComponent;
import org.loftmail.storage.core.impl.CoreHarness;
import org.loftmail.storage.memory.impl.MemoryDriver;

/** RFC 2033's example session and what Dovecot adds to it, over the real delivery and storage. */
class Rfc2033Test {

    private final CoreHarness storage = new CoreHarness("memory", new MemoryDriver(), "memory:");

    @AfterEach
    void close() {
        storage.close();
    }

    /** pat, green and bob exist; "broken" fails temporarily; green is over quota. */
    private final AuthService auth = new AuthService() {
        @Override
        public List<String> mechanisms(ClientInfo c) {
            return List.of();
        }

        @Override
        public boolean plaintextAllowed(ClientInfo c) {
            return false;
        }

        @Override
        public SaslExchange startSasl(String m, ClientInfo c) {
            return new SaslExchange() { // no SASL mechanism is enabled here
                @Override
                public String mechanism() {
                    return m;
                }

                @Override
                public SaslStep respond(String base64) {
                    return new SaslStep.Done(AuthResult.Failure.of(AuthResult.FailureKind.MECHANISM_UNSUPPORTED));
                }
            };
        }

        @Override
        public AuthResult authenticate(String u, String p, ClientInfo c) {
            return AuthResult.Failure.of(AuthResult.FailureKind.CREDENTIALS); // nobody logs in here
        }

        @Override
        public UserLookup lookupUser(String user, ClientInfo c) {
            return switch (user) {
                case "pat@foo.edu", "green@foo.edu", "bob@foo.edu" -> new UserLookup.Found(user, Map.of());
                case "broken@foo.edu" -> new UserLookup.Temporary("database down");
                default -> new UserLookup.NotFound(user);
            };
        }
    };

    private Session session(Map<String, Object> settings) {
        storage.quota(r -> {
            if (r.user().equals("green@foo.edu")) {
                throw new StorageException(StorageError.OVER_QUOTA, "Quota exceeded (mailbox for user is full)");
            }
        });
        DeliveryComponent delivery = new DeliveryComponent(auth, storage.storage(), settings);
        Session s = new Session();
        s.lmtp = new LmtpSession(s, delivery, LmtpSettings.of(Map.of("hostname", "foo.edu")));
        s.lmtp.started();
        return s;
    }

    /** A session whose greeting was read. */
    private Session greeted(Map<String, Object> settings) {
        Session s = session(settings);
        s.take();
        return s;
    }

    @Test
    void theRfcExampleGivesOneReplyPerRecipientAfterData() throws Exception {
        Session s = session(Map.of());
        assertEquals(List.of("220 foo.edu Loft ready."), s.take());
        assertEquals(List.of("250-foo.edu", "250-8BITMIME", "250-CHUNKING", "250-ENHANCEDSTATUSCODES", "250-PIPELINING",
                "250-SMTPUTF8", "250 SIZE"), s.send("LHLO foo.edu"));
        assertEquals(List.of("250 2.1.0 OK"), s.send("MAIL FROM:<chris@bar.com>"));
        assertEquals(List.of("250 2.1.5 OK"), s.send("RCPT TO:<pat@foo.edu>"));
        assertEquals(List.of("550 5.1.1 <jones@foo.edu> User doesn't exist: jones@foo.edu"),
                s.send("RCPT TO:<jones@foo.edu>"));
        assertEquals(List.of("250 2.1.5 OK"), s.send("RCPT TO:<green@foo.edu>"));
        assertEquals(List.of("354 OK"), s.send("DATA"));
        s.send("Subject: meeting");
        s.send("");
        s.send("Blah blah blah...");
        s.send("..etc. etc. etc.");
        List<String> replies = s.send(".");
        assertEquals(2, replies.size(), replies.toString());
        assertTrue(replies.get(0).matches("250 2\\.0\\.0 <pat@foo\\.edu> \\S+ Saved"), replies.get(0));
        assertEquals("552 5.2.2 <green@foo.edu> Quota exceeded (mailbox for user is full)", replies.get(1));
        String stored = inbox("pat@foo.edu").get(0);
        assertTrue(stored.startsWith("Return-Path: <chris@bar.com>\r\nDelivered-To: pat@foo.edu\r\nReceived: from foo.edu"),
                stored);
        assertTrue(stored.endsWith("\r\nSubject: meeting\r\n\r\nBlah blah blah...\r\n.etc. etc. etc.\r\n"), stored);
        assertEquals(List.of(), inbox("green@foo.edu"));
    }

    @Test
    void quotaFullTempfailAnswers452() {
        Session s = greeted(Map.of());
        s.lmtp = new LmtpSession(s, new DeliveryComponent(auth, storage.storage(), Map.of()),
                LmtpSettings.of(Map.of("hostname", "foo.edu", "quota_full_tempfail", "yes")));
        s.send("LHLO x");
        s.send("MAIL FROM:<>");
        s.send("RCPT TO:<green@foo.edu>");
        s.send("DATA");
        s.send("Subject: x");
        assertEquals(List.of("452 4.2.2 <green@foo.edu> Quota exceeded (mailbox for user is full)"), s.send("."));
    }

    @Test
    void aTemporaryLookupFailureIs451AndSequenceErrorsAre503() {
        Session s = greeted(Map.of());
        assertEquals(List.of("503 5.5.1 Error: send LHLO first"), s.send("MAIL FROM:<a@b>"));
        s.send("LHLO x");
        assertEquals(List.of("503 5.5.1 Error: MAIL needed first"), s.send("RCPT TO:<pat@foo.edu>"));
        s.send("MAIL FROM:<a@b> SIZE=100 BODY=8BITMIME");
        assertEquals(List.of("451 4.3.0 <broken@foo.edu> Temporary internal error"), s.send("RCPT TO:<broken@foo.edu>"));
        assertEquals(List.of("554 5.5.1 Error: No valid recipients"), s.send("DATA"));
        assertEquals(List.of("500 5.5.2 Unknown command"), s.send("FROB"));
        assertEquals(List.of("555 5.5.4 Unsupported parameter: FOO"), session(Map.of()).sendAll("LHLO x",
                "MAIL FROM:<a@b> FOO=1"));
        assertEquals(List.of("555 5.5.4 Unsupported parameter: NOTIFY"), session(Map.of()).sendAll("LHLO x",
                "MAIL FROM:<a@b>", "RCPT TO:<pat@foo.edu> NOTIFY=NEVER"));
    }

    @Test
    void theRecipientDelimiterFindsTheUserAndTheDetailMailboxWhenAsked() throws Exception {
        Session s = session(Map.of("recipient_delimiter", "+", "lmtp_save_to_detail_mailbox", "yes"));
        s.send("LHLO x");
        s.send("MAIL FROM:<a@b>");
        assertEquals(List.of("250 2.1.5 OK"), s.send("RCPT TO:<bob+lists@foo.edu>"));
        s.send("DATA");
        s.send("Subject: list mail");
        assertTrue(s.send(".").get(0).startsWith("250 2.0.0 <bob+lists@foo.edu>"));
        UserMailboxes bob = storage.open("bob@foo.edu");
        assertEquals(1, bob.status("lists").messages(), "filed into the detail mailbox, created on the way");
        assertEquals(0, bob.status("INBOX").messages());
    }

    /** RFC 3030 CHUNKING: BDAT in an LMTP session (section 4.2's example, adapted as Dovecot does). */
    @Nested
    class Rfc3030Chunking {

        @Test
        void chunksAreStoredAsTheyCameAndLastGetsOneReplyPerRecipient() throws Exception {
            Session s = greeted(Map.of());
            s.sendAll("LHLO x", "MAIL FROM:<chris@bar.com>", "RCPT TO:<pat@foo.edu>", "RCPT TO:<green@foo.edu>");
            String first = "Subject: chunked\r\n\r\n.not unstuffed\r\n";
            assertEquals(List.of("250 2.0.0 OK " + first.length() + " octets received"), s.chunk("BDAT " + first.length(), first));
            List<String> replies = s.chunk("BDAT 12 LAST", "bare\nLF\r\n.\r\n");
            assertEquals(2, replies.size(), replies.toString());
            assertTrue(replies.get(0).matches("250 2\\.0\\.0 <pat@foo\\.edu> \\S+ Saved"), replies.get(0));
            assertEquals("552 5.2.2 <green@foo.edu> Quota exceeded (mailbox for user is full)", replies.get(1));
            String stored = inbox("pat@foo.edu").get(0);
            assertTrue(stored.endsWith("\r\n" + first + "bare\nLF\r\n.\r\n"), stored);
            assertEquals(List.of("250 2.1.0 OK"), s.send("MAIL FROM:<next@bar.com>"), "the transaction ended");
        }

        @Test
        void anEmptyLastChunkEndsTheMessage() throws Exception {
            Session s = greeted(Map.of());
            s.sendAll("LHLO x", "MAIL FROM:<>", "RCPT TO:<bob@foo.edu>");
            s.chunk("BDAT 9", "Subject: ");
            assertTrue(s.chunk("BDAT 0 LAST", "").get(0).startsWith("250 2.0.0 <bob@foo.edu>"));
            assertTrue(inbox("bob@foo.edu").get(0).endsWith("\r\nSubject: "));
        }

        @Test
        void aChunkOutsideATransactionIsRefusedAndItsBytesDropped() {
            Session s = greeted(Map.of());
            s.send("LHLO x");
            assertEquals(List.of("503 5.5.1 Error: MAIL needed first"), s.chunk("BDAT 4", "QUIT"));
            s.send("MAIL FROM:<a@b>");
            s.send("RCPT TO:<nobody@foo.edu>");
            assertEquals(List.of("554 5.5.1 Error: No valid recipients"), s.chunk("BDAT 3 LAST", "abc"));
            assertEquals(List.of("250 2.0.0 OK"), s.send("NOOP"), "the session keeps serving");
        }

        @Test
        void dataAfterBdatAndMalformedBdatAreErrors() {
            Session s = greeted(Map.of());
            s.sendAll("LHLO x", "MAIL FROM:<a@b>", "RCPT TO:<pat@foo.edu>");
            s.chunk("BDAT 3", "abc");
            assertEquals(List.of("503 5.5.1 Error: DATA after BDAT"), s.send("DATA"));
            assertEquals(List.of("501 5.5.4 Invalid BDAT syntax: BDAT <size> [LAST]"), s.send("BDAT x LAST"));
            assertEquals(List.of("501 5.5.4 Invalid BDAT syntax: BDAT <size> [LAST]"), s.send("BDAT 3 FIRST"));
        }

        @Test
        void insideDataABdatLineIsMessageText() throws Exception {
            Session s = greeted(Map.of());
            s.sendAll("LHLO x", "MAIL FROM:<a@b>", "RCPT TO:<pat@foo.edu>", "DATA");
            assertEquals(-1, s.lmtp.chunkSize("BDAT 5".getBytes(StandardCharsets.US_ASCII)));
            s.send("BDAT 5");
            assertTrue(s.send(".").get(0).startsWith("250 2.0.0"));
            assertTrue(inbox("pat@foo.edu").get(0).endsWith("\r\nBDAT 5\r\n"));
        }

        @Test
        void chunksOverTheSizeLimitAreRefusedWith552AndEndTheTransaction() {
            Session s = greeted(Map.of());
            s.lmtp = new LmtpSession(s, new DeliveryComponent(auth, storage.storage(), Map.of()),
                    LmtpSettings.of(Map.of("hostname", "foo.edu", "plugin.quota_max_mail_size", "10")));
            s.sendAll("LHLO x", "MAIL FROM:<a@b>", "RCPT TO:<pat@foo.edu>");
            s.chunk("BDAT 6", "123456");
            assertEquals(List.of("552 5.3.4 Message size exceeds fixed maximum message size"), s.chunk("BDAT 6 LAST", "789012"));
            assertEquals(List.of("503 5.5.1 Error: MAIL needed first"), s.send("RCPT TO:<pat@foo.edu>"));
        }
    }

    private List<String> inbox(String user) throws Exception {
        List<String> out = new ArrayList<>();
        UserMailboxes mb = storage.open(user);
        try (MailboxView v = mb.open("INBOX", true)) {
            for (var m : v.messages(UidSet.all())) {
                out.add(new String(v.content(m.uid()).open().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** A connection that records what the session writes. */
    static final class Session implements Connection {
        LmtpSession lmtp;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        List<String> send(String line) {
            lmtp.commandReceived(Command.ofLine(line.getBytes(StandardCharsets.UTF_8)));
            return take();
        }

        /** What the network layer does for a line with chunk framing: ask, announce, deliver. */
        List<String> chunk(String line, String data) {
            byte[] l = line.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
            long size = lmtp.chunkSize(l);
            assertEquals(bytes.length, size, "chunk size read from " + line);
            if (lmtp.literalAnnounced(new LiteralAnnouncement(line, size, false, true))) {
                lmtp.commandReceived(new Command(List.of(new Command.Text(l), new BytesLiteral(bytes))));
            } else {
                lmtp.inputRejected(InputError.LITERAL_REFUSED);
            }
            return take();
        }

        List<String> sendAll(String... lines) {
            List<String> last = List.of();
            take();
            for (String l : lines) {
                last = send(l);
            }
            return last;
        }

        List<String> take() {
            String s = out.toString(StandardCharsets.UTF_8);
            out.reset();
            return s.isEmpty() ? List.of() : List.of(s.split("\r\n"));
        }

        @Override
        public String id() {
            return "t1";
        }

        @Override
        public String listenerName() {
            return "lmtp";
        }

        @Override
        public SocketAddress remoteAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
        }

        @Override
        public SocketAddress localAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 24);
        }

        @Override
        public boolean secure() {
            return false;
        }

        @Override
        public boolean tlsAvailable() {
            return false;
        }

        @Override
        public boolean local() {
            return true;
        }

        @Override
        public void write(byte[] bytes) {
            out.writeBytes(bytes);
        }

        @Override
        public void write(String text) {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void startTls() {
            throw new IllegalStateException("no TLS here");
        }

        @Override
        public void startCompression() {
            throw new IllegalStateException("no compression here");
        }

        @Override
        public boolean compressed() {
            return false;
        }

        @Override
        public void setIdleTimeout(Duration timeout) {
        }

        @Override
        public void setUser(String user) {
        }

        @Override
        public Optional<String> user() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }

    /** A chunk as the network layer hands it over. */
    record BytesLiteral(byte[] data) implements Literal {
        @Override
        public long size() {
            return data.length;
        }

        @Override
        public boolean binary() {
            return true;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(data);
        }

        @Override
        public byte[] bytes() {
            return data.clone();
        }

        @Override
        public void release() {
        }
    }
}
