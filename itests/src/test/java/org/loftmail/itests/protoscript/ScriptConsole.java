package org.loftmail.itests.protoscript;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/** What the IMAP and line-protocol script runners share outside the script format itself. */
public final class ScriptConsole {

    private ScriptConsole() {
    }

    /** A TCP connection whose connect and every read wait at most {@code timeoutMillis}. */
    public static Socket connect(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Prints a script's result line, and its transcript (the last lines only unless verbose) when it failed. */
    public static void report(String summary, boolean passed, List<String> transcript, boolean verbose) {
        System.out.println(summary);
        if (passed && !verbose) {
            return;
        }
        List<String> shown = verbose ? transcript : transcript.subList(Math.max(0, transcript.size() - 15), transcript.size());
        System.out.println("  transcript" + (verbose ? "" : " (last lines)") + ":");
        for (String l : shown) {
            System.out.println("    " + l);
        }
    }
}
