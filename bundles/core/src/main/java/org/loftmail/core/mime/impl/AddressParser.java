package org.loftmail.core.mime.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 2822 address-list parser with Dovecot 2.3's recovery rules: missing parts become
 * {@code MISSING_MAILBOX} / {@code MISSING_DOMAIN}, a broken angle address gets the domain
 * {@code SYNTAX_ERROR}, words that are not an address become a display name, groups become
 * start and end markers.
 */
final class AddressParser {
    private final Rfc822Parser p;
    private final List<Address> out = new ArrayList<>();
    private final StringBuilder str = new StringBuilder();
    private String name;
    private String route;
    private String mailbox;
    private String domain;
    private boolean invalid;

    private AddressParser(String value) {
        this.p = new Rfc822Parser(value, new StringBuilder());
    }

    /** @return the addresses, or null when the value holds none */
    static List<Address> parse(String value) {
        AddressParser a = new AddressParser(value);
        if (a.p.skipLwsp() > 0) {
            a.parseAddressList();
        }
        return a.out.isEmpty() ? null : a.out;
    }

    private void add() {
        out.add(new Address(name, route, mailbox, domain));
        name = null;
        route = null;
        mailbox = null;
        domain = null;
        invalid = false;
    }

    private void addFixed() {
        if (mailbox == null) {
            mailbox = "MISSING_MAILBOX";
        }
        if (domain == null || domain.isEmpty()) {
            domain = "MISSING_DOMAIN";
        }
        add();
    }

    private int parseLocalPart() {
        str.setLength(0);
        int ret = p.peek() == '"' ? p.parseQuotedString(str) : parseNonStrictDotAtom();
        if (ret < 0) {
            return -1;
        }
        mailbox = str.toString();
        return ret;
    }

    /** Dovecot's envelope parsing accepts dots anywhere in a local part ("a..b.", ".a"). */
    private int parseNonStrictDotAtom() {
        int ret = -1;
        do {
            while (p.peek() == '.') {
                str.append('.');
                p.pos++;
                if (p.atEnd()) {
                    return 0;
                }
                ret = 1;
            }
            if (p.peek() == '@') {
                break;
            }
            ret = p.parseAtom(str);
        } while (ret > 0 && p.peek() == '.');
        return ret;
    }

    private int parseDomain() {
        str.setLength(0);
        int ret = p.parseDomain(str);
        if (ret < 0) {
            return -1;
        }
        domain = str.toString();
        return ret;
    }

    private int parseDomainList() {
        StringBuilder s = new StringBuilder();
        while (true) {
            if (p.atEnd()) {
                return 0;
            }
            if (p.peek() != '@') {
                break;
            }
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append('@');
            int ret = p.parseDomain(s);
            if (ret <= 0) {
                return ret;
            }
            while (p.skipLwsp() > 0 && p.peek() == ',') {
                p.pos++;
            }
        }
        route = s.toString();
        return 1;
    }

    /** "<" [ "@" route ":" ] local-part "@" domain ">" */
    private int parseAngleAddr() {
        p.pos++;
        if (p.skipLwsp() <= 0) {
            return -1;
        }
        if (p.peek() == '@') {
            if (parseDomainList() > 0 && p.peek() == ':') {
                p.pos++;
            } else {
                route = "INVALID_ROUTE";
                if (p.atEnd()) {
                    return -1;
                }
            }
            if (p.skipLwsp() <= 0) {
                return -1;
            }
        }
        if (p.peek() != '>') {
            if (parseLocalPart() <= 0) {
                return -1;
            }
            if (p.peek() == '@' && parseDomain() <= 0) {
                return -1;
            }
        }
        if (p.peek() != '>') {
            return -1;
        }
        p.pos++;
        return p.skipLwsp();
    }

    private int parseNameAddr() {
        str.setLength(0);
        if (p.parsePhrase(str) <= 0 || p.peek() != '<') {
            return -1;
        }
        name = str.isEmpty() ? null : str.toString();
        if (parseAngleAddr() < 0) {
            domain = "SYNTAX_ERROR";
            invalid = true;
        }
        return p.atEnd() ? 0 : 1;
    }

    private int parseAddrSpec() {
        int ret2 = -2;
        p.lastComment.setLength(0);
        boolean quoted = p.peek() == '"';
        int ret = parseLocalPart();
        if (ret <= 0) {
            invalid = true;
        }
        if (ret != 0 && !p.atEnd() && p.peek() == '@') {
            ret2 = parseDomain();
            if (ret2 <= 0) {
                ret = ret2;
            }
        }
        if (!p.lastComment.isEmpty()) {
            name = p.lastComment.toString();
        } else if (ret2 == -2) {
            // a lone word is a mailbox, but followed by more words it is a display name
            str.append(' ');
            int before = str.length();
            p.parsePhrase(str);
            if (str.length() != before) {
                mailbox = null;
                name = str.toString();
            } else if (!quoted) {
                domain = "";
            }
            invalid = true;
            ret = -1;
        }
        return ret;
    }

    private int parseMailbox() {
        int start = p.pos;
        int ret = parseNameAddr();
        if (ret < 0) {
            p.pos = start;
            ret = parseAddrSpec();
            if (invalid && name == null && mailbox != null && domain == null) {
                name = mailbox;
                mailbox = null;
            }
        }
        addFixed();
        return ret;
    }

    private int parseGroup() {
        str.setLength(0);
        if (p.parsePhrase(str) <= 0 || p.peek() != ':') {
            return -1;
        }
        p.pos++;
        int ret = p.skipLwsp();
        mailbox = str.toString();
        add();
        if (ret > 0 && p.peek() != ';') {
            while (true) {
                parseMailbox();  // a broken mailbox: go on anyway
                if (p.atEnd() || p.peek() != ',') {
                    break;
                }
                p.pos++;
                if (p.skipLwsp() <= 0) {
                    ret = -1;
                    break;
                }
            }
        }
        if (ret >= 0) {
            if (p.atEnd() || p.peek() != ';') {
                ret = -1;
            } else {
                p.pos++;
                ret = p.skipLwsp();
            }
        }
        add();
        return ret == 0 ? 0 : 1;
    }

    private int parseAddress() {
        int start = p.pos;
        int ret = parseGroup();
        if (ret < 0) {
            p.pos = start;
            ret = parseMailbox();
        }
        return ret;
    }

    private void parseAddressList() {
        while (true) {
            if (parseAddress() == 0) {
                break;
            }
            if (p.atEnd() || p.peek() != ',') {
                break;
            }
            p.pos++;
            int ret = p.skipLwsp();
            if (ret <= 0) {
                if (ret < 0) {
                    addFixed();
                }
                break;
            }
        }
    }
}
