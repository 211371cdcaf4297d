package org.loftmail.imap.impl.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.imap.impl.request.StatusItem;

/** Status responses, response codes and untagged data, as in the RFC examples, byte for byte. */
class ResponseEncoderTest {

    private static Arguments row(String expected, Consumer<ResponseEncoder> write) {
        return Arguments.of(expected.replace("\\r\\n", "\r\n"), write);
    }

    private static Map<StatusItem, Long> status(Object... pairs) {
        Map<StatusItem, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((StatusItem) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return map;
    }

    static Stream<Arguments> responses() {
        return Stream.of(
                row("a002 OK NOOP completed\r\n", e -> e.status(StatusResponse.ok("a002", "NOOP completed"))),
                row("* OK [ALERT] System shutdown in 10 minutes\r\n",
                        e -> e.status(new StatusResponse(null, StatusResponse.Condition.OK, ResponseCode.ALERT, "System shutdown in 10 minutes"))),
                row("* PREAUTH IMAP4rev1 server logged in as Smith\r\n",
                        e -> e.status(new StatusResponse(null, StatusResponse.Condition.PREAUTH, null, "IMAP4rev1 server logged in as Smith"))),
                row("* BYE Autologout; idle for too long\r\n", e -> e.status(StatusResponse.bye("Autologout; idle for too long"))),
                row("a1 BAD Error in IMAP command FETCH: Invalid sequence set\r\n",
                        e -> e.status(StatusResponse.bad("a1", "Error in IMAP command FETCH: Invalid sequence set"))),
                row("a001 OK [CAPABILITY IMAP4rev1 SASL-IR ID IDLE] Logged in\r\n",
                        e -> e.status(StatusResponse.ok("a001", ResponseCode.capability(List.of("IMAP4rev1", "SASL-IR", "ID", "IDLE")), "Logged in"))),
                row("* OK [UNSEEN 12] Message 12 is first unseen\r\n",
                        e -> e.status(StatusResponse.ok(null, ResponseCode.unseen(12), "Message 12 is first unseen"))),
                row("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n",
                        e -> e.status(StatusResponse.ok(null, ResponseCode.uidValidity(3857529045L), "UIDs valid"))),
                row("* OK [UIDNEXT 4392] Predicted next UID\r\n",
                        e -> e.status(StatusResponse.ok(null, ResponseCode.uidNext(4392), "Predicted next UID"))),
                row("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n",
                        e -> e.status(StatusResponse.ok(null, ResponseCode.permanentFlags(List.of("\\Deleted", "\\Seen", "\\*")), "Limited"))),
                row("A142 OK [READ-WRITE] SELECT completed\r\n",
                        e -> e.status(StatusResponse.ok("A142", ResponseCode.READ_WRITE, "SELECT completed"))),
                row("A932 OK [READ-ONLY] EXAMINE completed\r\n",
                        e -> e.status(StatusResponse.ok("A932", ResponseCode.READ_ONLY, "EXAMINE completed"))),
                row("A003 NO [TRYCREATE] Mailbox doesn't exist: x\r\n",
                        e -> e.status(StatusResponse.no("A003", ResponseCode.TRYCREATE, "Mailbox doesn't exist: x"))),
                row("A003 OK [APPENDUID 38505 3955] APPEND completed\r\n",
                        e -> e.status(StatusResponse.ok("A003", ResponseCode.appendUid(38505, new long[] {3955}), "APPEND completed"))),
                row("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n",
                        e -> e.status(StatusResponse.ok("A004", ResponseCode.copyUid(38505, new long[] {304, 319, 320},
                                new long[] {3956, 3957, 3958}), "Done"))),
                row("* OK [HIGHESTMODSEQ 715194045007] Highest\r\n",
                        e -> e.status(StatusResponse.ok(null, ResponseCode.highestModSeq(715194045007L), "Highest"))),
                row("* OK [NOMODSEQ] Sorry, this mailbox format doesn't support modsequences\r\n",
                        e -> e.status(StatusResponse.ok(null, ResponseCode.NOMODSEQ, "Sorry, this mailbox format doesn't support modsequences"))),
                row("d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n",
                        e -> e.status(StatusResponse.ok("d105", ResponseCode.modified(new long[] {9, 7}), "Conditional STORE failed"))),
                row("* OK [CLOSED] Previous mailbox closed.\r\n",
                        e -> e.status(StatusResponse.ok(null, ResponseCode.CLOSED, "Previous mailbox closed."))),
                row("A3 NO [TOOBIG] Message too large\r\n", e -> e.status(StatusResponse.no("A3", ResponseCode.TOOBIG, "Message too large"))),
                row("A3 NO [OVERQUOTA] Quota exceeded\r\n", e -> e.status(StatusResponse.no("A3", ResponseCode.OVERQUOTA, "Quota exceeded"))),
                row("a NO [UNAVAILABLE] Try later\r\n", e -> e.status(StatusResponse.no("a", ResponseCode.UNAVAILABLE, "Try later"))),
                row("a NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
                        e -> e.status(StatusResponse.no("a", ResponseCode.AUTHENTICATIONFAILED, "Authentication failed."))),
                row("a NO [NONEXISTENT] Mailbox doesn't exist\r\n", e -> e.status(StatusResponse.no("a", ResponseCode.NONEXISTENT, "Mailbox doesn't exist"))),
                row("a NO [ALREADYEXISTS] Mailbox already exists\r\n", e -> e.status(StatusResponse.no("a", ResponseCode.ALREADYEXISTS, "Mailbox already exists"))),
                row("a NO [INUSE] Mailbox in use\r\n", e -> e.status(StatusResponse.no("a", ResponseCode.INUSE, "Mailbox in use"))),
                row("a NO [LIMIT] Too many\r\n", e -> e.status(StatusResponse.no("a", ResponseCode.LIMIT, "Too many"))),
                row("a NO [SERVERBUG] Internal error occurred. Refer to server log for more information.\r\n",
                        e -> e.status(StatusResponse.no("a", ResponseCode.SERVERBUG, "Internal error occurred. Refer to server log for more information."))),
                row("a NO [BADCHARSET (UTF-8 US-ASCII)] Unknown charset\r\n",
                        e -> e.status(StatusResponse.no("a", ResponseCode.badCharset(List.of("UTF-8", "US-ASCII")), "Unknown charset"))),
                row("+ Ready for literal data\r\n", e -> e.continuation("Ready for literal data")),
                row("+ \r\n", e -> e.continuation("")),
                row("* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED\r\n",
                        e -> e.capability(List.of("IMAP4rev1", "STARTTLS", "AUTH=GSSAPI", "LOGINDISABLED"))),
                row("* 23 EXISTS\r\n", e -> e.exists(23)),
                row("* 5 RECENT\r\n", e -> e.recent(5)),
                row("* 44 EXPUNGE\r\n", e -> e.expunge(44)),
                row("* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n", e -> e.vanished(true,
                        java.util.stream.LongStream.concat(java.util.stream.LongStream.of(41, 118),
                                java.util.stream.LongStream.concat(java.util.stream.LongStream.rangeClosed(43, 116),
                                        java.util.stream.LongStream.concat(java.util.stream.LongStream.rangeClosed(120, 211),
                                                java.util.stream.LongStream.rangeClosed(214, 540)))).toArray())),
                row("* VANISHED 405,407,410\r\n", e -> e.vanished(false, new long[] {410, 405, 407})),
                row("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n",
                        e -> e.flags(List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"))),
                row("* FLAGS ()\r\n", e -> e.flags(List.of())),
                row("* LIST (\\Noselect) \"/\" ~/Mail/foo\r\n", e -> e.list("LIST", new ListEntry(List.of("\\Noselect"), '/', "~/Mail/foo"))),
                row("* LIST (\\Noselect) \".\" #news.\r\n", e -> e.list("LIST", new ListEntry(List.of("\\Noselect"), '.', "#news."))),
                row("* LIST (\\Noselect) NIL \"\"\r\n", e -> e.list("LIST", new ListEntry(List.of("\\Noselect"), null, ""))),
                row("* LIST (\\HasNoChildren) \"/\" \"Sent Items\"\r\n",
                        e -> e.list("LIST", new ListEntry(List.of("\\HasNoChildren"), '/', "Sent Items"))),
                row("* LIST () \"/\" &ZeVnLIqe-\r\n", e -> e.list("LIST", new ListEntry(List.of(), '/', "&ZeVnLIqe-"))),
                row("* LIST () \"\\\\\" \"NIL\"\r\n", e -> e.list("LIST", new ListEntry(List.of(), '\\', "NIL"))),
                row("* LIST () \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
                        e -> e.list("LIST", new ListEntry(List.of(), '/', "Foo", List.of("SUBSCRIBED")))),
                row("* LSUB () \".\" #news.comp.mail.mime\r\n", e -> e.list("LSUB", new ListEntry(List.of(), '.', "#news.comp.mail.mime"))),
                row("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n",
                        e -> e.status("blurdybloop", status(StatusItem.MESSAGES, 231, StatusItem.UIDNEXT, 44292))),
                row("* STATUS \"Sent Items\" (HIGHESTMODSEQ 7011231777 SIZE 1048576)\r\n",
                        e -> e.status("Sent Items", status(StatusItem.HIGHESTMODSEQ, 7011231777L, StatusItem.SIZE, 1048576))),
                row("* SEARCH 2 84 882\r\n", e -> e.search(new long[] {2, 84, 882}, null)),
                row("* SEARCH\r\n", e -> e.search(new long[0], null)),
                row("* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n",
                        e -> e.search(new long[] {2, 5, 6, 7, 11, 12, 18, 19, 20, 23}, 917162500L)),
                row("* ESEARCH (TAG \"A282\") MIN 2 COUNT 3\r\n",
                        e -> e.esearch(new EsearchResult("A282", false, 2L, null, null, 3L, null))),
                row("* ESEARCH (TAG \"A283\") ALL 2,10:11\r\n",
                        e -> e.esearch(new EsearchResult("A283", false, null, null, new long[] {2, 10, 11}, null, null))),
                row("* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800\r\n",
                        e -> e.esearch(new EsearchResult("A285", true, 7L, 3800L, null, null, null))),
                row("* ESEARCH (TAG \"a\") UID ALL 1:3 MODSEQ 200\r\n",
                        e -> e.esearch(new EsearchResult("a", true, null, null, new long[] {1, 2, 3}, null, 200L))),
                row("* ESEARCH (TAG \"A284\")\r\n", e -> e.esearch(new EsearchResult("A284", false, null, null, new long[0], null, null))),
                row("* SORT 5 3 4 1 2\r\n", e -> e.sort(new long[] {5, 3, 4, 1, 2}, null)),
                row("* THREAD (2)(3 6 (4 23)(44 7 96))\r\n", e -> e.thread("(2)(3 6 (4 23)(44 7 96))")),
                row("* THREAD\r\n", e -> e.thread("")),
                row("* ENABLED CONDSTORE QRESYNC\r\n", e -> e.enabled(List.of("CONDSTORE", "QRESYNC"))),
                row("* ID (\"name\" \"Loft\" \"support-url\" NIL)\r\n", e -> {
                    Map<String, String> id = new LinkedHashMap<>();
                    id.put("name", "Loft");
                    id.put("support-url", null);
                    e.id(id);
                }),
                row("* ID NIL\r\n", e -> e.id(null)),
                row("* QUOTA \"\" (STORAGE 10 512 MESSAGE 3 1000)\r\n", e -> e.quota("",
                        List.of(new QuotaResource("STORAGE", 10, 512), new QuotaResource("MESSAGE", 3, 1000)))),
                row("* QUOTAROOT INBOX \"\"\r\n", e -> e.quotaRoot("INBOX", List.of(""))),
                row("* QUOTAROOT comp.mail.mime\r\n", e -> e.quotaRoot("comp.mail.mime", List.of())),
                row("a NO [USEATTR] \\All not supported\r\n", e -> e.status(StatusResponse.no("a", ResponseCode.USEATTR, "\\All not supported"))),
                // text that quotes client input stays on one line: no forged responses
                row("a BAD Unknown mailbox x  * OK forged\r\n",
                        e -> e.status(StatusResponse.bad("a", "Unknown mailbox x\r\n* OK forged"))),
                row("a NO [NOTSAVED] Search failed\r\n", e -> e.status(StatusResponse.no("a", ResponseCode.NOTSAVED, "Search failed"))),
                row("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n", e -> e.namespace("((\"\" \"/\"))", "NIL", "NIL")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("responses")
    void encodesExactly(String expected, Consumer<ResponseEncoder> write) {
        Wire wire = new Wire();
        write.accept(wire.encoder);
        assertEquals(expected, wire.text());
    }
}
