package org.loftmail.admin.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code loftadm COMMAND ...} for the commands the running server registers
 * ({@code loftadm help} lists them): sends the words to the {@code doveadm-server} socket and
 * prints the table the server answers with, in columns as {@code doveadm} does. Exits with the
 * server's code (0, or 64 usage, 67 no such user, 70 failed, 75 try again); 69 when the server
 * cannot be reached.
 */
public final class AdminClient {

    static final int UNAVAILABLE = 69;

    private AdminClient() {
    }

    public static void main(String[] args) {
        List<String> words = new ArrayList<>(List.of(args));
        Path socket = Path.of(System.getProperty("loft.run", "var/run"), "doveadm-server");
        int s = words.indexOf("-S");
        if (s >= 0 && s + 1 < words.size()) {
            socket = Path.of(words.get(s + 1));
            words.remove(s + 1);
            words.remove(s);
        }
        System.exit(run(socket, words, System.out, System.err));
    }

    static int run(Path socket, List<String> words, PrintStream out, PrintStream err) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            Writer w = Channels.newWriter(ch, StandardCharsets.UTF_8);
            w.write(AdminWire.line(words) + "\n");
            w.flush();
            BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            return readReply(r, out, err);
        } catch (IOException e) {
            err.println("loftadm: cannot reach the server at " + socket + ": " + e.getMessage()
                    + " (is 'loft run' running, and is this its run folder? -S SOCKET names another)");
            return UNAVAILABLE;
        }
    }

    private static int readReply(BufferedReader r, PrintStream out, PrintStream err) throws IOException {
        List<List<String>> table = new ArrayList<>();
        for (String line; (line = r.readLine()) != null; ) {
            List<String> f = AdminWire.fields(line);
            switch (f.get(0)) {
                case AdminWire.HEADER, AdminWire.ROW -> table.add(f.subList(1, f.size()));
                case AdminWire.OK -> {
                    print(table, out);
                    return 0;
                }
                case AdminWire.FAILED -> {
                    print(table, out);
                    err.println("loftadm: " + (f.size() > 2 ? f.get(2) : "failed"));
                    return f.size() > 1 ? Integer.parseInt(f.get(1)) : 70;
                }
                default -> throw new IOException("unexpected reply line: " + line);
            }
        }
        throw new IOException("the server closed the connection before answering");
    }

    /** Columns padded to their widest cell, separated by one space. */
    static void print(List<List<String>> table, PrintStream out) {
        if (table.isEmpty()) {
            return;
        }
        int columns = table.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : table) {
            for (int i = 0; i < columns && i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : table) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), width[i]));
            }
            out.println(b);
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
