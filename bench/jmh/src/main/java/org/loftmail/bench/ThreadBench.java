package org.loftmail.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.loftmail.core.imap.ThreadMessage;
import org.loftmail.core.imap.Threader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** THREAD from scratch over cached facts (ids parsed, base subject keys computed). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThreadBench {

    @Param("20000")
    int messages;

    private List<ThreadMessage> rows;

    @Setup
    public void setUp() {
        rows = Corpus.threadMessages(messages, 7);
    }

    @Benchmark
    public String references() {
        return Threader.references(rows);
    }

    @Benchmark
    public String orderedSubject() {
        return Threader.orderedSubject(rows);
    }
}
