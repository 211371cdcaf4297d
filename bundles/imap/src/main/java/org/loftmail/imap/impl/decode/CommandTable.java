package org.loftmail.imap.impl.decode;

import static org.loftmail.imap.impl.decode.SessionState.AUTHENTICATED;
import static org.loftmail.imap.impl.decode.SessionState.NOT_AUTHENTICATED;
import static org.loftmail.imap.impl.decode.SessionState.SELECTED;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loftmail.imap.impl.request.CapabilityRequest;
import org.loftmail.imap.impl.request.CheckRequest;
import org.loftmail.imap.impl.request.CloseRequest;
import org.loftmail.imap.impl.request.ExpungeRequest;
import org.loftmail.imap.impl.request.IdleRequest;
import org.loftmail.imap.impl.request.LogoutRequest;
import org.loftmail.imap.impl.request.NamespaceRequest;
import org.loftmail.imap.impl.request.NoopRequest;
import org.loftmail.imap.impl.request.StartTlsRequest;
import org.loftmail.imap.impl.request.UnselectRequest;

/**
 * Every IMAP command Loft knows, as in Dovecot's imap-commands.c: name, parser, the states that
 * allow it, and how it relates to sequence numbers. Grouped by RFC; an extension adds rows.
 */
public final class CommandTable {

    private static final Set<SessionState> ANY = EnumSet.allOf(SessionState.class);
    private static final Set<SessionState> NOT_AUTH = EnumSet.of(NOT_AUTHENTICATED);
    private static final Set<SessionState> AUTH = EnumSet.of(AUTHENTICATED, SELECTED);
    private static final Set<SessionState> AUTH_ONLY = EnumSet.of(AUTHENTICATED);
    private static final Set<SessionState> SEL = EnumSet.of(SELECTED);

    private final Map<String, CommandEntry> entries = new LinkedHashMap<>();

    /** The table of all commands. */
    public static CommandTable standard() {
        CommandTable t = new CommandTable();
        // RFC 3501 6.1: any state
        t.add("CAPABILITY", (tag, r) -> new CapabilityRequest(tag), ANY, false, false);
        t.add("NOOP", (tag, r) -> new NoopRequest(tag), ANY, false, true);
        t.add("LOGOUT", (tag, r) -> new LogoutRequest(tag), ANY, false, false);
        // RFC 3501 6.2: not authenticated
        t.add("STARTTLS", (tag, r) -> new StartTlsRequest(tag), NOT_AUTH, false, false);
        t.add("AUTHENTICATE", AuthParsers::authenticate, NOT_AUTH, false, false);
        t.add("LOGIN", AuthParsers::login, NOT_AUTH, false, false);
        // RFC 3501 6.3: authenticated
        t.add("SELECT", (tag, r) -> SelectParser.select(tag, r, false), AUTH, false, false);
        t.add("EXAMINE", (tag, r) -> SelectParser.select(tag, r, true), AUTH, false, false);
        t.add("CREATE", MailboxParsers::create, AUTH, false, false);
        t.add("DELETE", MailboxParsers::delete, AUTH, false, false);
        t.add("RENAME", MailboxParsers::rename, AUTH, false, false);
        t.add("SUBSCRIBE", MailboxParsers::subscribe, AUTH, false, false);
        t.add("UNSUBSCRIBE", MailboxParsers::unsubscribe, AUTH, false, false);
        t.add("LIST", ListParser::list, AUTH, false, false);
        t.add("LSUB", ListParser::lsub, AUTH, false, false);
        t.add("STATUS", StatusParser::status, AUTH, false, false);
        t.add("APPEND", AppendParser::append, AUTH, false, true);
        // RFC 3501 6.4: selected
        t.add("CHECK", (tag, r) -> new CheckRequest(tag), SEL, false, true);
        t.add("CLOSE", (tag, r) -> new CloseRequest(tag), SEL, false, false);
        t.add("EXPUNGE", (tag, r) -> new ExpungeRequest(tag), SEL, false, true);
        t.add("SEARCH", (tag, r) -> SearchParser.search(tag, r, false), SEL, true, false);
        t.add("FETCH", (tag, r) -> FetchParser.fetch(tag, r, false), SEL, true, false);
        t.add("STORE", (tag, r) -> StoreParser.store(tag, r, false), SEL, true, false);
        t.add("COPY", (tag, r) -> CopyMoveParsers.copy(tag, r, false), SEL, true, false);
        t.add("UID SEARCH", (tag, r) -> SearchParser.search(tag, r, true), SEL, false, true);
        t.add("UID FETCH", (tag, r) -> FetchParser.fetch(tag, r, true), SEL, false, true);
        t.add("UID STORE", (tag, r) -> StoreParser.store(tag, r, true), SEL, false, true);
        t.add("UID COPY", (tag, r) -> CopyMoveParsers.copy(tag, r, true), SEL, false, true);
        // RFC 4315 UIDPLUS, RFC 6851 MOVE, RFC 3691 UNSELECT
        t.add("UID EXPUNGE", CopyMoveParsers::uidExpunge, SEL, false, true);
        t.add("MOVE", (tag, r) -> CopyMoveParsers.move(tag, r, false), SEL, true, true);
        t.add("UID MOVE", (tag, r) -> CopyMoveParsers.move(tag, r, true), SEL, false, true);
        t.add("UNSELECT", (tag, r) -> new UnselectRequest(tag), SEL, false, false);
        // RFC 5256 SORT and THREAD
        t.add("SORT", (tag, r) -> SortThreadParsers.sort(tag, r, false), SEL, true, false);
        t.add("UID SORT", (tag, r) -> SortThreadParsers.sort(tag, r, true), SEL, false, true);
        t.add("THREAD", (tag, r) -> SortThreadParsers.thread(tag, r, false), SEL, true, false);
        t.add("UID THREAD", (tag, r) -> SortThreadParsers.thread(tag, r, true), SEL, false, true);
        // RFC 2177 IDLE, RFC 2342 NAMESPACE, RFC 2971 ID, RFC 5161 ENABLE
        t.add("IDLE", (tag, r) -> new IdleRequest(tag), AUTH, false, true);
        t.add("NAMESPACE", (tag, r) -> new NamespaceRequest(tag), AUTH, false, false);
        t.add("ID", SessionParsers::id, ANY, false, false);
        t.add("ENABLE", SessionParsers::enable, AUTH_ONLY, false, false);
        // RFC 9208 QUOTA, RFC 4978 COMPRESS
        t.add("GETQUOTA", SessionParsers::getQuota, AUTH, false, false);
        t.add("GETQUOTAROOT", MailboxParsers::getQuotaRoot, AUTH, false, false);
        t.add("COMPRESS", SessionParsers::compress, AUTH, false, false);
        return t;
    }

    private void add(String name, CommandParser parser, Set<SessionState> states, boolean usesSequences,
                     boolean mayExpunge) {
        entries.put(name, new CommandEntry(name, parser, states, usesSequences, mayExpunge));
    }

    /** The entry for a command name (upper case, {@code UID X} for UID commands). */
    public Optional<CommandEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** All entries in table order. */
    public Iterable<CommandEntry> entries() {
        return entries.values();
    }
}
