package org.loftmail.net.impl.tls;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * The BouncyCastle provider instances this bundle uses. They are passed explicitly wherever a
 * provider is needed and never installed with {@code Security.addProvider}.
 */
public final class BcProviders {

    private BcProviders() {
    }

    private static final class Holder {
        static final Provider BC = new BouncyCastleProvider();
        static final Provider JSSE = new BouncyCastleJsseProvider(BC);
    }

    /** The BC JCA/JCE provider (keys, signatures, PEM decryption). */
    public static Provider bc() {
        return Holder.BC;
    }

    /** The BCJSSE provider (SSLContext, KeyManagerFactory), backed by {@link #bc()}. */
    public static Provider jsse() {
        return Holder.JSSE;
    }
}
