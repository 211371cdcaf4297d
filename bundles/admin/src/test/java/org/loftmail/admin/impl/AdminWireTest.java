package org.loftmail.admin.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.api.admin.AdminCommand;
import org.loftmail.api.admin.AdminReply;

class AdminWireTest {

    @Test
    void fieldsWithTabsNewlinesAndBackslashesSurviveTheLine() {
        List<String> fields = List.of("R", "a\tb", "line\nbreak\r", "back\\slash", "", "\u00e9");
        String line = AdminWire.line(fields);
        assertEquals(-1, line.indexOf('\n'));
        assertEquals(5, line.chars().filter(c -> c == '\t').count());
        assertEquals(fields, AdminWire.fields(line));
    }

    @Test
    void theLongestRegisteredNameWinsAndTheRestAreArguments() {
        AdminCommands commands = new AdminCommands();
        AdminCommand quota = command("USER");
        AdminCommand recalc = command("[-u] USER");
        commands.add("quota", quota);
        commands.add("quota  recalc", recalc);
        var m = commands.find(List.of("quota", "recalc", "-u", "bob")).orElseThrow();
        assertEquals("quota recalc", m.name());
        assertEquals(recalc, m.command());
        assertEquals(List.of("-u", "bob"), m.args());
        assertEquals(quota, commands.find(List.of("quota", "bob")).orElseThrow().command());
        assertEquals(true, commands.find(List.of("mailbox", "list")).isEmpty());
        commands.remove("quota recalc", recalc);
        assertEquals(quota, commands.find(List.of("quota", "recalc")).orElseThrow().command());
    }

    @Test
    void tablesArePrintedInColumnsAsDoveadmDoes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AdminClient.print(List.of(List.of("Quota name", "Type", "Value", "Limit", "%"),
                List.of("User quota", "STORAGE", "12345", "-", "0")), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals("""
                Quota name Type    Value Limit %
                User quota STORAGE 12345 -     0
                """, out.toString(StandardCharsets.UTF_8));
    }

    private static AdminCommand command(String usage) {
        return new AdminCommand() {
            @Override
            public String usage() {
                return usage;
            }

            @Override
            public AdminReply run(List<String> args) {
                return AdminReply.NONE;
            }
        };
    }
}
