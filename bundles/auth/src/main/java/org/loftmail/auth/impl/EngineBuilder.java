package org.loftmail.auth.impl;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver;
import org.loftmail.auth.impl.chain.BlockSettings;
import org.loftmail.auth.impl.chain.ChainEntry;
import org.loftmail.auth.impl.chain.DbCache;
import org.loftmail.auth.impl.chain.PassdbChain;
import org.loftmail.auth.impl.chain.UserdbChain;
import org.loftmail.auth.impl.penalty.Penalty;
import org.loftmail.auth.impl.penalty.Sleeper;
import org.loftmail.auth.impl.sasl.Mechanisms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an {@link AuthEngine} for settings and the drivers at hand, opening one database per
 * block. A block whose driver is missing or refuses its args stays in the chain without a
 * database (temporary failures), so a chain never silently changes meaning.
 *
 * @param opened the databases opened, for the caller to close when the engine is replaced
 */
public record EngineBuilder(AuthEngine engine, List<AuthDb> opened) {

    private static final Logger LOG = LoggerFactory.getLogger(EngineBuilder.class);

    public static EngineBuilder build(AuthSettings settings, Map<String, AuthDriver> drivers, Penalty penalty,
            Sleeper sleeper, Mechanisms mechanisms, Clock clock) {
        List<AuthDb> opened = new ArrayList<>();
        DbCache cache = new DbCache(settings.cacheSize(), settings.cacheTtl(), settings.cacheNegativeTtl(), clock);
        PassdbChain passdbs = new PassdbChain(entries(settings.passdbs(), drivers, opened), cache);
        UserdbChain userdbs = new UserdbChain(entries(settings.userdbs(), drivers, opened), cache);
        Login login = new Login(settings, passdbs, userdbs, penalty, sleeper);
        return new EngineBuilder(new AuthEngine(settings, login, userdbs, mechanisms), opened);
    }

    private static List<ChainEntry> entries(List<BlockSettings> blocks, Map<String, AuthDriver> drivers,
            List<AuthDb> opened) {
        List<ChainEntry> out = new ArrayList<>();
        for (BlockSettings b : blocks) {
            AuthDriver d = drivers.get(b.driver());
            AuthDb db = null;
            try {
                db = d == null ? null : d.open(b.kind(), b.args());
            } catch (RuntimeException e) {
                LOG.error("{} {}: {}", b.kind().name().toLowerCase(Locale.ROOT), b.driver(), e.getMessage());
            }
            if (db != null) {
                opened.add(db);
            }
            out.add(new ChainEntry(out.size(), b, db));
        }
        return out;
    }
}
