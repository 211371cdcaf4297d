package org.loftmail.lmtp.impl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loftmail.api.delivery.DeliveryResult;
import org.loftmail.api.delivery.DeliveryService;
import org.loftmail.api.delivery.Recipient;
import org.loftmail.api.delivery.RecipientLookup;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.Literal;
import org.loftmail.api.protocol.LiteralAnnouncement;
import org.loftmail.api.protocol.ProtocolSession;
import org.loftmail.api.storage.MessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LMTP connection (RFC 2033): LHLO, MAIL, RCPT (looked up at once), DATA (spooled) or BDAT
 * chunks (RFC 3030), then one reply per accepted recipient, each sent only after that copy is
 * stored durably. Replies to pipelined commands go out in order, one callback at a time.
 */
final class LmtpSession implements ProtocolSession {

    private static final Logger LOG = LoggerFactory.getLogger(LmtpSession.class);
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_RECIPIENTS = 1000;
    private static final DateTimeFormatter RFC5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private final Connection connection;
    private final DeliveryService delivery;
    private final LmtpSettings settings;

    private String lhlo;
    private String mailFrom;
    private final List<Recipient> recipients = new ArrayList<>();
    private MessageSpool data;
    private boolean dataTooLong;
    /** The chunks of a BDAT transaction so far; null outside one. */
    private MessageSpool chunks;
    private int transaction;

    LmtpSession(Connection connection, DeliveryService delivery, LmtpSettings settings) {
        this.connection = connection;
        this.delivery = delivery;
        this.settings = settings;
    }

    @Override
    public void started() {
        connection.setIdleTimeout(TIMEOUT);
        reply("220 " + settings.hostname() + " Loft ready.");
    }

    @Override
    public void commandReceived(Command command) {
        byte[] line = ((Command.Text) command.parts().get(0)).bytes();
        if (data != null) {
            dataLine(line);
            return;
        }
        if (command.parts().size() > 1 && command.parts().get(1) instanceof Literal chunk) {
            bdat(BdatCommand.parse(line), chunk);
            return;
        }
        LmtpCommand c = LmtpCommand.parse(new String(line, StandardCharsets.UTF_8));
        switch (c.verb()) {
            case "LHLO" -> lhlo(c);
            case "MAIL" -> mail(c);
            case "RCPT" -> rcpt(c);
            case "DATA" -> data();
            case "RSET" -> {
                reset();
                reply("250 2.0.0 OK");
            }
            case "NOOP" -> reply("250 2.0.0 OK");
            case "VRFY" -> reply("252 2.3.3 Try RCPT instead");
            case "QUIT" -> {
                reply("221 2.0.0 Bye");
                connection.close();
            }
            case "HELO", "EHLO" -> reply("500 5.5.1 Use LHLO in LMTP");
            case "BDAT" -> reply("501 5.5.4 Invalid BDAT syntax: BDAT <size> [LAST]");
            case "" -> reply("500 5.5.2 Empty command");
            default -> reply("500 5.5.2 Unknown command");
        }
    }

    private void lhlo(LmtpCommand c) {
        if (c.argument().isBlank()) {
            reply("501 5.5.4 Missing hostname");
            return;
        }
        reset();
        lhlo = c.argument().trim();
        reply("250-" + settings.hostname());
        reply("250-8BITMIME");
        reply("250-CHUNKING");
        reply("250-ENHANCEDSTATUSCODES");
        reply("250-PIPELINING");
        reply("250-SMTPUTF8");
        reply(settings.maxMessageSize() > 0 ? "250 SIZE " + settings.maxMessageSize() : "250 SIZE");
    }

    private void mail(LmtpCommand c) {
        if (lhlo == null) {
            reply("503 5.5.1 Error: send LHLO first");
            return;
        }
        if (mailFrom != null) {
            reply("503 5.5.1 Error: MAIL already given");
            return;
        }
        LmtpCommand.Path path;
        try {
            path = c.path("FROM");
        } catch (LmtpCommand.SyntaxException e) {
            reply("501 5.5.4 " + e.getMessage());
            return;
        }
        for (var p : path.parameters().entrySet()) {
            switch (p.getKey()) {
                case "SIZE" -> {
                    long size = parseLong(p.getValue());
                    if (size < 0) {
                        reply("501 5.5.4 Invalid SIZE parameter");
                        return;
                    }
                    if (settings.maxMessageSize() > 0 && size > settings.maxMessageSize()) {
                        reply("552 5.3.4 Message size exceeds fixed maximum message size");
                        return;
                    }
                }
                case "BODY" -> {
                    String body = p.getValue().toUpperCase(Locale.ROOT);
                    if (!body.equals("7BIT") && !body.equals("8BITMIME")) {
                        reply("501 5.5.4 Unsupported BODY parameter: " + p.getValue());
                        return;
                    }
                }
                case "SMTPUTF8", "AUTH", "RET", "ENVID" -> { }
                default -> {
                    reply("555 5.5.4 Unsupported parameter: " + p.getKey());
                    return;
                }
            }
        }
        mailFrom = path.address();
        reply("250 2.1.0 OK");
    }

