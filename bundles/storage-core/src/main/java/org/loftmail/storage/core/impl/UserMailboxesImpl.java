package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.List;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.AppendResult;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.MailboxInfo;
import org.loftmail.api.storage.MailboxStatus;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.Namespace;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.event.MailboxCreated;
import org.loftmail.api.storage.event.MailboxDeleted;
import org.loftmail.api.storage.event.MailboxRenamed;
import org.loftmail.api.storage.event.MessagesAppended;
import org.loftmail.storage.core.impl.name.ListPattern;
import org.loftmail.storage.core.impl.name.MailboxNames;

/**
 * A session's handle on its user's store: name checks, folder operations and APPEND, with events.
 * Names come and go in the personal namespace's separator; the store below sees internal names.
 */
final class UserMailboxesImpl implements UserMailboxes {

    private final StoreContext ctx;
    private final MailUser user;
    private final List<Namespace> namespaces;
    private final Runnable onClose;
    private boolean closed;

    UserMailboxesImpl(StoreContext ctx, MailUser user, List<Namespace> namespaces, Runnable onClose) {
        this.ctx = ctx;
        this.user = user;
        this.namespaces = List.copyOf(namespaces);
        this.onClose = onClose;
    }

    @Override
    public MailUser user() {
        return user;
    }

    @Override
    public List<Namespace> namespaces() {
        return namespaces;
    }

    @Override
    public List<MailboxInfo> list(String reference, String pattern, boolean subscribedOnly) throws StorageException {
        NamespaceConfig ns = ctx.namespace();
        return MailboxLister.list(ctx.store().names(), ctx.store().subscriptions(),
                new ListPattern(reference, pattern, ns.separator()), subscribedOnly, ns::external, ns::specialUse,
                ns.inboxIsRoot());
    }

    @Override
    public void create(String name) throws StorageException {
        // RFC 3501 6.3.3: a trailing separator only declares the intent to create children
        char sep = ctx.namespace().separator();
        String n = name.length() > 1 && name.charAt(name.length() - 1) == sep ? name.substring(0, name.length() - 1)
                : name;
        for (String created : ctx.store().create(ctx.inNew(n))) {
            ctx.events().publish(new MailboxCreated(ctx.user(), ctx.out(created)));
        }
    }

    @Override
    public void delete(String name) throws StorageException {
        String n = ctx.in(name);
        ctx.store().delete(n);
        ctx.events().publish(new MailboxDeleted(ctx.user(), ctx.out(n)));
    }

    @Override
    public void rename(String from, String to) throws StorageException {
        String f = ctx.in(from);
        String t = ctx.inNew(to);
        if (MailboxNames.isInbox(f)) {
            renameInbox(ctx.out(t));
            return;
        }
        for (String old : ctx.store().rename(f, t)) {
            ctx.events().publish(new MailboxRenamed(ctx.user(), ctx.out(old), ctx.out(t + old.substring(f.length()))));
        }
    }

    /** RFC 3501 6.3.5: renaming INBOX moves its messages to a new mailbox and leaves INBOX empty. */
    private void renameInbox(String to) throws StorageException {
        create(to);
        try (MailboxView inbox = open(MailboxNames.INBOX, false)) {
            inbox.move(UidSet.all(), to);
        }
    }

    @Override
    public void subscribe(String name, boolean subscribed) throws StorageException {
        ctx.store().subscribe(ctx.inNew(name), subscribed);
    }

    @Override
    public MailboxStatus status(String name) throws StorageException {
        MailboxState s = ctx.store().state(ctx.in(name));
        return s.with(s::status);
    }

    @Override
    public AppendResult append(String mailbox, List<AppendRequest> messages) throws StorageException {
        String internal = ctx.in(mailbox);
        String name = ctx.out(internal);
        MailboxState s = ctx.store().state(internal);
        long known = 0;
        boolean allKnown = true;
        List<Incoming> incoming = new ArrayList<>();
        for (AppendRequest r : messages) {
            long size = r.content().size();
            allKnown &= size >= 0;
            known += Math.max(0, size);
            incoming.add(new Incoming(r.content()::open, r.flags(), r.internalDate(), null));
        }
        if (allKnown) {
            ctx.quota().check(ctx.user(), name, messages.size(), known);
        }
        List<Long> uids = s.with(() -> s.save(incoming));
        if (!allKnown) {
            checkAfterwards(s, name, uids);
        }
        ctx.events().publish(new MessagesAppended(ctx.user(), name, s.uidValidity(), uids));
        return new AppendResult(s.uidValidity(), uids);
    }

    /** Sizes were unknown up front: ask quota with the real ones and take the messages back if refused. */
    private void checkAfterwards(MailboxState s, String name, List<Long> uids) throws StorageException {
        long bytes = s.with(() -> uids.stream().map(s.table.messages::get).filter(m -> m != null)
                .mapToLong(MessageMeta::size).sum());
        try {
            ctx.quota().check(ctx.user(), name, uids.size(), bytes);
        } catch (StorageException e) {
            s.with(() -> s.expunge(uids, m -> true));
            throw e;
        }
    }

    @Override
    public MailboxView open(String mailbox, boolean readOnly) throws StorageException {
        return new MailboxViewImpl(ctx.store().state(ctx.in(mailbox)), ctx, readOnly);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
