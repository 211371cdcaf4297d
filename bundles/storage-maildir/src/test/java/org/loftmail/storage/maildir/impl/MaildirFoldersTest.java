package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaildirFoldersTest {
    @TempDir
    Path root;

    MaildirFolders folders(String options) {
        return new MaildirFolders(MailLocation.parse("maildir:" + root + options, "bob", "/home/bob"));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # options     | name            | path under the root
            ''            | INBOX           | ''
            ''            | inbox           | ''
            ''            | Sent            | .Sent
            ''            | Work/Projects   | .Work.Projects
            ''            | Entwürfe/Ä b    | .Entw&APw-rfe.&AMQ- b
            ''            | A&B             | .A&-B
            :UTF-8        | Entwürfe/Ä b    | .Entwürfe.Ä b
            :LAYOUT=fs    | Work/Projects   | Work/Projects
            :LAYOUT=fs    | Entwürfe        | Entw&APw-rfe
            :LAYOUT=fs    | v1.2            | v1.2
            """)
    void pathsOnDisk(String options, String name, String relative) {
        assertEquals(root.resolve(relative), folders(options).path(name));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # options                  | name           | control path under the root
            ''                         | INBOX          | ''
            ''                         | Work/Projects  | .Work.Projects
            :CONTROL=%s/c              | INBOX          | c/.INBOX
            :CONTROL=%s/c              | Work/Projects  | c/.Work.Projects
            :LAYOUT=fs:CONTROL=%s/c    | INBOX          | c/INBOX
            :LAYOUT=fs:CONTROL=%s/c    | Work/Projects  | c/Work/Projects
            """)
    void controlPaths(String options, String name, String relative) {
        assertEquals(root.resolve(relative), folders(options.replace("%s", root.toString())).controlPath(name));
    }

    @ParameterizedTest(name = "[{1}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # options    | name           | the message contains
            ''           | ../x           | '..' level
            ''           | /etc           | must not start with '/'
            ''           | ~bob           | must not start with '~'
            ''           | a/../../b      | '..' level
            ''           | a//b           | empty level
            ''           | v1.2           | Maildir++ separator
            ''           | a\u0000b       | control character
            ''           | a\tb           | control character
            :LAYOUT=fs   | Work/cur       | maildir subdirectory
            :LAYOUT=fs   | ./x            | '.' level
            """)
    void refusedNames(String options, String name, String fragment) {
        String decoded = name.replace("\\u0000", "\u0000").replace("\\t", "\t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> folders(options).path(decoded));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void indexLayoutIsRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> folders(":LAYOUT=index"));
        assertTrue(e.getMessage().contains("LAYOUT=index is not supported"), e.getMessage());
    }

    @Test
    void veryLongNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> folders("").path("x".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> folders(":LAYOUT=fs").path("a/".repeat(600) + "b"));
    }

    @Test
    void createMakesAMaildirPlusPlusFolder() throws IOException {
        Path dir = folders("").create("Work/Projects");
        for (String sub : List.of("cur", "new", "tmp")) {
            assertTrue(Files.isDirectory(dir.resolve(sub)), sub);
        }
        assertTrue(Files.isRegularFile(dir.resolve("maildirfolder")));
        assertThrows(FileAlreadyExistsException.class, () -> folders("").create("Work/Projects"));
    }

    @Test
    void listsMaildirPlusPlusWithImpliedParents() throws IOException {
        MaildirFolders f = folders("");
        f.create("INBOX");
        f.create("Sent");
        f.create("Work/Projects");
        f.create("Entwürfe/Ä b");
        Files.createDirectories(root.resolve("cur").resolve("not-a-folder"));
        assertEquals(List.of(new MaildirFolders.Folder("INBOX", true),
                new MaildirFolders.Folder("Entwürfe", false),
                new MaildirFolders.Folder("Entwürfe/Ä b", true),
                new MaildirFolders.Folder("Sent", true),
                new MaildirFolders.Folder("Work", false),
                new MaildirFolders.Folder("Work/Projects", true)), f.list());
    }

    @Test
    void listsFsLayout() throws IOException {
        MaildirFolders f = folders(":LAYOUT=fs");
        f.create("INBOX");
        f.create("Sent");
        f.create("Work/Projects");
        assertEquals(List.of(new MaildirFolders.Folder("INBOX", true),
                new MaildirFolders.Folder("Sent", true),
                new MaildirFolders.Folder("Work", false),
                new MaildirFolders.Folder("Work/Projects", true)), f.list());
        assertTrue(Files.notExists(root.resolve("Sent/maildirfolder")));
    }

    @Test
    void subscriptionsAreWrittenAsDovecotWritesThem() throws IOException {
        Subscriptions s = folders("").subscriptions();
        s.subscribe("Sent");
        s.subscribe("Work/Projects");
        s.subscribe("INBOX");
        s.subscribe("Entwürfe/Ä b");
        s.subscribe("Sent");
        assertEquals("V\t2\n\nSent\nWork\tProjects\nINBOX\nEntw&APw-rfe\t&AMQ- b\n",
                Files.readString(root.resolve("subscriptions")));
        s.unsubscribe("Sent");
        assertEquals(List.of("Work/Projects", "INBOX", "Entwürfe/Ä b"), s.read());
        assertTrue(Files.notExists(root.resolve("subscriptions.lock")));
    }

    @Test
    void readsTheOldSubscriptionsFormat() throws IOException {
        Files.writeString(root.resolve("subscriptions"), "Sent\nWork/Projects\n");
        assertEquals(List.of("Sent", "Work/Projects"), folders("").subscriptions().read());
    }

    @Test
    void subscriptionsFollowControlAndSubscriptionsOptions() throws IOException {
        Path control = Files.createDirectories(root.resolve("control"));
        Subscriptions s = folders(":CONTROL=" + control + ":SUBSCRIPTIONS=subs").subscriptions();
        s.subscribe("Sent");
        assertEquals("V\t2\n\nSent\n", Files.readString(control.resolve("subs")));
    }
}