    private void rcpt(LmtpCommand c) {
        if (mailFrom == null) {
            reply("503 5.5.1 Error: MAIL needed first");
            return;
        }
        LmtpCommand.Path path;
        try {
            path = c.path("TO");
        } catch (LmtpCommand.SyntaxException e) {
            reply("501 5.5.4 " + e.getMessage());
            return;
        }
        if (!path.parameters().isEmpty()) {
            // no RCPT extension (DSN's NOTIFY/ORCPT) is announced, so none may be used (RFC 5321 4.1.1.11)
            reply("555 5.5.4 Unsupported parameter: " + path.parameters().keySet().iterator().next());
            return;
        }
        if (path.address().isEmpty()) {
            reply("501 5.1.3 Missing recipient address");
            return;
        }
        if (recipients.size() >= MAX_RECIPIENTS) {
            reply("452 4.5.3 Too many recipients");
            return;
        }
        switch (delivery.lookup(path.address())) {
            case RecipientLookup.Found f -> {
                recipients.add(f.recipient());
                reply("250 2.1.5 OK");
            }
            case RecipientLookup.Unknown u -> {
                LOG.info("rcpt <{}>: no such user", path.address());
                reply("550 5.1.1 <" + path.address() + "> User doesn't exist: " + path.address());
            }
            case RecipientLookup.Temporary t -> {
                LOG.warn("rcpt <{}>: user lookup failed: {}", path.address(), t.reason());
                reply("451 4.3.0 <" + path.address() + "> Temporary internal error");
            }
        }
    }

    private void data() {
        if (mailFrom == null) {
            reply("503 5.5.1 Error: MAIL needed first");
            return;
        }
        if (recipients.isEmpty()) {
            reply("554 5.5.1 Error: No valid recipients");
            return;
        }
        if (chunks != null) {
            reply("503 5.5.1 Error: DATA after BDAT");
            return;
        }
        data = new MessageSpool();
        dataTooLong = false;
        reply("354 OK");
    }

    private void dataLine(byte[] line) {
        if (line.length == 1 && line[0] == '.') {
            endOfData();
            return;
        }
        try {
            data.addLine(line);
        } catch (IOException e) {
            LOG.error("spooling the message failed: {}", e.toString());
            dataTooLong = true; // answered as a temporary failure at the end
        }
    }

    private void endOfData() {
        MessageSpool spool = data;
        data = null;
        deliverAll(spool);
    }

    /**
     * The session asks the network layer to read {@code BDAT n} chunks as raw bytes whenever the
     * line is one (not inside DATA, where such a line is message text).
     */
    @Override
    public long chunkSize(byte[] line) {
        if (data != null || line.length < 6 || (line[0] | 0x20) != 'b') {
            return -1;
        }
        BdatCommand c = BdatCommand.parse(line);
        return c == null ? -1 : c.size();
    }

    /** Refuses a chunk that cannot be taken (its bytes are then dropped by the network layer). */
    @Override
    public boolean literalAnnounced(LiteralAnnouncement announcement) {
        BdatCommand c = BdatCommand.parse(announcement.lineSoFar().getBytes(StandardCharsets.UTF_8));
        String refusal = c == null ? "501 5.5.4 Invalid BDAT syntax" : chunkRefusal(c);
        if (refusal == null) {
            return true;
        }
        reply(refusal);
        return false;
    }

    private String chunkRefusal(BdatCommand c) {
        if (mailFrom == null) {
            return "503 5.5.1 Error: MAIL needed first";
        }
        if (recipients.isEmpty()) {
            return "554 5.5.1 Error: No valid recipients";
        }
        long total = (chunks == null ? 0 : chunks.size()) + c.size();
        if (settings.maxMessageSize() > 0 && total > settings.maxMessageSize()) {
            reset();
            return "552 5.3.4 Message size exceeds fixed maximum message size";
        }
        return null;
    }

    private void bdat(BdatCommand c, Literal chunk) {
        if (chunks == null) {
            chunks = new MessageSpool();
        }
        try (java.io.InputStream in = chunk.open()) {
            chunks.addBytes(in);
        } catch (IOException e) {
            LOG.error("spooling a BDAT chunk failed: {}", e.toString());
            reset();
            reply("451 4.3.0 Temporary internal error");
            return;
        }
        if (!c.last()) {
            reply("250 2.0.0 OK " + c.size() + " octets received");
            return;
        }
        MessageSpool spool = chunks;
        chunks = null;
        deliverAll(spool);
    }

