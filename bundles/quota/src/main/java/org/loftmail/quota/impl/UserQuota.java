package org.loftmail.quota.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.quota.QuotaRequest;
import org.loftmail.quota.impl.QuotaSettings.UserSettings;
import org.loftmail.quota.impl.QuotaSettings.UserSettings.Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's quota: settings (from the configuration and the userdb), the usage of each mailbox
 * as last counted, and for the maildir backend the {@code maildirsize} file. Every method runs
 * under the object's lock, which is never held while a storage lock is.
 */
final class UserQuota {

    private static final Logger LOG = LoggerFactory.getLogger(UserQuota.class);

    /** The limits and usage that apply now. */
    record Snapshot(UserSettings settings, Usage used, long defaultBytes, long defaultCount) {
        QuotaRules.Limits limits(String mailbox) {
            return mailbox == null
                    ? new QuotaRules.Limits(defaultBytes, defaultCount, false)
                    : settings.rules().limitsFor(mailbox, defaultBytes, defaultCount);
        }
    }

    final String user;
    private Map<String, String> userdb = Map.of();
    private UserSettings settings;
    private Instant lookedUp;
    /** The maildirsize file, when the backend is maildir and the location is a maildir one. */
    private Path maildirsize;
    /** Per mailbox usage as last counted; null until counted. */
    private Map<String, Usage> mailboxes;

    UserQuota(String user) {
        this.user = user;
    }

    /** Whether the userdb fields must be looked up (again). */
    synchronized boolean expired(Instant now, java.time.Duration ttl) {
        return lookedUp == null || lookedUp.plus(ttl).isBefore(now);
    }

    synchronized UserSettings settings() {
        return settings;
    }

    /** New userdb fields and settings; the counted usage is kept when the backend and file stay. */
    synchronized void update(Map<String, String> fields, UserSettings s, Instant now) {
        Path file = null;
        if (s.backend() == Backend.MAILDIR) {
            try {
                file = MaildirLocation.controlDir(s.mailLocation(), user, fields.get("home"))
                        .resolve(MaildirSizeFile.NAME);
            } catch (IllegalArgumentException e) {
                LOG.warn("quota of {}: {}; counting usage from the mailboxes instead", user, e.getMessage());
            }
        }
        if (settings == null || settings.backend() != s.backend() || !java.util.Objects.equals(file, maildirsize)
                || !fields.equals(userdb)) {
            mailboxes = null;
        }
        userdb = Map.copyOf(fields);
        settings = s;
        lookedUp = now;
        maildirsize = file;
    }

    Path maildirsize() {
        return maildirsize;
    }

    boolean counted() {
        return mailboxes != null;
    }

    /** Counts every mailbox (and for maildir, brings the file in line with the count). */
    synchronized void load(Backing b, Instant now) throws StorageException {
        if (mailboxes != null || !settings.enabled()) {
            return;
        }
        mailboxes = new HashMap<>(b.countAll(user, userdb));
        if (maildirsize != null) {
            try {
                MaildirSizeFile.Contents c = MaildirSizeFile.read(maildirsize);
                Usage total = total();
                long[] def = defaults(c);
                if (c == null || !c.usage().equals(total) || c.needsRecalculation(now, def[0], def[1])
                        || limitsChanged(c)) {
                    write(def[0], def[1], total);
                }
            } catch (IOException e) {
                LOG.warn("quota of {}: cannot read or write {}: {}", user, maildirsize, e.toString());
            }
        }
    }

    /** Counts the mailboxes that changed since they were last counted and records the differences. */
    synchronized void flush(Backing b, Set<String> changed) throws StorageException {
        if (mailboxes == null || changed.isEmpty()) {
            return;
        }
        Usage delta = Usage.ZERO;
        for (String mailbox : changed) {
            Usage now = b.count(user, userdb, mailbox);
            Usage before = now == null ? mailboxes.remove(mailbox) : mailboxes.put(mailbox, now);
            Usage d = (now == null ? Usage.ZERO : now).minus(before == null ? Usage.ZERO : before);
            if (!settings.rules().ignored(mailbox)) {
                delta = delta.plus(d);
            }
        }
        if (maildirsize != null && !delta.isZero()) {
            try {
                if (!MaildirSizeFile.append(maildirsize, delta)) {
                    long[] def = defaults(null);
                    write(def[0], def[1], total());
                }
            } catch (IOException e) {
                LOG.warn("quota of {}: cannot append to {}: {}", user, maildirsize, e.toString());
            }
        }
    }

