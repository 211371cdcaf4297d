package org.loftmail.imap.impl.process;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.core.mime.MessageStructure;
import org.loftmail.imap.impl.encode.FetchEncoder;
import org.loftmail.imap.impl.encode.FetchItem;
import org.loftmail.imap.impl.encode.ResponseCode;
import org.loftmail.imap.impl.encode.ResponseWriter;
import org.loftmail.imap.impl.encode.SectionLabels;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.fetch.BinaryReader;
import org.loftmail.imap.impl.fetch.MessageCache;
import org.loftmail.imap.impl.fetch.SectionReader;
import org.loftmail.imap.impl.request.FetchAttribute;
import org.loftmail.imap.impl.request.FetchRequest;
import org.loftmail.imap.impl.session.FlagNames;
import org.loftmail.imap.impl.session.ImapSession;
import org.loftmail.imap.impl.session.Selected;

/**
 * FETCH and UID FETCH (RFC 3501 6.4.5), BINARY (RFC 3516), CHANGEDSINCE and VANISHED (RFC 7162).
 * Metadata comes from the storage index; ENVELOPE and BODYSTRUCTURE from the message cache;
 * only section data reads message files. A non-PEEK body fetch sets {@code \Seen} first and
 * reports the new FLAGS with the data.
 */
final class FetchCommand {

    private FetchCommand() {
    }

    static StatusResponse fetch(ImapSession s, FetchRequest r) throws StorageException {
        Selected sel = s.selected();
        MailboxView view = sel.view();
        UidSet set;
        try {
            set = Sequences.resolve(s, r.set(), r.uid());
        } catch (Sequences.InvalidSetException e) {
            return StatusResponse.bad(r.tag(), "Error in IMAP command " + (r.uid() ? "UID " : "") + "FETCH: "
                    + e.getMessage());
        }
        if (r.changedSince() != null) {
            s.enabled().add("CONDSTORE");
        }
        if (r.vanished()) {
            if (!s.qresync()) {
                return StatusResponse.bad(r.tag(), "Error in IMAP command UID FETCH: QRESYNC not enabled");
            }
            long[] gone = vanished(view, set, r.changedSince());
            if (gone.length > 0) {
                s.out().vanished(true, gone);
            }
        }
        List<ViewMessage> messages = view.messages(set);
        if (r.changedSince() != null) {
            long since = r.changedSince();
            messages = messages.stream().filter(m -> m.meta().modseq() > since).toList();
        }
        Map<Long, ViewMessage> seen = markSeen(sel, r, messages);
        boolean uid = r.uid() || s.qresync(); // RFC 7162 3.2.4
        boolean modseq = s.condstore() || r.changedSince() != null;
        if (seen.isEmpty() && MetadataResponder.handles(r)) {
            MetadataResponder metadata = new MetadataResponder(sel, r, s.out().writer(), uid, modseq);
            for (int i = 0; i < messages.size(); i++) {
                metadata.respond(messages.get(i));
            }
            return StatusResponse.ok(r.tag(), "Fetch completed.");
        }
        Responder responder = new Responder(sel, r, s.out().writer(), seen, uid, modseq);
        boolean expungedSome = false;
        try {
            for (int i = 0; i < messages.size(); i++) {
                expungedSome |= !responder.respond(messages.get(i));
            }
        } catch (BinaryReader.UnknownEncodingException e) {
            return StatusResponse.no(r.tag(), ResponseCode.UNKNOWN_CTE, e.getMessage());
        }
        if (expungedSome) {
            return StatusResponse.no(r.tag(), ResponseCode.EXPUNGEISSUED,
                    "Some of the requested messages no longer exist.");
        }
        return StatusResponse.ok(r.tag(), "Fetch completed.");
    }

    /**
     * Writes one message's FETCH response. The per-message work lives in this method, not in the
     * loop over the messages: a method called for each of thousands of messages is compiled within
     * the first command, while a loop run once per command stays interpreted for several.
     */
    private record Responder(Selected sel, FetchRequest r, ResponseWriter out, Map<Long, ViewMessage> seen,
            boolean uid, boolean modseq) {

        /** @return false when the message was expunged meanwhile */
        boolean respond(ViewMessage m) throws StorageException, BinaryReader.UnknownEncodingException {
            ViewMessage now = seen.isEmpty() ? m : seen.getOrDefault(m.uid(), m);
            try {
                FetchEncoder.fetch(out, now.seq(), items(sel, r, now, now != m, uid, modseq));
                return true;
            } catch (StorageException e) {
                if (e.error() != StorageError.EXPUNGED) {
                    throw e;
                }
                return false;
            } catch (IOException e) {
                throw new StorageException(StorageError.INTERNAL, "reading message " + m.uid() + ": " + e, e);
            }
        }
    }

