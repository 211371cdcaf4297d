package org.loftmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.core.testing.DovecotOracle;

/**
 * Golden test: for every message of {@code src/test/resources/corpus}, our ENVELOPE, BODY and
 * BODYSTRUCTURE equal, octet for octet, what a real Dovecot 2.3 returns for the same message.
 */
class DovecotGoldenTest {
    private static DovecotOracle dovecot;
    private static final Map<String, Map<String, String>> ANSWERS = new HashMap<>();

    static List<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(DovecotGoldenTest.class.getResource("/corpus").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    @BeforeAll
    static void askDovecot() throws Exception {
        dovecot = new DovecotOracle();
        List<Path> files = corpus();
        for (Path f : files) {
            dovecot.save(Files.readAllBytes(f));
        }
        for (int i = 0; i < files.size(); i++) {
            Map<String, String> answer = new HashMap<>();
            for (String field : List.of("imap.envelope", "imap.body", "imap.bodystructure")) {
                answer.put(field, dovecot.fetch(i + 1, field));
            }
            ANSWERS.put(files.get(i).getFileName().toString(), answer);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void sameAsDovecot(Path file) throws IOException {
        Map<String, String> expected = ANSWERS.get(file.getFileName().toString());
        MessageStructure ours = MessageStructure.parse(new ByteArrayInputStream(Files.readAllBytes(file)));
        assertAll(
                () -> assertEquals(expected.get("imap.envelope"), ours.envelope(), "ENVELOPE"),
                () -> assertEquals(expected.get("imap.body"), ours.body(), "BODY"),
                () -> assertEquals(expected.get("imap.bodystructure"), ours.bodyStructure(), "BODYSTRUCTURE"));
    }
}
