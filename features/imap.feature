description = IMAP4rev1 with the extensions Loft advertises (served on the imap and imaps listeners)
bundles = org.loftmail.imap
requires =
