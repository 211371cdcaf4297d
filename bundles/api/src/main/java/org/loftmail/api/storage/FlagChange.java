package org.loftmail.api.storage;

import java.util.Objects;

/**
 * A STORE: {@code mode} applied with {@code flags}; when {@code unchangedSince} is &gt; 0 only
 * messages whose modseq is &lt;= it are changed (RFC 7162 UNCHANGEDSINCE).
 */
public record FlagChange(Mode mode, Flags flags, long unchangedSince) {

    public enum Mode { ADD, REMOVE, REPLACE }

    public FlagChange {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(flags, "flags");
        if (unchangedSince < 0) {
            throw new IllegalArgumentException("unchangedSince < 0");
        }
    }

    public static FlagChange add(Flags flags) {
        return new FlagChange(Mode.ADD, flags, 0);
    }

    public static FlagChange remove(Flags flags) {
        return new FlagChange(Mode.REMOVE, flags, 0);
    }

    public static FlagChange replace(Flags flags) {
        return new FlagChange(Mode.REPLACE, flags, 0);
    }

    public FlagChange unchangedSince(long modseq) {
        return new FlagChange(mode, flags, modseq);
    }

    /** The flags a message with {@code current} flags gets. */
    public Flags apply(Flags current) {
        return switch (mode) {
            case ADD -> current.with(flags);
            case REMOVE -> current.without(flags);
            case REPLACE -> flags;
        };
    }
}
