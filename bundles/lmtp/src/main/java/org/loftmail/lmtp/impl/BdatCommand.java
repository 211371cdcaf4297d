package org.loftmail.lmtp.impl;

import java.nio.charset.StandardCharsets;

/**
 * {@code BDAT chunk-size [LAST]} (RFC 3030 section 2): the size is 1 to 18 digits, the verb and
 * LAST are case-insensitive, separated by single spaces.
 */
record BdatCommand(long size, boolean last) {

    /** The command, or null when the line is not a well-formed BDAT. */
    static BdatCommand parse(byte[] line) {
        String[] words = new String(line, StandardCharsets.US_ASCII).split(" ", -1);
        if (words.length < 2 || words.length > 3 || !words[0].equalsIgnoreCase("BDAT")
                || !words[1].matches("[0-9]{1,18}")) {
            return null;
        }
        if (words.length == 3 && !words[2].equalsIgnoreCase("LAST")) {
            return null;
        }
        return new BdatCommand(Long.parseLong(words[1]), words.length == 3);
    }
}
