package org.loftmail.auth.impl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A line client for the server's auth sockets (TAB-separated fields, LF-terminated lines). */
final class AuthSocketClient implements AutoCloseable {

    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    private AuthSocketClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
    }

    static AuthSocketClient connect(Path socket, String handshake) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot connect to " + socket + " (is the server running with this socket in service auth?): " + e.getMessage(), e);
        }
        AuthSocketClient client = new AuthSocketClient(channel);
        client.send(handshake);
        return client;
    }

    void skipUntil(String first) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals(first) || line.startsWith(first + "\t")) {
                return;
            }
        }
        throw new IOException("the server closed the connection during the handshake");
    }

    String[] ask(String line) throws IOException {
        send(line + "\n");
        String answer = in.readLine();
        if (answer == null) {
            throw new IOException("the server closed the connection");
        }
        return answer.split("\t", -1);
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
