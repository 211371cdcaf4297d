package org.loftmail.net.impl;

import org.apache.mina.core.future.DefaultWriteFuture;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.filter.ssl.DisableEncryptWriteRequest;

/** A write that passes the SslFilter unencrypted: the STARTTLS "go ahead" line. */
final class ClearWriteRequest extends DefaultWriteRequest implements DisableEncryptWriteRequest {

    ClearWriteRequest(Object message, IoSession session) {
        super(message, new DefaultWriteFuture(session));
    }
}
