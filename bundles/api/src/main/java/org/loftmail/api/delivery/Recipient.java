package org.loftmail.api.delivery;

import java.util.Map;
import java.util.Objects;

/**
 * A recipient the userdb knows.
 *
 * @param address      the address as the MTA gave it ({@code user+tag@example.org})
 * @param user         the user name the mail belongs to (after the delimiter is cut off and
 *                     {@code auth_username_format} and the userdb applied)
 * @param detail       what followed {@code recipient_delimiter} ({@code tag}), or empty
 * @param userdbFields the user's userdb fields ({@code home}, {@code mail}, {@code quota_rule}, ...)
 */
public record Recipient(String address, String user, String detail, Map<String, String> userdbFields) {

    public Recipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        detail = detail == null ? "" : detail;
        userdbFields = Map.copyOf(userdbFields);
    }
}
