package org.loftmail.auth.impl.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loftmail.api.auth.DbResult;

/**
 * The userdb chain: each userdb not skipped ({@code skip = found/notfound}) is asked in order,
 * fields merged (a later userdb's value wins), {@code result_*} rules as for passdbs. Starts
 * from the {@code userdb_*} fields a passdb returned. Thread-safe.
 */
public final class UserdbChain {

    public enum Status { FOUND, NOT_FOUND, INTERNAL }

    public record Outcome(Status status, Map<String, String> fields) {
    }

    private final List<ChainEntry> entries;
    private final DbCache cache;

    public UserdbChain(List<ChainEntry> entries, DbCache cache) {
        this.entries = List.copyOf(entries);
        this.cache = cache;
    }

    /** Runs the chain; {@code initial} are the userdb fields known before (from the passdb). */
    public Outcome run(Request request, Map<String, String> initial) {
        Map<String, String> fields = new LinkedHashMap<>(initial);
        boolean found = entries.isEmpty();
        boolean internal = false;
        for (ChainEntry entry : entries) {
            BlockSettings s = entry.settings();
            if (s.skip().equals("found") && found || s.skip().equals("notfound") && !found) {
                continue;
            }
            DbResult r = entry.lookup(request.withFields(fields), cache);
            boolean ok = r instanceof DbResult.Found;
            if (r instanceof DbResult.Found f) {
                fields.putAll(f.fields());
            }
            internal |= r instanceof DbResult.Unavailable;
            Rule rule = ok ? s.resultSuccess() : r instanceof DbResult.Unavailable ? s.resultInternalfail() : s.resultFailure();
            switch (rule) {
                case RETURN_OK, CONTINUE_OK -> found = true;
                case RETURN_FAIL, CONTINUE_FAIL -> found = false;
                case RETURN -> found = ok;
                case CONTINUE -> found |= ok;
            }
            if (rule.stops()) {
                break;
            }
        }
        fields.values().removeIf(String::isEmpty);
        Status status = found ? Status.FOUND : internal ? Status.INTERNAL : Status.NOT_FOUND;
        return new Outcome(status, fields);
    }
}
