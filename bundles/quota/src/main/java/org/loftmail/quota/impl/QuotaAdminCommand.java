package org.loftmail.quota.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loftmail.api.admin.AdminCommand;
import org.loftmail.api.admin.AdminException;
import org.loftmail.api.admin.AdminReply;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.quota.QuotaRoot;

/**
 * {@code loftadm quota get|recalc [-u] USER}: the user's quota as {@code doveadm quota get}
 * prints it (name, type, value, limit, %; STORAGE in KiB, {@code -} for no limit), counted again
 * from the mailboxes first for {@code recalc} (which rewrites {@code maildirsize}).
 */
abstract class QuotaAdminCommand implements AdminCommand {

    private static final List<String> HEADER = List.of("Quota name", "Type", "Value", "Limit", "%");

    private final QuotaComponent quota;
    private final boolean recalculate;

    QuotaAdminCommand(QuotaComponent quota, boolean recalculate) {
        this.quota = quota;
        this.recalculate = recalculate;
    }

    @Override
    public String usage() {
        return "[-u] USER";
    }

    @Override
    public AdminReply run(List<String> args) throws AdminException {
        String user = user(args);
        Optional<QuotaRoot> root;
        try {
            root = quota.usage(user, recalculate);
        } catch (StorageException e) {
            throw new AdminException(e.error() == StorageError.NOT_FOUND ? AdminException.Kind.NO_USER
                    : e.error() == StorageError.TEMPORARY ? AdminException.Kind.TEMPORARY : AdminException.Kind.FAILED,
                    e.getMessage(), e);
        }
        if (root.isEmpty()) {
            if (recalculate) {
                return AdminReply.NONE;
            }
            throw new AdminException(AdminException.Kind.FAILED, "quota is not enabled for " + user
                    + " (no 'quota' in the plugin settings or the userdb)");
        }
        return recalculate ? AdminReply.NONE : table(root.get());
    }

    private static AdminReply table(QuotaRoot root) {
        List<List<String>> rows = new ArrayList<>();
        for (QuotaRoot.Resource r : root.resources()) {
            String limit = r.limit() > 0 ? Long.toString(r.limit()) : "-";
            String percent = r.limit() > 0 ? Long.toString(r.usage() * 100 / r.limit()) : "0";
            rows.add(List.of(root.name(), r.name(), Long.toString(r.usage()), limit, percent));
        }
        return new AdminReply(HEADER, rows);
    }

    private static String user(List<String> args) throws AdminException {
        List<String> rest = new ArrayList<>(args);
        if (!rest.isEmpty() && rest.get(0).equals("-u")) {
            rest.remove(0);
        }
        if (rest.size() != 1 || rest.get(0).startsWith("-")) {
            throw new AdminException(AdminException.Kind.USAGE, "usage: quota get|recalc [-u] USER");
        }
        return rest.get(0);
    }
}
