package org.loftmail.auth.impl.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.loftmail.api.auth.DbResult;

/**
 * The passdb chain, evaluated as Dovecot does: each passdb not skipped is asked in order; its
 * outcome picks {@code result_success}, {@code result_failure} or {@code result_internalfail};
 * a {@code deny} passdb that finds the user refuses the login. Once a password was verified,
 * later passdbs only add fields. Thread-safe.
 */
public final class PassdbChain {

    /** The outcome of a passdb lookup. */
    public enum Status { OK, MISMATCH, UNKNOWN, INTERNAL, DISABLED }

    /**
     * @param user the user name after any {@code user=} field
     * @param fields every field the passdbs returned
     */
    public record Outcome(Status status, String user, Map<String, String> fields) {
    }

    /** Checks the password against a passdb's fields (its {@code password}); true when it matches. */
    public interface Verifier extends Predicate<Map<String, String>> {
    }

    private final List<ChainEntry> entries;
    private final DbCache cache;
    private final NetworkList networks;

    public PassdbChain(List<ChainEntry> entries, DbCache cache) {
        this.entries = List.copyOf(entries);
        this.cache = cache;
        this.networks = new NetworkList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Runs the chain for {@code request}, checking passwords with {@code verifier}. */
    public Outcome run(Request request, Verifier verifier) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean success = false;
        boolean internal = false;
        boolean verified = false;
        Status last = Status.UNKNOWN;
        for (ChainEntry entry : entries) {
            BlockSettings s = entry.settings();
            if (s.skip().equals("authenticated") && success || s.skip().equals("unauthenticated") && !success
                    || !s.usedFor(request.mechanism()) || !s.usedForUser(request.user())) {
                continue;
            }
            Map<String, String> found = new LinkedHashMap<>();
            Status status = status(entry, request, verifier, verified, found);
            if (s.deny()) {
                if (status == Status.OK) {
                    return new Outcome(Status.DISABLED, request.user(), fields);
                }
                internal |= status == Status.INTERNAL;
                continue;
            }
            last = status;
            if (status == Status.OK) {
                fields.putAll(found);
                String renamed = found.get("user");
                if (renamed != null && !renamed.isEmpty()) {
                    request = request.withUser(renamed);
                }
            }
            internal |= status == Status.INTERNAL;
            Rule rule = status == Status.OK ? s.resultSuccess()
                    : status == Status.INTERNAL ? s.resultInternalfail() : s.resultFailure();
            switch (rule) {
                case RETURN_OK, CONTINUE_OK -> success = true;
                case RETURN_FAIL, CONTINUE_FAIL -> success = false;
                case RETURN -> success = status == Status.OK;
                case CONTINUE -> verified |= status == Status.OK;
            }
            verified |= success;
            if (rule.stops()) {
                break;
            }
        }
        Status result = success ? Status.OK : internal ? Status.INTERNAL : last == Status.OK ? Status.MISMATCH : last;
        return new Outcome(result, request.user(), fields);
    }

    /**
     * One passdb's answer. A password that does not match a cached entry is checked once more
     * against the database, so a changed password works at once (the old one until the TTL ends).
     */
    private Status status(ChainEntry entry, Request request, Verifier verifier, boolean verified,
            Map<String, String> into) {
        Status s = status(entry.lookup(request, cache), request, verifier, verified, into);
        if (s == Status.MISMATCH && cache.enabled()) {
            into.clear();
            s = status(entry.lookup(request, cache, true), request, verifier, verified, into);
        }
        return s;
    }

    private Status status(DbResult r, Request request, Verifier verifier, boolean verified, Map<String, String> into) {
        if (r instanceof DbResult.Unavailable) {
            return Status.INTERNAL;
        }
        if (!(r instanceof DbResult.Found found)) {
            return Status.UNKNOWN;
        }
        into.putAll(found.fields());
        String allowNets = found.fields().get("allow_nets");
        if (allowNets != null && !allowNets.isBlank() && !networks.contains(allowNets, request.client().remoteIp())) {
            return Status.MISMATCH;
        }
        if (verified || Fields.flag(found.fields(), "nopassword")) {
            return Status.OK;
        }
        return verifier.test(found.fields()) ? Status.OK : Status.MISMATCH;
    }
}
