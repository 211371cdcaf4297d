package org.loftmail.imap.impl.fetch;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MimePart;

/** Finds a MIME part by its IMAP part path. */
final class Parts {

    private Parts() {
    }

    /**
     * The part at {@code path}; {@code n.1} of a part {@code n} that is neither multipart nor a
     * message is that part itself (a non-multipart body has only part 1, as Dovecot reads RFC 3501).
     */
    static Optional<MimePart> find(MessageContent m, List<Integer> path) throws IOException {
        Optional<MimePart> p = m.part(path.stream().map(String::valueOf).collect(Collectors.joining(".")));
        if (p.isEmpty() && path.size() > 1 && path.get(path.size() - 1) == 1) {
            List<Integer> parent = path.subList(0, path.size() - 1);
            Optional<MimePart> up = find(m, parent);
            if (up.isPresent() && m.part(String.join(".", parent.stream().map(String::valueOf).toList()) + ".1")
                    .isEmpty()) {
                return up;
            }
        }
        return p;
    }
}
