package org.loftmail.imap.impl.encode;

import java.util.List;
import java.util.Map;
import org.loftmail.imap.impl.request.StatusItem;

/**
 * Status responses and untagged data (RFC 3501 7 and extensions), each as one complete line.
 * Mailbox names are written as given (modified UTF-7 is the caller's business); SEARCH, SORT
 * and THREAD results are formatted here except THREAD's nesting, which comes ready-made.
 */
public final class ResponseEncoder {

    private final ResponseWriter w;

    public ResponseEncoder(ResponseWriter writer) {
        this.w = writer;
    }

    public ResponseWriter writer() {
        return w;
    }

    /** {@code tag / "*"} SP condition [SP "[" code "]"] SP text. */
    public void status(StatusResponse r) {
        (r.tag() == null ? w.untagged() : w.tag(r.tag())).atom(r.condition().name());
        if (r.code() != null) {
            w.atom(r.code().toString());
        }
        w.text(r.text()).end();
    }

    /** {@code + text}. */
    public void continuation(String text) {
        w.continuation(text);
    }

    public void capability(List<String> capabilities) {
        w.untagged().atom("CAPABILITY");
        capabilities.forEach(w::atom);
        w.end();
    }

    public void exists(long count) {
        w.untagged().number(count).atom("EXISTS").end();
    }

    public void recent(long count) {
        w.untagged().number(count).atom("RECENT").end();
    }

    public void expunge(long seq) {
        w.untagged().number(seq).atom("EXPUNGE").end();
    }

    /** {@code "VANISHED" [SP "(EARLIER)"] SP known-uids} (RFC 7162 3.2.10). */
    public void vanished(boolean earlier, long[] uids) {
        w.untagged().atom("VANISHED");
        if (earlier) {
            w.atom("(EARLIER)");
        }
        w.atom(SequenceSetFormat.sorted(uids)).end();
    }

    public void flags(List<String> flags) {
        w.untagged().atom("FLAGS").open();
        flags.forEach(w::atom);
        w.close().end();
    }

    /** {@code "LIST" / "LSUB" SP mailbox-list}. */
    public void list(String command, ListEntry e) {
        w.untagged().atom(command).open();
        e.attributes().forEach(w::atom);
        w.close();
        if (e.delimiter() == null) {
            w.nil();
        } else {
            w.atom(Strings.quote(e.delimiter().toString()));
        }
        w.astring(e.name());
        if (!e.childInfo().isEmpty()) {
            w.open().atom("\"CHILDINFO\"").open();
            e.childInfo().forEach(i -> w.atom(Strings.quote(i)));
            w.close().close();
        }
        w.end();
    }

    /** {@code "STATUS" SP mailbox SP "(" [status-att-list] ")"}, items in the map's order. */
    public void status(String mailbox, Map<StatusItem, Long> values) {
        w.untagged().atom("STATUS").astring(mailbox).open();
        values.forEach((item, value) -> w.atom(item.name()).number(value));
        w.close().end();
    }

    /** {@code "SEARCH" *(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]}. */
    public void search(long[] numbers, Long modSeq) {
        numberList("SEARCH", numbers, modSeq);
    }

    /** {@code "SORT" *(SP nz-number)} in the sorted order (RFC 5256 4). */
    public void sort(long[] numbers, Long modSeq) {
        numberList("SORT", numbers, modSeq);
    }

    private void numberList(String name, long[] numbers, Long modSeq) {
        w.untagged().atom(name);
        for (long n : numbers) {
            w.number(n);
        }
        if (modSeq != null) {
            w.open().atom("MODSEQ").number(modSeq).close();
        }
        w.end();
    }

    /** {@code "THREAD" [SP 1*thread-list]}, the thread lists as given. */
    public void thread(String threads) {
        w.untagged().atom("THREAD");
        if (!threads.isEmpty()) {
            w.atom(threads);
        }
        w.end();
    }

    /** {@code "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)} (RFC 4731). */
    public void esearch(EsearchResult r) {
        w.untagged().atom("ESEARCH");
        if (r.tag() != null) {
            w.open().atom("TAG").string(r.tag()).close();
        }
        if (r.uid()) {
            w.atom("UID");
        }
        optional("MIN", r.min());
        optional("MAX", r.max());
        if (r.all() != null && r.all().length > 0) {
            w.atom("ALL").atom(SequenceSetFormat.sorted(r.all()));
        }
        optional("COUNT", r.count());
        optional("MODSEQ", r.modSeq());
        w.end();
    }

    private void optional(String name, Long value) {
        if (value != null) {
            w.atom(name).number(value);
        }
    }

    /** {@code "ENABLED" *(SP capability)} (RFC 5161). */
    public void enabled(List<String> capabilities) {
        w.untagged().atom("ENABLED");
        capabilities.forEach(w::atom);
        w.end();
    }

    /** {@code "ID" SP ("(" string SP nstring ... ")" / nil)} (RFC 2971). */
    public void id(Map<String, String> parameters) {
        w.untagged().atom("ID");
        if (parameters == null || parameters.isEmpty()) {
            w.nil();
        } else {
            w.open();
            parameters.forEach((k, v) -> w.string(k).nstring(v));
            w.close();
        }
        w.end();
    }

    /** {@code "NAMESPACE" SP namespace SP namespace SP namespace}, the three as given. */
    public void namespace(String personal, String other, String shared) {
        w.untagged().atom("NAMESPACE").atom(personal).atom(other).atom(shared).end();
    }

    /** {@code "QUOTA" SP astring SP "(" resource-name SP usage SP limit ... ")"} (RFC 9208 5.1). */
    public void quota(String root, List<QuotaResource> resources) {
        w.untagged().atom("QUOTA").astring(root).open();
        resources.forEach(r -> w.atom(r.name()).number(r.usage()).number(r.limit()));
        w.close().end();
    }

    /** {@code "QUOTAROOT" SP mailbox *(SP astring)} (RFC 9208 5.2). */
    public void quotaRoot(String mailbox, List<String> roots) {
        w.untagged().atom("QUOTAROOT").astring(mailbox);
        roots.forEach(w::astring);
        w.end();
    }
}
