package org.loftmail.auth.passwdfile.impl;

/**
 * The driver's args.
 *
 * @param path the file path template
 * @param scheme the scheme of passwords written without a {@code {SCHEME}} prefix (Dovecot's default: CRYPT)
 * @param usernameFormat the key looked up in the file (default {@code %u})
 */
record PasswdFileArgs(String path, String scheme, String usernameFormat) {

    static PasswdFileArgs parse(String args) {
        String path = null;
        String scheme = "CRYPT";
        String format = "%u";
        for (String word : args.trim().split("\\s+")) {
            if (word.startsWith("scheme=")) {
                scheme = word.substring(7);
            } else if (word.startsWith("username_format=")) {
                format = word.substring(16);
            } else if (!word.isEmpty()) {
                if (path != null || word.contains("=") && !word.startsWith("/")) {
                    throw new IllegalArgumentException("passwd-file: unexpected arg '" + word + "'");
                }
                path = word;
            }
        }
        if (path == null) {
            throw new IllegalArgumentException("passwd-file: args must name the file");
        }
        return new PasswdFileArgs(path, scheme, format);
    }
}
