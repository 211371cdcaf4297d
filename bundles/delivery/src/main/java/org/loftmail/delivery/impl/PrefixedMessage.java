package org.loftmail.delivery.impl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.loftmail.api.storage.MessageSource;

/** A message with header lines put in front of it (Return-Path, Delivered-To). */
record PrefixedMessage(byte[] prefix, MessageSource message) implements MessageSource {

    @Override
    public InputStream open() throws IOException {
        return new SequenceInputStream(new ByteArrayInputStream(prefix), message.open());
    }

    @Override
    public long size() {
        long s = message.size();
        return s < 0 ? -1 : s + prefix.length;
    }
}
