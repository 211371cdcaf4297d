package org.loftmail.imap.impl.search;

/**
 * A header field with the case-folded forms FROM/TO/CC/BCC/SUBJECT/HEADER compare against, each
 * computed at most once: remembered fields ({@link SearchedFields#remembered}) are compared by
 * search after search without folding or parsing addresses again. The forms are immutable
 * strings, so a race computes one twice at worst.
 */
final class ComparedField {

    final HeaderField field;
    private String value;
    private String subject;
    private String address;

    ComparedField(HeaderField field) {
        this.field = field;
    }

    /** The value folded. */
    String value() {
        String v = value;
        if (v == null) {
            v = CaseFold.fold(field.value());
            value = v;
        }
        return v;
    }

    /** The value with runs of blanks compressed, folded (Dovecot's SUBJECT form). */
    String subject() {
        String s = subject;
        if (s == null) {
            s = CaseFold.fold(compressBlanks(field.value()));
            subject = s;
        }
        return s;
    }

    /** The address list as Dovecot rewrites it, decoded and folded (its FROM/TO/CC/BCC form). */
    String address() {
        String a = address;
        if (a == null) {
            a = CaseFold.fold(HeaderField.decodeWords(addressForm(field.raw())));
            address = a;
        }
        return a;
    }

    private static String addressForm(String raw) {
        try {
            return AddressForm.of(raw);
        } catch (RuntimeException e) {
            return raw; // a bug in the lenient parser must not fail the search
        }
    }

    static String compressBlanks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean blank = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                if (!blank) {
                    out.append(' ');
                }
                blank = true;
            } else {
                out.append(c);
                blank = false;
            }
        }
        return out.toString();
    }
}
