package org.loftmail.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A blocking CRLF line client over TCP, TLS or a Unix socket. */
public final class LineClient implements AutoCloseable {

    private final AutoCloseable channel;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private LineClient(AutoCloseable channel, InputStream in, OutputStream out) {
        this.channel = channel;
        this.in = in;
        this.out = out;
    }

    public static LineClient tcp(String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(10000);
        LineClient client = new LineClient(socket, socket.getInputStream(), socket.getOutputStream());
        client.socket = socket;
        return client;
    }

    public static LineClient tls(String host, int port, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(10000);
        socket.startHandshake();
        LineClient client = new LineClient(socket, socket.getInputStream(), socket.getOutputStream());
        client.socket = socket;
        return client;
    }

    public static LineClient unix(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(path));
        return new LineClient(channel, Channels.newInputStream(channel), Channels.newOutputStream(channel));
    }

    /** Upgrades this TCP connection to TLS (after the server said to go ahead). */
    public SSLSocket startTls(SSLContext context) throws IOException {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, remote.getHostString(), remote.getPort(), true);
        tls.startHandshake();
        in = tls.getInputStream();
        out = tls.getOutputStream();
        return tls;
    }

    public void send(String line) throws IOException {
        sendRaw(line + "\r\n");
    }

    public void sendRaw(String data) throws IOException {
        sendBytes(data.getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    /** The next line without CRLF, or null at end of stream. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /** Sends a line and returns the answer. */
    public String ask(String line) throws IOException {
        send(line);
        return readLine();
    }

    @Override
    public void close() throws Exception {
        channel.close();
    }
}
