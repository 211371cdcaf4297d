package org.loftmail.core.imap;

import java.util.List;
import org.loftmail.core.imap.impl.OrderedSubjectThreader;
import org.loftmail.core.imap.impl.ReferencesThreader;
import org.loftmail.core.imap.impl.ThreadNode;

/**
 * THREAD algorithms of RFC 5256, producing the thread list of the untagged THREAD response
 * (what follows {@code * THREAD }), e.g. {@code (1 2)(3 (4)(5))}. Stateless and thread-safe;
 * the input list is not modified.
 */
public final class Threader {
    private Threader() {
    }

    /** THREAD=ORDEREDSUBJECT (RFC 5256 section 3, "poor man's threading"). */
    public static String orderedSubject(List<ThreadMessage> messages) {
        return ThreadNode.writeAll(OrderedSubjectThreader.thread(messages));
    }

    /** THREAD=REFERENCES (RFC 5256 section 4, after Jamie Zawinski's algorithm). */
    public static String references(List<ThreadMessage> messages) {
        return ThreadNode.writeAll(ReferencesThreader.thread(messages));
    }
}
