package org.loftmail.core.mime.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Content-* data of one MIME part as BODYSTRUCTURE reports it, parsed the way Dovecot's
 * message-part-data does: the first Content-Type wins, broken parameters are skipped, values
 * are kept as written (no case folding).
 */
final class ContentData {
    String type;
    String subtype;
    List<MimeParams.Param> typeParams = List.of();
    String transferEncoding;
    String id;
    String description;
    String md5;
    String disposition;
    List<MimeParams.Param> dispositionParams = List.of();
    List<String> language;
    String location;

    void accept(String name, String value) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "content-type" -> {
                if (type == null) {
                    parseType(value);
                }
            }
            case "content-transfer-encoding" -> {
                if (transferEncoding == null) {
                    parseEncoding(value);
                }
            }
            case "content-id" -> id = id == null ? value : id;
            case "content-md5" -> md5 = md5 == null ? value : md5;
            case "content-description" -> description = description == null ? value : description;
            case "content-location" -> location = location == null ? value : location;
            case "content-language" -> {
                if (language == null) {
                    parseLanguage(value);
                }
            }
            case "content-disposition" -> {
                if (dispositionParams.isEmpty()) {
                    parseDisposition(value);
                }
            }
            default -> { }
        }
    }

    private void parseType(String value) {
        Rfc822Parser p = new Rfc822Parser(value, null);
        p.skipLwsp();
        StringBuilder s = new StringBuilder();
        int ret = parseContentType(p, s);
        int slash = s.indexOf("/");
        type = slash < 0 ? s.toString() : s.substring(0, slash);
        subtype = slash < 0 ? null : s.substring(slash + 1);
        if (ret >= 0) {
            typeParams = MimeParams.parse(p);
        }
    }

    private void parseEncoding(String value) {
        Rfc822Parser p = new Rfc822Parser(value, null);
        p.skipLwsp();
        StringBuilder s = new StringBuilder();
        if (p.parseMimeToken(s) >= 0 && p.skipLwsp() == 0 && !s.isEmpty()) {
            transferEncoding = s.toString();
        }
    }

    private void parseDisposition(String value) {
        Rfc822Parser p = new Rfc822Parser(value, null);
        p.skipLwsp();
        StringBuilder s = new StringBuilder();
        if (p.parseMimeToken(s) < 0) {
            return;
        }
        disposition = s.toString();
        dispositionParams = MimeParams.parse(p);
    }

    private void parseLanguage(String value) {
        Rfc822Parser p = new Rfc822Parser(value, null);
        List<String> langs = new ArrayList<>();
        p.skipLwsp();
        StringBuilder s = new StringBuilder();
        while (p.parseAtom(s) >= 0) {
            langs.add(s.toString());
            s.setLength(0);
            if (p.atEnd() || p.peek() != ',') {
                break;
            }
            p.pos++;
            p.skipLwsp();
        }
        if (!langs.isEmpty()) {
            language = langs;
        }
    }

    /**
     * type "/" subtype. On a broken value Dovecot keeps a lone type ("text") but drops a
     * type whose slash or subtype is missing, so {@code out} is cut back in those cases.
     */
    static int parseContentType(Rfc822Parser p, StringBuilder out) {
        int start = out.length();
        if (p.skipLwsp() <= 0) {
            return -1;
        }
        if (p.parseMimeToken(out) <= 0 || out.length() == start) {
            return -1;
        }
        if (p.peek() != '/') {
            out.setLength(start);
            return -1;
        }
        p.pos++;
        if (p.skipLwsp() <= 0) {
            out.setLength(start);
            return -1;
        }
        out.append('/');
        int sub = out.length();
        int ret = p.parseMimeToken(out);
        if (ret < 0 || out.length() == sub) {
            out.setLength(start);
            return -1;
        }
        return ret;
    }

    /** Type and subtype as one lower-case string for flag decisions, e.g. "multipart/mixed". */
    String typeForFlags() {
        return type == null ? "" : (subtype == null ? type : type + "/" + subtype);
    }
}
