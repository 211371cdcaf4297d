description = POP3 (RFC 1939 with CAPA, STLS, SASL AUTH; served on the pop3 and pop3s listeners)
bundles = org.loftmail.pop3
requires =
