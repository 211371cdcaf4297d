package org.loftmail.quota.impl;

import org.loftmail.api.admin.AdminCommand;
import org.loftmail.api.storage.quota.QuotaService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code loftadm quota recalc [-u] USER}: counts the mailboxes again and rewrites maildirsize. */
@Component(service = AdminCommand.class, property = AdminCommand.NAME + "=quota recalc")
public final class QuotaRecalcCommand extends QuotaAdminCommand {

    @Activate
    public QuotaRecalcCommand(@Reference(target = "(component.name=org.loftmail.quota.impl.QuotaComponent)") QuotaService quota) {
        super((QuotaComponent) quota, true);
    }
}
