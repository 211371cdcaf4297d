package org.loftmail.quota.impl;

import org.loftmail.api.admin.AdminCommand;
import org.loftmail.api.storage.quota.QuotaService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code loftadm quota get [-u] USER}. */
@Component(service = AdminCommand.class, property = AdminCommand.NAME + "=quota get")
public final class QuotaGetCommand extends QuotaAdminCommand {

    @Activate
    public QuotaGetCommand(@Reference(target = "(component.name=org.loftmail.quota.impl.QuotaComponent)") QuotaService quota) {
        super((QuotaComponent) quota, false);
    }
}
