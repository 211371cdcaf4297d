package org.loftmail.imap.impl.process;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.imap.impl.encode.ResponseWriter;
import org.loftmail.imap.impl.request.FetchAttribute;
import org.loftmail.imap.impl.request.FetchRequest;
import org.loftmail.imap.impl.session.FlagNames;
import org.loftmail.imap.impl.session.Selected;

/**
 * FETCH responses of index data only (FLAGS, UID, RFC822.SIZE, MODSEQ), as clients send to
 * resynchronise a whole mailbox ({@code UID FETCH 1:* (FLAGS)}): each line is built in one
 * reused buffer by one call per message, with the flag lists of the message before reused, the
 * same octets {@link FetchCommand}'s general path writes ({@code MetadataResponderTest}). A FETCH
 * of 20,000 messages this way makes a few calls per message instead of some seventy, which is
 * what counts while the JIT has not compiled them yet.
 */
final class MetadataResponder {

    private static final byte[] FETCH = " FETCH (".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UID = "UID ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIZE = "RFC822.SIZE ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MODSEQ = "MODSEQ (".getBytes(StandardCharsets.US_ASCII);

    private final Selected sel;
    private final List<FetchAttribute.Kind> kinds;
    private final boolean uidFirst;
    private final boolean alwaysModseq;
    private final ResponseWriter out;
    private byte[] line = new byte[256];
    private int length;
    private Flags lastFlags;
    private boolean lastRecent;
    private byte[] lastFlagsItem;

    /** Whether every attribute asked for is index data this class writes. */
    static boolean handles(FetchRequest r) {
        for (FetchAttribute a : r.attributes()) {
            if (!(a instanceof FetchAttribute.Simple s) || !switch (s.kind()) {
                case FLAGS, UID, RFC822_SIZE, MODSEQ -> true;
                default -> false;
            }) {
                return false;
            }
        }
        return true;
    }

    /** For a request {@link #handles} accepts; the flags as in {@link FetchCommand}. */
    MetadataResponder(Selected sel, FetchRequest r, ResponseWriter out, boolean uidFirst, boolean alwaysModseq) {
        this.sel = sel;
        this.kinds = r.attributes().stream().map(a -> ((FetchAttribute.Simple) a).kind()).toList();
        this.uidFirst = uidFirst;
        this.alwaysModseq = alwaysModseq;
        this.out = out;
    }

    void respond(ViewMessage m) {
        length = 0;
        put((byte) '*');
        put((byte) ' ');
        number(m.seq());
        put(FETCH);
        boolean first = true;
        boolean uid = uidFirst;
        boolean modseq = false;
        if (uid) {
            put(UID);
            number(m.uid());
            first = false;
        }
        for (int i = 0; i < kinds.size(); i++) {
            FetchAttribute.Kind kind = kinds.get(i);
            if (kind == FetchAttribute.Kind.UID && uid) {
                continue;
            }
            if (!first) {
                put((byte) ' ');
            }
            first = false;
            switch (kind) {
                case FLAGS -> put(flagsItem(m));
                case UID -> {
                    put(UID);
                    number(m.uid());
                    uid = true;
                }
                case RFC822_SIZE -> {
                    put(SIZE);
                    number(m.meta().size());
                }
                case MODSEQ -> {
                    modseq(m);
                    modseq = true;
                }
                default -> throw new IllegalStateException("not index data: " + kind);
            }
        }
        if (!modseq && alwaysModseq) {
            if (!first) {
                put((byte) ' ');
            }
            modseq(m);
        }
        put((byte) ')');
        put((byte) '\r');
        put((byte) '\n');
        out.line(line, length);
    }

    /** {@code FLAGS (...)}: the previous message's octets when its flags were the same. */
    private byte[] flagsItem(ViewMessage m) {
        Flags flags = m.meta().flags();
        boolean recent = sel.recent(m);
        if (lastFlagsItem == null || recent != lastRecent || flags != lastFlags && !flags.equals(lastFlags)) {
            lastFlagsItem = ("FLAGS (" + String.join(" ", FlagNames.of(flags, recent)) + ")")
                    .getBytes(StandardCharsets.UTF_8);
            lastFlags = flags;
            lastRecent = recent;
        }
        return lastFlagsItem;
    }

    private void modseq(ViewMessage m) {
        put(MODSEQ);
        number(m.meta().modseq());
        put((byte) ')');
    }

    /** Through the JDK's own formatting: compiled long before this class's code is. */
    private void number(long n) {
        put(Long.toString(n).getBytes(StandardCharsets.US_ASCII));
    }

    private void put(byte b) {
        ensure(1);
        line[length++] = b;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, line, length, b.length);
        length += b.length;
    }

    private void ensure(int more) {
        if (length + more > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + more));
        }
    }
}
