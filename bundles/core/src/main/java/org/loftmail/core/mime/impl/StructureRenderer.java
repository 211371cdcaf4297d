package org.loftmail.core.mime.impl;

import java.io.IOException;
import org.loftmail.core.mime.MessageStructure;

/** Parses a message and renders its ENVELOPE, BODY and BODYSTRUCTURE. */
public final class StructureRenderer {
    private StructureRenderer() {
    }

    public static MessageStructure render(byte[] message) throws IOException {
        MimePart root = MimeTreeParser.parseMessage(message);
        StringBuilder envelope = new StringBuilder();
        root.envelope.write(envelope);
        StringBuilder body = new StringBuilder();
        new BodyStructureWriter(false).write(root, body);
        StringBuilder structure = new StringBuilder();
        new BodyStructureWriter(true).write(root, structure);
        return new MessageStructure(envelope.toString(), body.toString(), structure.toString());
    }
}
