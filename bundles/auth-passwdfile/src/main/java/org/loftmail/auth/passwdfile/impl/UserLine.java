package org.loftmail.auth.passwdfile.impl;

/**
 * One line of a passwd-file: {@code user:password:uid:gid:gecos:home:shell:extra_fields}; fields
 * after the user are optional, extra fields are space-separated {@code key=value}.
 */
record UserLine(String user, String password, String uid, String gid, String home, String extraFields) {

    /** Parses a line, or null for blank lines and {@code #} comments. */
    static UserLine parse(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return null;
        }
        String[] f = line.split(":", 8);
        return new UserLine(f[0], at(f, 1), at(f, 2), at(f, 3), at(f, 5), at(f, 7));
    }

    private static String at(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }
}
