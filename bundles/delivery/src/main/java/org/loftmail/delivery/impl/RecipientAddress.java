package org.loftmail.delivery.impl;

/**
 * A recipient address split as Dovecot does with {@code recipient_delimiter}: the local part is
 * cut at the first delimiter character; what follows is the detail.
 *
 * @param user   the address without the detail ({@code user@example.org})
 * @param detail the detail ({@code tag}), or empty
 */
record RecipientAddress(String user, String detail) {

    static RecipientAddress parse(String address, String delimiters) {
        String a = address.trim();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        String local = at < 0 ? a : a.substring(0, at);
        String domain = at < 0 ? "" : a.substring(at);
        int cut = -1;
        for (int i = 0; i < local.length() && cut < 0; i++) {
            if (delimiters.indexOf(local.charAt(i)) >= 0) {
                cut = i;
            }
        }
        if (cut <= 0) {
            return new RecipientAddress(a, "");
        }
        return new RecipientAddress(local.substring(0, cut) + domain, local.substring(cut + 1));
    }
}
