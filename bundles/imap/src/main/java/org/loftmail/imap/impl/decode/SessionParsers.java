package org.loftmail.imap.impl.decode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loftmail.imap.impl.request.CompressRequest;
import org.loftmail.imap.impl.request.EnableRequest;
import org.loftmail.imap.impl.request.GetQuotaRequest;
import org.loftmail.imap.impl.request.IdRequest;

/** Session-level extensions with arguments: ID, ENABLE, GETQUOTA, COMPRESS. */
final class SessionParsers {

    private static final int MAX_ID_PARAMS = 30;

    private SessionParsers() {
    }

    /** {@code id = "ID" SP ("(" string SP nstring *(SP string SP nstring) ")" / nil)} (RFC 2971). */
    static IdRequest id(String tag, ImapReader r) throws ParseException {
        r.sp();
        if (!r.accept('(')) {
            if (!r.keyword().equals("NIL")) {
                throw new ParseException("Expected a parameter list or NIL");
            }
            return new IdRequest(tag, null);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!r.accept(')')) {
            do {
                String field = r.string();
                r.sp();
                params.put(field, r.nstring());
                if (params.size() > MAX_ID_PARAMS) {
                    throw new ParseException("Too many ID parameters");
                }
            } while (r.accept(' '));
            r.expect(')');
        }
        return new IdRequest(tag, java.util.Collections.unmodifiableMap(params));
    }

    /** {@code enable = "ENABLE" 1*(SP capability)} (RFC 5161). */
    static EnableRequest enable(String tag, ImapReader r) throws ParseException {
        List<String> capabilities = new ArrayList<>();
        do {
            r.sp();
            capabilities.add(r.keyword());
        } while (!r.atEnd());
        return new EnableRequest(tag, capabilities);
    }

    /** {@code getquota = "GETQUOTA" SP quota-root-name} (RFC 9208). */
    static GetQuotaRequest getQuota(String tag, ImapReader r) throws ParseException {
        r.sp();
        return new GetQuotaRequest(tag, r.astring());
    }

    /** {@code compress = "COMPRESS" SP algorithm} (RFC 4978). */
    static CompressRequest compress(String tag, ImapReader r) throws ParseException {
        r.sp();
        return new CompressRequest(tag, r.keyword());
    }
}