    private void deliverAll(MessageSpool spool) {
        transaction++;
        String id = connection.id() + "-" + transaction;
        boolean spoolFailed = dataTooLong;
        dataTooLong = false;
        try (spool) {
            spool.finish();
            if (spoolFailed) {
                for (Recipient r : recipients) {
                    reply("451 4.3.0 <" + r.address() + "> Temporary internal error");
                }
                return;
            }
            if (settings.maxMessageSize() > 0 && spool.size() > settings.maxMessageSize()) {
                for (Recipient r : recipients) {
                    reply("552 5.3.4 <" + r.address() + "> Message size exceeds fixed maximum message size");
                }
                return;
            }
            String messageId = messageId(spool);
            for (Recipient r : recipients) {
                MessageSource copy = settings.addReceivedHeader() ? withReceived(spool, r, id) : spool;
                DeliveryResult result = delivery.deliver(r, mailFrom, copy);
                LOG.info("{}: msgid={} from=<{}> to=<{}> size={}: {}", r.user(), messageId, mailFrom, r.address(),
                        spool.size(), describe(result));
                reply(replyFor(r, result, id));
            }
        } catch (IOException e) {
            LOG.error("reading the spooled message failed: {}", e.toString());
            for (Recipient r : recipients) {
                reply("451 4.3.0 <" + r.address() + "> Temporary internal error");
            }
        } finally {
            reset();
        }
    }

    private String replyFor(Recipient r, DeliveryResult result, String id) {
        String who = "<" + r.address() + ">";
        return switch (result) {
            case DeliveryResult.Stored s -> "250 2.0.0 " + who + " " + id + " Saved";
            case DeliveryResult.Discarded d -> "250 2.0.0 " + who + " " + id + " Saved";
            case DeliveryResult.Rejected j -> "550 5.7.1 " + who + " " + j.reason();
            case DeliveryResult.Failed f -> switch (f.kind()) {
                case OVER_QUOTA -> settings.quotaFullTempfail() ? "452 4.2.2 " + who + " " + f.reason()
                        : "552 5.2.2 " + who + " " + f.reason();
                case TOO_BIG -> "552 5.2.3 " + who + " " + f.reason();
                case TEMPORARY -> "451 4.3.0 " + who + " " + f.reason();
                case PERMANENT -> "554 5.2.0 " + who + " " + f.reason();
            };
        };
    }

    private static String describe(DeliveryResult r) {
        return switch (r) {
            case DeliveryResult.Stored s -> "saved to " + s.copies().stream().map(c -> c.mailbox()).toList();
            case DeliveryResult.Discarded d -> "discarded";
            case DeliveryResult.Rejected j -> "rejected: " + j.reason();
            case DeliveryResult.Failed f -> "failed (" + f.kind() + "): " + f.reason();
        };
    }

    /** Dovecot's Received header, per recipient ({@code for <rcpt>}). */
    private MessageSource withReceived(MessageSpool spool, Recipient r, String id) {
        String ip = connection.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : "local";
        String header = "Received: from " + lhlo + " ([" + ip + "])\r\n\tby " + settings.hostname()
                + " with LMTP id " + id + "\r\n\t(envelope-from <" + mailFrom + ">)\r\n\tfor <" + r.address()
                + ">; " + RFC5322.format(ZonedDateTime.now()) + "\r\n";
        byte[] prefix = header.getBytes(StandardCharsets.UTF_8);
        return new MessageSource() {
            @Override
            public java.io.InputStream open() throws IOException {
                return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(prefix), spool.open());
            }

            @Override
            public long size() {
                return prefix.length + spool.size();
            }
        };
    }

    private static String messageId(MessageSpool spool) throws IOException {
        String head = new String(spool.head(16 * 1024), StandardCharsets.ISO_8859_1);
        for (String l : head.split("\r\n")) {
            if (l.isEmpty()) {
                break;
            }
            if (l.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                return l.substring(11).trim();
            }
        }
        return "(none)";
    }

    private void reset() {
        mailFrom = null;
        recipients.clear();
        if (data != null) {
            data.close();
            data = null;
        }
        if (chunks != null) {
            chunks.close();
            chunks = null;
        }
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void reply(String line) {
        connection.write(line + "\r\n");
    }

    @Override
    public void inputRejected(InputError error) {
        if (error == InputError.LITERAL_REFUSED) {
            return; // a refused BDAT chunk, answered when it was announced
        }
        if (data != null) {
            dataTooLong = true; // keep reading to the final dot, then refuse
            return;
        }
        reply("500 5.5.2 Line too long");
    }

    @Override
    public void idleTimedOut(Connection c) {
        reply("421 4.4.2 " + settings.hostname() + " Disconnected for inactivity");
        c.close();
    }

    @Override
    public void closed() {
        reset();
    }
}
