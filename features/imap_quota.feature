description = IMAP QUOTA (RFC 9208) over the quota plug-in; the imap bundle serves the commands
bundles =
requires = quota
