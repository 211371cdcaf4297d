package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command table: every command of issue 5 is there, in the states RFC 3501 3 allows. */
class CommandTableTest {

    private final CommandTable table = CommandTable.standard();

    @Test
    void listsEveryCommand() {
        List<String> names = new ArrayList<>();
        table.entries().forEach(e -> names.add(e.name()));
        assertEquals(List.of("CAPABILITY", "NOOP", "LOGOUT", "STARTTLS", "AUTHENTICATE", "LOGIN", "SELECT", "EXAMINE",
                "CREATE", "DELETE", "RENAME", "SUBSCRIBE", "UNSUBSCRIBE", "LIST", "LSUB", "STATUS", "APPEND", "CHECK",
                "CLOSE", "EXPUNGE", "SEARCH", "FETCH", "STORE", "COPY", "UID SEARCH", "UID FETCH", "UID STORE",
                "UID COPY", "UID EXPUNGE", "MOVE", "UID MOVE", "UNSELECT", "SORT", "UID SORT", "THREAD", "UID THREAD",
                "IDLE", "NAMESPACE", "ID", "ENABLE", "GETQUOTA", "GETQUOTAROOT", "COMPRESS"), names);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // command, not authenticated, authenticated, selected, uses sequences, may expunge
            "CAPABILITY, true, true, true, false, false",
            "NOOP, true, true, true, false, true",
            "ID, true, true, true, false, false",
            "LOGIN, true, false, false, false, false",
            "AUTHENTICATE, true, false, false, false, false",
            "STARTTLS, true, false, false, false, false",
            "SELECT, false, true, true, false, false",
            "APPEND, false, true, true, false, true",
            "ENABLE, false, true, false, false, false",
            "IDLE, false, true, true, false, true",
            "FETCH, false, false, true, true, false",
            "STORE, false, false, true, true, false",
            "SEARCH, false, false, true, true, false",
            "UID FETCH, false, false, true, false, true",
            "UID EXPUNGE, false, false, true, false, true",
            "EXPUNGE, false, false, true, false, true",
            "MOVE, false, false, true, true, true",
            "CLOSE, false, false, true, false, false"})
    void statesAndSequenceRules(String name, boolean nonAuth, boolean auth, boolean selected, boolean usesSeqs,
                                boolean mayExpunge) {
        CommandEntry entry = table.find(name).orElseThrow();
        assertEquals(nonAuth, entry.allowedIn(SessionState.NOT_AUTHENTICATED));
        assertEquals(auth, entry.allowedIn(SessionState.AUTHENTICATED));
        assertEquals(selected, entry.allowedIn(SessionState.SELECTED));
        assertEquals(usesSeqs, entry.usesSequences());
        assertEquals(mayExpunge, entry.mayExpunge());
    }

    @Test
    void noCommandThatUsesSequenceNumbersMayExpungeExceptMove() {
        table.entries().forEach(e -> assertTrue(!e.usesSequences() || !e.mayExpunge() || e.name().equals("MOVE"),
                e.name()));
    }

    @Test
    void decoderReturnsTheRowWithTheRequest() throws ParseException {
        CommandDecoder.Decoded decoded = new CommandDecoder(table).decode(ClientInput.command("a uid fetch 1 UID"));
        assertEquals("UID FETCH", decoded.entry().name());
        assertEquals(Optional.empty(), table.find("DONE"));
        assertFalse(table.find("uid fetch").isPresent());
    }
}