    private static long[] vanished(MailboxView view, UidSet set, Long since) throws StorageException {
        UidSet gone = view.changesSince(since == null ? 0 : since).vanished();
        List<Long> out = new ArrayList<>();
        long max = view.status().uidNext() - 1;
        for (UidSet.Range range : gone.ranges()) {
            for (long u = range.first(); u <= Math.min(range.last(), max) && out.size() < 1_000_000; u++) {
                if (set.contains(u)) {
                    out.add(u);
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Sets \Seen on unseen messages a non-PEEK body fetch reads; returns their new state by UID. */
    private static Map<Long, ViewMessage> markSeen(Selected sel, FetchRequest r, List<ViewMessage> messages)
            throws StorageException {
        boolean setsSeen = !sel.readOnly() && r.attributes().stream().anyMatch(a ->
                a instanceof FetchAttribute.Body b && !b.peek() || a instanceof FetchAttribute.Binary bi && !bi.peek());
        Map<Long, ViewMessage> out = new HashMap<>();
        if (!setsSeen) {
            return out;
        }
        List<Long> unseen = messages.stream().filter(m -> !m.meta().flags().has(Flag.SEEN)).map(ViewMessage::uid)
                .toList();
        if (!unseen.isEmpty()) {
            for (ViewMessage m : sel.view().store(UidSet.of(unseen), FlagChange.add(Flags.of(Flag.SEEN))).changed()) {
                out.put(m.uid(), m);
            }
        }
        return out;
    }

    /**
     * @param uid whether the UID goes first (UID FETCH, or any FETCH under QRESYNC)
     * @param alwaysModseq whether MODSEQ goes with every response (CONDSTORE enabled, CHANGEDSINCE)
     */
    private static List<FetchItem> items(Selected sel, FetchRequest r, ViewMessage m, boolean nowSeen, boolean uid,
            boolean alwaysModseq) throws StorageException, IOException, BinaryReader.UnknownEncodingException {
        List<FetchItem> items = new ArrayList<>(r.attributes().size() + 2);
        boolean modseq = false;
        if (uid) {
            items.add(new FetchItem.Uid(m.uid()));
        }
        if (nowSeen && r.attributes().stream().noneMatch(a -> a instanceof FetchAttribute.Simple x
                && x.kind() == FetchAttribute.Kind.FLAGS)) {
            items.add(new FetchItem.Flags(FlagNames.of(m.meta().flags(), sel.recent(m)))); // first, as Dovecot
        }
        MessageContent content = null;
        for (FetchAttribute a : r.attributes()) {
            if (a instanceof FetchAttribute.Simple simple) { // the common case, checked first: no type switch
                switch (simple.kind()) {
                    case FLAGS -> items.add(new FetchItem.Flags(FlagNames.of(m.meta().flags(), sel.recent(m))));
                    case UID -> {
                        if (!uid) {
                            items.add(new FetchItem.Uid(m.uid()));
                            uid = true;
                        }
                    }
                    case INTERNALDATE -> items.add(new FetchItem.InternalDate(
                            ZonedDateTime.ofInstant(m.meta().internalDate(), ZoneId.systemDefault())));
                    case RFC822_SIZE -> items.add(new FetchItem.Rfc822Size(m.meta().size()));
                    case MODSEQ -> {
                        items.add(new FetchItem.ModSeq(m.meta().modseq()));
                        modseq = true;
                    }
                    case ENVELOPE -> items.add(new FetchItem.Envelope(
                            "(" + MessageCache.envelope(sel.view(), m.uid()) + ")"));
                    case BODY, BODYSTRUCTURE -> {
                        MessageStructure st = MessageCache.structure(sel.view(), m.uid());
                        items.add(simple.kind() == FetchAttribute.Kind.BODY
                                ? new FetchItem.Structure(false, "(" + st.body() + ")")
                                : new FetchItem.Structure(true, "(" + st.bodyStructure() + ")"));
                    }
                }
                continue;
            }
            content = content == null ? sel.view().content(m.uid()) : content;
            items.add(section(a, content));
        }
        if (!modseq && alwaysModseq) {
            items.add(new FetchItem.ModSeq(m.meta().modseq()));
        }
        return items;
    }

    private static FetchItem section(FetchAttribute a, MessageContent content)
            throws StorageException, IOException, BinaryReader.UnknownEncodingException {
        return switch (a) {
            case FetchAttribute.Body b -> new FetchItem.SectionData(SectionLabels.of(b),
                    SectionReader.read(content, b.section(), b.partial()));
            case FetchAttribute.Binary b -> new FetchItem.SectionData(SectionLabels.of(b),
                    BinaryReader.read(content, b.part(), b.partial()));
            case FetchAttribute.BinarySize b -> new FetchItem.BinarySize(SectionLabels.of(b),
                    Math.max(BinaryReader.size(content, b.part()), 0));
            case FetchAttribute.Simple simple -> throw new IllegalArgumentException("not a section: " + simple);
        };
    }
}
