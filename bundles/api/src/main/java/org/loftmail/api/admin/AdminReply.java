package org.loftmail.api.admin;

import java.util.List;
import java.util.Objects;

/**
 * What a command prints: a table whose first row names the columns, as {@code doveadm} prints
 * it ({@code Quota name  Type  Value  Limit  %}). A command without output returns {@link #NONE}.
 *
 * @param header the column names
 * @param rows   the rows, each as wide as the header
 */
public record AdminReply(List<String> header, List<List<String>> rows) {

    public static final AdminReply NONE = new AdminReply(List.of(), List.of());

    public AdminReply {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + row + " does not match the header " + header);
            }
            row.forEach(Objects::requireNonNull);
        }
    }
}
