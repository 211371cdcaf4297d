package org.loftmail.net.impl.proxy;

/** Input that is not a valid PROXY protocol header. */
public final class ProxyHeaderException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProxyHeaderException(String message) {
        super(message);
    }
}
