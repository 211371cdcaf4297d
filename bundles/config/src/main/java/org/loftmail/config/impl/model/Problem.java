package org.loftmail.config.impl.model;

/** One thing wrong (or worth knowing) about the configuration, with the place it was written. */
public record Problem(Severity severity, Location location, String message) {

    public enum Severity {
        ERROR, WARNING;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Problem error(Location location, String message) {
        return new Problem(Severity.ERROR, location, message);
    }

    public static Problem warning(Location location, String message) {
        return new Problem(Severity.WARNING, location, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE: error: sentence}, the format of compilers and of {@code loft check}. */
    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + message;
    }
}
