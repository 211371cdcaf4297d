package org.loftmail.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.loftmail.core.imap.SortCriterion;
import org.loftmail.core.imap.SortKey;
import org.loftmail.core.imap.Sorter;
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

/** SORT over cached keys (what the IMAP bundle hands the sorter once the keys are cached). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SortBench {

    @Param("20000")
    int messages;

    private List<Integer> rows;
    private String[] subjectKeys;
    private long[] dates;
    private Sorter.Keys<Integer> keys;

    @Setup
    public void setUp() {
        Random r = new Random(7);
        rows = new ArrayList<>(messages);
        subjectKeys = new String[messages];
        dates = new long[messages];
        for (int i = 0; i < messages; i++) {
            rows.add(i);
            subjectKeys[i] = Sorter.stringKey(SortKey.SUBJECT, Corpus.subject(r), null, null, null);
            dates[i] = 1_700_000_000L + r.nextInt(100_000_000);
        }
        keys = new Sorter.Keys<>() {
            @Override
            public long id(Integer row) {
                return row + 1;
            }

            @Override
            public long number(Integer row, SortKey key) {
                return dates[row];
            }

            @Override
            public String string(Integer row, SortKey key) {
                return subjectKeys[row];
            }
        };
    }

    @Benchmark
    public long[] bySubject() {
        return Sorter.sort(rows, List.of(SortCriterion.of(SortKey.SUBJECT)), keys);
    }

    @Benchmark
    public long[] byDate() {
        return Sorter.sort(rows, List.of(SortCriterion.of(SortKey.DATE)), keys);
    }

    @Benchmark
    public long[] byReverseDateThenSubject() {
        return Sorter.sort(rows, List.of(SortCriterion.reversed(SortKey.DATE), SortCriterion.of(SortKey.SUBJECT)),
                keys);
    }
}