    /** The usage and limits now; for maildir from the file, recalculated when it must be. */
    synchronized Snapshot snapshot(Backing b, Instant now) throws StorageException {
        if (maildirsize == null) {
            long[] def = defaults(null);
            return new Snapshot(settings, total(), def[0], def[1]);
        }
        try {
            MaildirSizeFile.Contents c = MaildirSizeFile.read(maildirsize);
            long[] def = defaults(c);
            if (c == null || c.needsRecalculation(now, def[0], def[1]) || limitsChanged(c)) {
                return recalculate(b);
            }
            return new Snapshot(settings, c.usage(), def[0], def[1]);
        } catch (IOException e) {
            LOG.warn("quota of {}: cannot read {}: {}", user, maildirsize, e.toString());
            long[] def = defaults(null);
            return new Snapshot(settings, total(), def[0], def[1]);
        }
    }

    /** Counts everything again and, for maildir, rewrites the file. */
    synchronized Snapshot recalculate(Backing b) throws StorageException {
        if (!settings.enabled()) {
            return new Snapshot(settings, Usage.ZERO, 0, 0);
        }
        mailboxes = new HashMap<>(b.countAll(user, userdb));
        Usage total = total();
        long[] def = defaults(null);
        if (maildirsize != null) {
            try {
                if (!settings.rules().hasDefault()) {
                    MaildirSizeFile.Contents c = MaildirSizeFile.read(maildirsize);
                    def = defaults(c);
                }
                write(def[0], def[1], total);
            } catch (IOException e) {
                LOG.warn("quota of {}: cannot rewrite {}: {}", user, maildirsize, e.toString());
            }
        }
        return new Snapshot(settings, total, def[0], def[1]);
    }

    /** Refuses a request that goes over a limit (or is too big); returns when it is allowed. */
    synchronized void check(Backing b, QuotaRequest r, Instant now) throws StorageException {
        long max = settings.maxMailSize();
        if (max > 0 && r.bytes() > max * r.messages()) {
            // with one message that is it; with more, at least one of them is larger than allowed
            throw new StorageException(StorageError.TOO_BIG, QuotaSettings.TOO_BIG);
        }
        if (!settings.enabled() || settings.noEnforcing() || settings.rules().ignored(r.mailbox())) {
            return;
        }
        if (r.movedFrom() != null && !settings.rules().ignored(r.movedFrom())) {
            // as Dovecot's quota_move_requires_check(): within one quota root a move does not raise
            // the usage (the originals are expunged next), so a user at the limit can still move
            // mail to Trash to delete it
            return;
        }
        Snapshot s = snapshot(b, now);
        QuotaRules.Limits limits = s.limits(r.mailbox());
        if (limits.ignored() || limits.unlimited()) {
            return;
        }
        Usage used = s.used();
        if (limits.count() > 0 && used.count() + r.messages() > limits.count()) {
            throw new StorageException(StorageError.OVER_QUOTA, settings.exceededMessage());
        }
        if (limits.bytes() > 0 && used.bytes() + r.bytes() > limits.bytes()) {
            long grace = settings.grace(s.defaultBytes());
            boolean lastOne = used.bytes() < limits.bytes() && used.bytes() + r.bytes() <= limits.bytes() + grace;
            if (!lastOne) {
                throw new StorageException(StorageError.OVER_QUOTA, settings.exceededMessage());
            }
        }
    }

    private boolean limitsChanged(MaildirSizeFile.Contents c) {
        if (c == null || !settings.rules().hasDefault()) {
            return false; // limits come from the file
        }
        return c.bytesLimit() != Math.max(0, settings.rules().defaultBytes())
                || c.countLimit() != Math.max(0, settings.rules().defaultCount());
    }

    /** The default limits: the {@code *} rule's, else (maildir) the file's first line. */
    private long[] defaults(MaildirSizeFile.Contents c) {
        QuotaRules rules = settings.rules();
        if (rules.hasDefault() || c == null) {
            return new long[] {Math.max(0, rules.defaultBytes()), Math.max(0, rules.defaultCount())};
        }
        return new long[] {c.bytesLimit(), c.countLimit()};
    }

    private void write(long bytesLimit, long countLimit, Usage total) throws IOException {
        if (!MaildirSizeFile.rewrite(maildirsize, bytesLimit, countLimit, total)) {
            LOG.debug("quota of {}: {} is being rewritten by someone else", user, maildirsize);
        }
    }

    private Usage total() {
        Usage t = Usage.ZERO;
        if (mailboxes != null) {
            for (Map.Entry<String, Usage> e : mailboxes.entrySet()) {
                if (!settings.rules().ignored(e.getKey())) {
                    t = t.plus(e.getValue());
                }
            }
        }
        return t;
    }
}
