package org.loftmail.net.impl;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** A blocking line client for tests: TCP or Unix socket; reads are unbuffered (safe to switch to TLS). */
final class TestClient implements Closeable {

    static final int TIMEOUT_MS = 10_000;

    private Socket socket;
    private final SocketChannel unixChannel;
    private InputStream in;
    private OutputStream out;

    private TestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.unixChannel = null;
        socket.setSoTimeout(TIMEOUT_MS);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    private TestClient(SocketChannel unix) {
        this.socket = null;
        this.unixChannel = unix;
        this.in = Channels.newInputStream(unix);
        this.out = Channels.newOutputStream(unix);
    }

    static TestClient connect(SocketAddress address) throws IOException {
        if (address instanceof InetSocketAddress inet) {
            Socket s = new Socket();
            s.connect(inet, TIMEOUT_MS);
            return new TestClient(s);
        }
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(address);
        return new TestClient(ch);
    }

    static TestClient over(Socket socket) throws IOException {
        return new TestClient(socket);
    }

    Socket socket() {
        return socket;
    }

    /** Replaces the streams (after layering TLS over the socket). */
    void upgrade(Socket tlsSocket) throws IOException {
        this.socket = tlsSocket;
        tlsSocket.setSoTimeout(TIMEOUT_MS);
        this.in = tlsSocket.getInputStream();
        this.out = tlsSocket.getOutputStream();
    }

    TestClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    TestClient send(byte[] data) throws IOException {
        out.write(data);
        out.flush();
        return this;
    }

    /** One line without its CRLF; null at end of stream. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
    }

    /** Reads exactly n bytes. */
    byte[] readBytes(int n) throws IOException {
        return in.readNBytes(n);
    }

    /** True when the server closed the connection (end of stream or reset) within the timeout. */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        if (unixChannel != null) {
            unixChannel.close();
        }
    }
}
