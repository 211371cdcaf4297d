/**
 * The Maildir on-disk format as Dovecot 2.3 reads and writes it, as plain classes the maildir
 * driver sits on: {@link org.loftmail.storage.maildir.impl.MailLocation} (the
 * {@code mail_location} setting), {@link org.loftmail.storage.maildir.impl.MaildirFilename}
 * and {@link org.loftmail.storage.maildir.impl.UniqueNames} (file names),
 * {@link org.loftmail.storage.maildir.impl.MaildirKeywords} ({@code dovecot-keywords}),
 * {@link org.loftmail.storage.maildir.impl.MaildirUidList} ({@code dovecot-uidlist} v3 with
 * Dovecot's {@link org.loftmail.storage.maildir.impl.Dotlock}),
 * {@link org.loftmail.storage.maildir.impl.CourierUidImport},
 * {@link org.loftmail.storage.maildir.impl.MaildirFolders} and
 * {@link org.loftmail.storage.maildir.impl.Subscriptions} (layouts and the subscriptions
 * file), {@link org.loftmail.storage.maildir.impl.MaildirDelivery} (crash-safe writes) and
 * {@link org.loftmail.storage.maildir.impl.MaildirScan} (new/ + cur/ against the uidlist).
 * Private to the bundle; nothing here is exported.
 */
package org.loftmail.storage.maildir.impl;
