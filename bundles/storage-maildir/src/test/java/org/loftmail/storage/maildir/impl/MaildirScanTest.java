package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirScanTest {
    @TempDir
    Path mailbox;
    final MaildirDelivery delivery = new MaildirDelivery(UniqueNames.forThisProcess());

    @BeforeEach
    void maildir() throws IOException {
        MaildirFolders.ensureMaildir(mailbox);
    }

    @Test
    void filesDroppedByAnMdaGetTheNextUidsInDeliveryOrder() throws IOException {
        Files.writeString(mailbox.resolve("new/1700000002.M1P1.mx"), "b");
        Files.writeString(mailbox.resolve("new/1700000001.M1P1.mx"), "a");
        Files.writeString(mailbox.resolve("new/.hidden-by-an-mda"), "not a message");
        MaildirUidList uids = MaildirUidList.open(mailbox);
        List<MaildirScan.Message> first = MaildirScan.scan(mailbox, uids, false);
        assertEquals(List.of(1L, 2L), first.stream().map(MaildirScan.Message::uid).toList());
        assertEquals("1700000001.M1P1.mx", first.get(0).name().base());
        Files.writeString(mailbox.resolve("new/1700000003.M1P1.mx"), "c");
        List<MaildirScan.Message> second = MaildirScan.scan(mailbox, uids, false);
        assertEquals(List.of(1L, 2L, 3L), second.stream().map(MaildirScan.Message::uid).toList());
    }

    @Test
    void aFileWhoseFlagsChangedKeepsItsUid() throws IOException {
        MaildirDelivery.Delivered d = delivery.deliver(mailbox, new ByteArrayInputStream("x".getBytes()),
                MaildirDelivery.Target.CUR, Set.of(), Set.of());
        delivery.deliver(mailbox, new ByteArrayInputStream("y".getBytes()), MaildirDelivery.Target.CUR, Set.of(), Set.of());
        MaildirUidList uids = MaildirUidList.open(mailbox);
        long uid = MaildirScan.scan(mailbox, uids, false).get(0).uid();
        MaildirFilename flagged = d.name().withFlags(EnumSet.of(MaildirFlag.SEEN, MaildirFlag.TRASHED), Set.of(0));
        Files.move(d.path(), d.path().resolveSibling(flagged.fileName()));
        List<MaildirScan.Message> after = MaildirScan.scan(MaildirScanTest.this.mailbox, MaildirUidList.open(mailbox), false);
        assertEquals(2, after.size());
        assertEquals(uid, after.get(0).uid());
        assertEquals(EnumSet.of(MaildirFlag.SEEN, MaildirFlag.TRASHED), after.get(0).name().flags());
        assertEquals(3, MaildirUidList.open(mailbox).nextUid());
    }

    @Test
    void takingRecentMovesNewToCurOnce() throws IOException {
        MaildirDelivery.Delivered d = delivery.deliver(mailbox, new ByteArrayInputStream("x".getBytes()),
                MaildirDelivery.Target.NEW, Set.of(), Set.of());
        MaildirUidList uids = MaildirUidList.open(mailbox);
        List<MaildirScan.Message> peek = MaildirScan.scan(mailbox, uids, false);
        assertTrue(peek.get(0).inNew());
        assertFalse(peek.get(0).recent());
        List<MaildirScan.Message> taken = MaildirScan.scan(mailbox, uids, true);
        assertTrue(taken.get(0).recent());
        assertFalse(taken.get(0).inNew());
        assertEquals(mailbox.resolve("cur").resolve(d.name().base() + ":2,"), taken.get(0).path());
        assertEquals(peek.get(0).uid(), taken.get(0).uid());
        assertFalse(MaildirScan.scan(mailbox, uids, true).get(0).recent(), "\\Recent goes to one session only");
    }

    @Test
    void expungedFilesDisappearAndTheirUidsAreNotReused() throws IOException {
        MaildirDelivery.Delivered a = delivery.deliver(mailbox, new ByteArrayInputStream("a".getBytes()),
                MaildirDelivery.Target.CUR, Set.of(), Set.of());
        MaildirUidList uids = MaildirUidList.open(mailbox);
        MaildirScan.scan(mailbox, uids, false);
        Files.delete(a.path());
        assertEquals(List.of(), MaildirScan.scan(mailbox, uids, false));
        uids.rewrite(e -> false);
        delivery.deliver(mailbox, new ByteArrayInputStream("b".getBytes()), MaildirDelivery.Target.CUR, Set.of(), Set.of());
        assertEquals(2, MaildirScan.scan(mailbox, uids, false).get(0).uid());
    }
}
