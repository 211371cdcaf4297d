package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.List;
import org.loftmail.api.storage.CopyResult;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.event.MessagesAppended;
import org.loftmail.api.storage.event.MessagesMoved;
import org.loftmail.api.storage.quota.QuotaRequest;

/**
 * COPY and MOVE from a view to another mailbox of the same user. Holds at most one mailbox lock at
 * a time (source content is read without it), so two sessions copying in opposite directions
 * cannot deadlock.
 */
final class Transfer {

    private final MailboxViewImpl view;
    private final List<Long> uids;

    Transfer(MailboxViewImpl view, List<Long> uids) {
        this.view = view;
        this.uids = uids;
    }

    CopyResult copy(String target) throws StorageException {
        String name = view.ctx.in(target);
        CopyResult r = transfer(name, false);
        if (!r.targetUids().isEmpty()) {
            view.ctx.events().publish(new MessagesAppended(view.ctx.user(), view.ctx.out(name), r.uidValidity(),
                    r.targetUids()));
        }
        return r;
    }

    CopyResult move(String target) throws StorageException {
        String name = view.ctx.in(target);
        CopyResult r = transfer(name, true);
        MailboxState source = view.state;
        List<Long> gone = source.with(() -> source.expunge(r.sourceUids(), m -> true));
        if (!r.targetUids().isEmpty()) {
            view.ctx.events().publish(new MessagesMoved(view.ctx.user(), view.name(), r.sourceUids(),
                    view.ctx.out(name), r.uidValidity(), r.targetUids()));
        }
        if (gone.size() != r.sourceUids().size()) {
            // another session expunged some originals meanwhile: the copies stay, as after COPY + EXPUNGE
            org.slf4j.LoggerFactory.getLogger(Transfer.class).debug("move from {}: {} of {} already gone",
                    view.name(), r.sourceUids().size() - gone.size(), r.sourceUids().size());
        }
        return r;
    }

    private CopyResult transfer(String name, boolean moving) throws StorageException {
        MailboxState source = view.state;
        MailboxState dest = view.ctx.store().state(name);
        List<MessageMeta> metas = source.with(() -> {
            List<MessageMeta> out = new ArrayList<>();
            for (Long uid : uids) {
                MessageMeta m = source.table.messages.get(uid);
                if (m != null) {
                    out.add(m);
                }
            }
            return out;
        });
        long bytes = metas.stream().mapToLong(MessageMeta::size).sum();
        view.ctx.quota().check(new QuotaRequest(view.ctx.user(), view.ctx.out(name), metas.size(), bytes,
                moving ? view.name() : null));
        List<Incoming> incoming = new ArrayList<>();
        for (MessageMeta m : metas) {
            incoming.add(new Incoming(() -> source.open(m.uid(), 0), m.flags(), m.internalDate(), m.guid()));
        }
        List<Long> created = dest.with(() -> dest.save(incoming));
        return new CopyResult(dest.uidValidity(), metas.stream().map(MessageMeta::uid).toList(), created);
    }
}
