package org.loftmail.bench;

import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.imap.impl.encode.FetchEncoder;
import org.loftmail.imap.impl.encode.FetchItem;
import org.loftmail.imap.impl.encode.ResponseWriter;
import org.loftmail.imap.impl.session.FlagNames;
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

/** Encoding the responses of {@code UID FETCH 1:* (FLAGS)}: flag names and the FETCH lines. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FetchFlagsBench {

    @Param("20000")
    int messages;

    private Flags[] flags;
    private final OutputStream sink = OutputStream.nullOutputStream();

    @Setup
    public void setUp() {
        flags = new Flags[messages];
        for (int i = 0; i < messages; i++) {
            flags[i] = switch (i % 4) {
                case 0 -> Flags.of(Flag.SEEN);
                case 1 -> Flags.of(Flag.SEEN, Flag.ANSWERED);
                case 2 -> Flags.NONE;
                default -> Flags.of(Flag.SEEN).withKeywords("$Forwarded");
            };
        }
    }

    @Benchmark
    public ResponseWriter uidFetchFlags() {
        ResponseWriter w = new ResponseWriter(sink);
        for (int i = 0; i < messages; i++) {
            FetchEncoder.fetch(w, i + 1, List.of(new FetchItem.Uid(i + 1),
                    new FetchItem.Flags(FlagNames.of(flags[i], false))));
        }
        return w;
    }
}
