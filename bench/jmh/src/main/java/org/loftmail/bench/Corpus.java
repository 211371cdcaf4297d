package org.loftmail.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.loftmail.core.imap.ThreadMessage;

/** A deterministic mailbox-like corpus: subjects from a small vocabulary, replies in threads. */
final class Corpus {

    private static final String[] WORDS = {"budget", "review", "patch", "network", "schedule", "project",
        "meeting", "release", "notes", "draft", "quokka", "invoice", "plan", "question", "update", "build"};

    private Corpus() {
    }

    static String subject(Random r) {
        StringBuilder s = new StringBuilder();
        int n = 2 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    /** {@code count} messages; about a third reply to an earlier one (References chain, "Re:"). */
    static List<ThreadMessage> threadMessages(int count, long seed) {
        Random r = new Random(seed);
        List<ThreadMessage> out = new ArrayList<>(count);
        List<String> refs = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = "<" + i + "@bench.example>";
            String subject;
            String references = null;
            if (i > 10 && r.nextInt(3) == 0) {
                int parent = r.nextInt(i - 1);
                subject = "Re: " + subjects.get(parent);
                references = refs.get(parent) + " <" + (parent + 1) + "@bench.example>";
            } else {
                subject = subject(r);
            }
            subjects.add(subject.startsWith("Re: ") ? subject.substring(4) : subject);
            refs.add(references == null ? "" : references);
            out.add(new ThreadMessage(i, 1_700_000_000L + i * 60L + r.nextInt(600), subject, id, null, references));
        }
        return out;
    }
}
