package org.loftmail.api.storage.quota;

import java.util.List;
import java.util.Objects;

/**
 * A quota root (RFC 9208 3): a name and its resources.
 *
 * @param name      the root's name ({@code User quota}, as Dovecot calls its default root)
 * @param resources the limited resources, e.g. STORAGE in KiB and MESSAGE
 */
public record QuotaRoot(String name, List<Resource> resources) {

    public QuotaRoot {
        Objects.requireNonNull(name, "name");
        resources = List.copyOf(resources);
    }

    /**
     * One resource: {@code STORAGE} (usage and limit in KiB, as RFC 9208 counts) or
     * {@code MESSAGE} (counts).
     */
    public record Resource(String name, long usage, long limit) {
        public Resource {
            Objects.requireNonNull(name, "name");
        }
    }
}
