package org.loftmail.auth.impl.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.DbResult;

/**
 * One database of a chain: its block's settings and the opened database (null while its driver
 * is not registered: lookups are then temporary failures). Applies {@code default_fields} and
 * {@code override_fields} and the cache.
 */
public record ChainEntry(int index, BlockSettings settings, AuthDb db) {

    /** Looks the request's user up, from the cache when it holds the answer; never throws. */
    public DbResult lookup(Request request, DbCache cache) {
        return lookup(request, cache, false);
    }

    /**
     * Looks the request's user up; never throws.
     *
     * @param fresh ask the database even when the cache holds an answer (the new answer is cached)
     */
    public DbResult lookup(Request request, DbCache cache, boolean fresh) {
        if (db == null) {
            return new DbResult.Unavailable("driver " + settings.driver() + " is not available");
        }
        String key = settings.kind() + "/" + index + "/" + request.user();
        DbResult result = fresh ? null : cache.get(key);
        if (result == null) {
            try {
                result = db.lookup(request);
            } catch (RuntimeException e) {
                result = new DbResult.Unavailable(settings.driver() + ": " + e);
            }
            cache.put(key, result);
        }
        if (!(result instanceof DbResult.Found found)) {
            return result;
        }
        Map<String, String> fields = new LinkedHashMap<>(Fields.parse(request.expand(settings.defaultFields())));
        fields.putAll(found.fields());
        fields.putAll(Fields.parse(request.withFields(fields).expand(settings.overrideFields())));
        fields.values().removeIf(v -> v == null);
        return new DbResult.Found(fields);
    }
}
