description = LMTP delivery (RFC 2033) from Postfix or Exim through the delivery service
bundles = org.loftmail.delivery, org.loftmail.lmtp
requires =
