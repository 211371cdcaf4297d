package org.loftmail.core.imap;

import java.util.List;
import org.loftmail.core.imap.impl.Collation;
import org.loftmail.core.imap.impl.MessageIds;

/**
 * What THREAD derives from one message's headers, once: parsing ids and finding base subjects
 * is most of the cost of threading, and none of it changes for a message, so callers may keep
 * these per message.
 *
 * @param messageId the first {@code <id>} of Message-ID without brackets, or null
 * @param references the parent chain: the ids of References, else the first of In-Reply-To
 * @param subjectKey the collation key of the base subject (RFC 5256 2.1), "" when empty
 * @param replyOrForward whether the subject marked a reply or forward
 */
public record ThreadFacts(String messageId, List<String> references, String subjectKey, boolean replyOrForward) {

    public ThreadFacts {
        references = List.copyOf(references);
    }

    /** From the raw header values (each null when missing). */
    public static ThreadFacts of(String subject, String messageId, String inReplyTo, String references) {
        List<String> refs = MessageIds.all(references);
        if (refs.isEmpty()) {
            String reply = MessageIds.first(inReplyTo);
            if (reply != null) {
                refs = List.of(reply);
            }
        }
        BaseSubject base = BaseSubject.of(subject);
        return new ThreadFacts(MessageIds.first(messageId), refs, Collation.key(base.base()), base.replyOrForward());
    }
}
