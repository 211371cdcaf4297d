description = Quota (Dovecot's quota plug-in: quota, quota_rule*, quota_grace, quota_max_mail_size; maildir and count backends)
bundles = org.loftmail.quota
requires =
