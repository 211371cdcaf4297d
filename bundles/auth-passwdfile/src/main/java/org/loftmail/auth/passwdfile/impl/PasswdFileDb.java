package org.loftmail.auth.passwdfile.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver.Kind;
import org.loftmail.api.auth.DbResult;
import org.loftmail.api.auth.LookupRequest;

/**
 * One passwd-file passdb or userdb. Each lookup checks the file's modification time, size and
 * identity and reads it again when it changed (or was replaced by a rename). A missing file is
 * "user unknown" when the path has {@code %} variables (a domain without a file), else a
 * temporary failure, as is an unreadable one. Thread-safe.
 */
final class PasswdFileDb implements AuthDb {

    private final Kind kind;
    private final PasswdFileArgs args;
    private final Map<Path, UserFile> files = new ConcurrentHashMap<>();

    PasswdFileDb(Kind kind, PasswdFileArgs args) {
        this.kind = kind;
        this.args = args;
    }

    @Override
    public DbResult lookup(LookupRequest request) {
        String expanded = request.expand(args.path());
        if (expanded.contains("/../") || expanded.endsWith("/..")) {
            return new DbResult.NotFound();
        }
        Path path = Path.of(expanded);
        UserFile file;
        try {
            file = current(path);
        } catch (NoSuchFileException e) {
            files.remove(path);
            return args.path().contains("%") ? new DbResult.NotFound()
                    : new DbResult.Unavailable("passwd-file " + path + " does not exist");
        } catch (IOException e) {
            return new DbResult.Unavailable("passwd-file " + path + ": " + e);
        }
        UserLine line = file.get(request.expand(args.usernameFormat()));
        return line == null ? new DbResult.NotFound() : new DbResult.Found(fields(line, request));
    }

    private UserFile current(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        UserFile f = files.get(path);
        if (f == null || !f.current(a)) {
            f = UserFile.read(path, a);
            files.put(path, f);
        }
        return f;
    }

    private Map<String, String> fields(UserLine line, LookupRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> extra = extraFields(line.extraFields(), request);
        if (kind == Kind.PASSDB) {
            if (!line.password().isEmpty()) {
                out.put("password", line.password().startsWith("{") ? line.password()
                        : "{" + args.scheme() + "}" + line.password());
            }
            out.putAll(extra);
            return out;
        }
        putIfSet(out, "uid", line.uid());
        putIfSet(out, "gid", line.gid());
        putIfSet(out, "home", request.expand(line.home()));
        extra.forEach((k, v) -> {
            if (k.startsWith("userdb_")) {
                out.put(k.substring(7), v);
            }
        });
        return out;
    }

    private static Map<String, String> extraFields(String text, LookupRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int eq = word.indexOf('=');
            out.put(eq < 0 ? word : word.substring(0, eq), eq < 0 ? "" : request.expand(word.substring(eq + 1)));
        }
        return out;
    }

    private static void putIfSet(Map<String, String> out, String key, String value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }
}
