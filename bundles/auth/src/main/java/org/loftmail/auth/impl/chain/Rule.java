package org.loftmail.auth.impl.chain;

import java.util.Locale;

/** What a chain does after one database answered ({@code result_success = return-ok} ...). */
public enum Rule {
    RETURN, RETURN_OK, RETURN_FAIL, CONTINUE, CONTINUE_OK, CONTINUE_FAIL;

    /** Parses Dovecot's spelling ({@code return-ok}). */
    public static Rule parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown result rule '" + value + "' (return, return-ok, return-fail, "
                    + "continue, continue-ok, continue-fail)", e);
        }
    }

    boolean stops() {
        return this == RETURN || this == RETURN_OK || this == RETURN_FAIL;
    }
}
