package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.api.storage.spi.StoredMessage;

/**
 * Saves one message as Dovecot does: written and fsync'd through {@link MaildirDelivery} (into
 * {@code new/} when it has no flags, else {@code cur/} with its letters, mtime = INTERNALDATE),
 * then given the next UID in {@code dovecot-uidlist} under its lock, with the core's GUID as the
 * {@code G} extension. When the UID cannot be assigned the file is removed again, so a failed save
 * leaves nothing visible.
 */
final class MessageSaver {

    /** A saved message: what the core gets, the file and its facts for the caller's caches. */
    record Saved(StoredMessage stored, MaildirScan.Message file, MessageFacts facts) {
    }

    private final Path dir;
    private final MaildirDelivery delivery;
    private final MaildirUidList uidList;
    private final MaildirKeywords keywords;

    MessageSaver(Path dir, MaildirDelivery delivery, MaildirUidList uidList, MaildirKeywords keywords) {
        this.dir = dir;
        this.delivery = delivery;
        this.uidList = uidList;
        this.keywords = keywords;
    }

    Saved save(InputStream content, SaveRequest request, String mailbox) throws StorageException {
        return save(content, request, mailbox, dest -> { });
    }

    /** As {@link #save(InputStream, SaveRequest, String)}, telling {@code beforePublish} the file's final path. */
    Saved save(InputStream content, SaveRequest request, String mailbox,
            java.util.function.Consumer<Path> beforePublish) throws StorageException {
        Set<MaildirFlag> system = FlagMapping.systemLetters(request.flags());
        MaildirDelivery.Delivered d;
        try {
            Set<Integer> letters = FlagMapping.keywordLetters(request.flags(), keywords);
            MaildirDelivery.Target target = system.isEmpty() && letters.isEmpty()
                    ? MaildirDelivery.Target.NEW : MaildirDelivery.Target.CUR;
            d = delivery.deliver(dir, content, target, system, letters, FileTime.from(request.internalDate()),
                    beforePublish);
        } catch (IOException e) {
            throw StorageErrors.io("Cannot save a message into " + mailbox, e);
        }
        UidListEntry entry;
        try {
            entry = uidList.append(List.of(new MaildirUidList.NewRecord(d.name().base(), extensions(request),
                    d.name().fileName()))).get(0);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(d.path());
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException io) {
                throw StorageErrors.io("Cannot give the new message in " + mailbox + " a UID", io);
            }
            throw (RuntimeException) e;
        }
        MessageFacts facts = new MessageFacts(request.internalDate(),
                MessageFacts.deliveryTime(d.name().base()).orElse(request.saveDate()), d.size(), d.vsize(),
                entry.guid().orElse(d.name().base()));
        StoredMessage stored = new StoredMessage(entry.uid(), request.flags(), facts.internalDate(), facts.saveDate(),
                facts.size(), facts.vsize(), facts.guid());
        boolean inNew = d.path().getParent().getFileName().toString().equals("new");
        return new Saved(stored, new MaildirScan.Message(entry.uid(), d.path(), d.name(), inNew, false), facts);
    }

    /** The GUID when the uidlist line can hold it (no blanks), as Dovecot's {@code G} extension. */
    private static Map<Character, String> extensions(SaveRequest request) {
        Map<Character, String> ext = new LinkedHashMap<>();
        String guid = request.guid();
        if (!guid.isEmpty() && guid.chars().noneMatch(c -> c <= ' ' || c == 0x7f)) {
            ext.put('G', guid);
        }
        return ext;
    }
}
