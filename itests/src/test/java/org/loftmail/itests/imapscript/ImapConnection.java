package org.loftmail.itests.imapscript;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loftmail.itests.protoscript.ScriptConsole;

/**
 * A client connection reading whole IMAP responses: a response is a line, and if that line ends with a
 * literal announcement {@code {n}} the n bytes and the next line, and so on.
 */
public final class ImapConnection implements AutoCloseable {

    /** A whole server response: texts.size() == literals.size() + 1, or eof. */
    public record Response(List<String> texts, List<String> literals, boolean eof) {

        static final Response EOF = new Response(List.of(), List.of(), true);

        public String first() {
            return texts.isEmpty() ? "" : texts.get(0);
        }

        /** The response as one line, literals shown as {n} followed by their content in brackets. */
        public String render() {
            if (eof) {
                return "<EOF: connection closed by server>";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < texts.size(); i++) {
                sb.append(texts.get(i));
                if (i < literals.size()) {
                    String lit = literals.get(i);
                    sb.append('{').append(lit.getBytes(StandardCharsets.UTF_8).length).append("}<literal:")
                            .append(ImapConnection.abbreviate(lit.replace("\r\n", "\\r\\n"), 120)).append('>');
                }
            }
            return sb.toString();
        }
    }

    private static final Pattern LITERAL = Pattern.compile("\\{([0-9]+)\\}$");
    private static final int MAX_LINE = 16 * 1024 * 1024;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final Deque<Response> pushback = new ArrayDeque<>();
    private final String label;
    private final Consumer<String> log;

    /** A TCP connection; every read waits at most timeoutMillis (SocketTimeoutException). */
    public ImapConnection(String host, int port, int timeoutMillis, String label, Consumer<String> log)
            throws IOException {
        this.label = label;
        this.log = log;
        socket = ScriptConsole.connect(host, port, timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** A connection over given streams (tests: canned server bytes in, client bytes out). */
    public ImapConnection(InputStream in, OutputStream out, String label, Consumer<String> log) {
        this.label = label;
        this.log = log;
        this.socket = null;
        this.in = new BufferedInputStream(in);
        this.out = out;
    }

    /**
     * Continues in TLS (after the server's OK to STARTTLS), accepting any certificate: the
     * runner checks protocol behaviour, not the test server's certificate.
     */
    public void startTls() throws IOException {
        if (socket == null || in.available() > 0) {
            throw new IOException("cannot start TLS: " + (socket == null ? "not a socket" : "unread input after the OK"));
        }
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
            javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket(socket,
                    socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            tls.setUseClientMode(true);
            tls.startHandshake();
            socket = tls;
            in = new BufferedInputStream(tls.getInputStream());
            out = tls.getOutputStream();
            log.accept(label + " -- TLS " + tls.getSession().getProtocol() + " " + tls.getSession().getCipherSuite());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot start TLS: " + e, e);
        }
    }

    /** Continues in raw DEFLATE both ways (after the server's OK to COMPRESS DEFLATE, RFC 4978). */
    public void startCompression() throws IOException {
        if (in.available() > 0) {
            throw new IOException("cannot start COMPRESS: unread input after the OK");
        }
        InputStream raw = in;
        in = new BufferedInputStream(new java.util.zip.InflaterInputStream(raw, new java.util.zip.Inflater(true)));
        out = new java.util.zip.DeflaterOutputStream(out, new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true), true);
        log.accept(label + " -- COMPRESS DEFLATE");
    }

    /** Trusts every server certificate (test servers have self-signed ones). */
    private static final class TrustAll implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    /** The next response (a pushed-back one first). Throws SocketTimeoutException after the timeout. */
    public Response next() throws IOException {
        if (!pushback.isEmpty()) {
            return pushback.pop();
        }
        return read();
    }

    /** Changes the read timeout (no effect on stream-based connections). */
    public void setTimeout(int millis) throws IOException {
        if (socket != null) {
            socket.setSoTimeout(millis);
        }
    }

    public void pushBack(Response r) {
        pushback.push(r);
    }

    private Response read() throws IOException {
        List<String> texts = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                if (texts.isEmpty()) {
                    log.accept(label + ": <EOF>");
                    return Response.EOF;
                }
                throw new EOFException("connection closed inside a response after: " + texts);
            }
            Matcher m = LITERAL.matcher(line);
            if (m.find()) {
                int n = Integer.parseInt(m.group(1));
                texts.add(line.substring(0, m.start()));
                byte[] bytes = in.readNBytes(n);
                if (bytes.length < n) {
                    throw new EOFException("connection closed inside a literal of " + n + " bytes");
                }
                String lit = new String(bytes, StandardCharsets.UTF_8);
                literals.add(lit);
                log.accept(label + ": " + abbreviate(line, 300));
                for (String l : literalLines(lit)) {
                    log.accept(label + "| " + abbreviate(l, 300));
                }
                continue;
            }
            texts.add(line);
            log.accept(label + ": " + abbreviate(line, 300));
            return new Response(List.copyOf(texts), List.copyOf(literals), false);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (java.net.SocketException e) {
                // a reset after the server closed with unread input counts as end of stream
                log.accept(label + ": <" + e.getMessage() + ">");
                b = -1;
            }
            if (b < 0) {
                return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            buf.write(b);
            if (buf.size() > MAX_LINE) {
                throw new IOException("server line longer than " + MAX_LINE + " bytes");
            }
        }
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    public void flush() throws IOException {
        out.flush();
    }

    public void log(String entry) {
        log.accept(entry);
    }

    /** The lines of a literal for the transcript (no empty last line after a final CRLF). */
    static List<String> literalLines(String lit) {
        List<String> lines = new ArrayList<>(List.of(lit.split("\r\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...[" + s.length() + " chars]";
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            } else {
                in.close();
                out.close();
            }
        } catch (IOException ignored) {
            // closing
        }
    }
}
