package org.loftmail.delivery.impl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.UserLookup;
import org.loftmail.api.delivery.DeliveryFilter;
import org.loftmail.api.delivery.DeliveryResult;
import org.loftmail.api.delivery.DeliveryService;
import org.loftmail.api.delivery.FilterDecision;
import org.loftmail.api.delivery.Recipient;
import org.loftmail.api.delivery.RecipientLookup;
import org.loftmail.api.delivery.Target;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.AppendResult;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.MessageSource;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery service: recipient lookup through the userdb, delivery filters in ranking order,
 * each copy appended (fsync'd by the storage driver) before the result is returned. Settings from
 * {@code org.loftmail.settings}: {@code recipient_delimiter} (default {@code +}) and
 * {@code lmtp_save_to_detail_mailbox}.
 */
@Component(service = DeliveryService.class, configurationPid = "org.loftmail.settings",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class DeliveryComponent implements DeliveryService {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryComponent.class);

    private final AuthService auth;
    private final MailStorage storage;
    private final OpenStores stores;
    private final List<Ranked> filters = new CopyOnWriteArrayList<>();
    private volatile String delimiters = "+";
    private volatile boolean saveToDetail;

    private record Ranked(DeliveryFilter filter, int ranking, long id) {
    }

    @Activate
    public DeliveryComponent(@Reference AuthService auth, @Reference MailStorage storage, Map<String, Object> props) {
        this.auth = auth;
        this.storage = storage;
        this.stores = new OpenStores(storage);
        configure(props);
    }

    @Deactivate
    void deactivate() {
        stores.close();
    }

    @Modified
    void configure(Map<String, Object> props) {
        Object d = props.get("recipient_delimiter");
        delimiters = d == null ? "+" : d.toString();
        Object detail = props.getOrDefault("protocol.lmtp.lmtp_save_to_detail_mailbox",
                props.get("lmtp_save_to_detail_mailbox"));
        saveToDetail = detail != null && detail.toString().trim().equalsIgnoreCase("yes");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFilter(DeliveryFilter filter, Map<String, Object> props) {
        Object r = props.get(Constants.SERVICE_RANKING);
        Object id = props.get(Constants.SERVICE_ID);
        filters.add(new Ranked(filter, r instanceof Integer i ? i : 0, id instanceof Long l ? l : 0));
    }

    void removeFilter(DeliveryFilter filter) {
        filters.removeIf(r -> r.filter() == filter);
    }

    @Override
    public RecipientLookup lookup(String address) {
        RecipientAddress a = RecipientAddress.parse(address, delimiters);
        UserLookup found = auth.lookupUser(a.user(), new ClientInfo("lmtp", null, null, false, true, ""));
        return switch (found) {
            case UserLookup.Found f -> new RecipientLookup.Found(new Recipient(address, f.user(), a.detail(), f.fields()));
            case UserLookup.NotFound n -> new RecipientLookup.Unknown(address);
            case UserLookup.Temporary t -> new RecipientLookup.Temporary(t.reason());
        };
    }

    @Override
    public DeliveryResult deliver(Recipient recipient, String mailFrom, MessageSource message) {
        String prefix = "Return-Path: <" + mailFrom + ">\r\nDelivered-To: " + bare(recipient.address()) + "\r\n";
        MessageSource full = new PrefixedMessage(prefix.getBytes(StandardCharsets.UTF_8), message);
        Target proposed = saveToDetail && !recipient.detail().isEmpty()
                ? new Target(recipient.detail(), org.loftmail.api.storage.Flags.NONE, true) : Target.inbox();
        FilterDecision decision = decide(recipient, mailFrom, full, proposed);
        return switch (decision) {
            case FilterDecision.Discard d -> {
                LOG.info("user {}: discarded by a delivery filter", recipient.user());
                yield new DeliveryResult.Discarded();
            }
            case FilterDecision.Reject r -> {
                LOG.info("user {}: rejected by a delivery filter: {}", recipient.user(), r.reason());
                yield new DeliveryResult.Rejected(r.reason());
            }
            case FilterDecision.Store s -> store(recipient, full, s.targets());
            case FilterDecision.Next n -> store(recipient, full, List.of(proposed));
        };
    }

    private FilterDecision decide(Recipient recipient, String mailFrom, MessageSource message, Target proposed) {
        List<Ranked> ordered = new ArrayList<>(filters);
        ordered.sort(Comparator.comparingInt(Ranked::ranking).reversed().thenComparingLong(Ranked::id));
        for (Ranked r : ordered) {
            try {
                FilterDecision d = r.filter().decide(recipient, mailFrom, message, proposed);
                if (d != null && !(d instanceof FilterDecision.Next)) {
                    return d;
                }
            } catch (RuntimeException e) {
                LOG.error("delivery filter {} failed for user {}, skipping it: {}", r.filter().getClass().getName(),
                        recipient.user(), e.toString(), e);
            }
        }
        return new FilterDecision.Next();
    }

    private DeliveryResult store(Recipient recipient, MessageSource message, List<Target> targets) {
        Map<String, String> f = recipient.userdbFields();
        List<DeliveryResult.Copy> copies = new ArrayList<>();
        try {
            stores.with(new MailUser(recipient.user(), f.get("home"), f.get("mail")), mb -> {
                for (Target t : targets) {
                    copies.add(storeOne(mb, recipient, message, t));
                }
                return null;
            });
        } catch (StorageException e) {
            return failure(recipient, e);
        }
        return new DeliveryResult.Stored(Collections.unmodifiableList(copies));
    }

    private DeliveryResult.Copy storeOne(UserMailboxes mb, Recipient recipient, MessageSource message, Target t)
            throws StorageException {
        String mailbox = t.mailbox();
        AppendRequest request = new AppendRequest(message, t.flags(), null);
        AppendResult r;
        try {
            r = mb.append(mailbox, List.of(request));
        } catch (StorageException e) {
            if (e.error() != StorageError.NOT_FOUND && e.error() != StorageError.INVALID_NAME) {
                throw e;
            }
            if (t.create() && e.error() == StorageError.NOT_FOUND) {
                try {
                    mb.create(mailbox);
                    r = mb.append(mailbox, List.of(request));
                } catch (StorageException again) {
                    LOG.info("user {}: cannot save to {} ({}), saving to INBOX", recipient.user(), mailbox,
                            again.getMessage());
                    mailbox = "INBOX";
                    r = mb.append(mailbox, List.of(request));
                }
            } else {
                LOG.info("user {}: mailbox {} does not exist, saving to INBOX", recipient.user(), mailbox);
                mailbox = "INBOX";
                r = mb.append(mailbox, List.of(request));
            }
        }
        LOG.info("user {}: saved mail to {} (uid {})", recipient.user(), mailbox, r.uids().get(0));
        return new DeliveryResult.Copy(mailbox, r.uidValidity(), r.uids().get(0));
    }

    private static DeliveryResult failure(Recipient recipient, StorageException e) {
        LOG.info("user {}: delivery failed: {} {}", recipient.user(), e.error(), e.getMessage());
        return switch (e.error()) {
            case OVER_QUOTA -> new DeliveryResult.Failed(DeliveryResult.Kind.OVER_QUOTA,
                    "Quota exceeded (mailbox for user is full)");
            case TOO_BIG -> new DeliveryResult.Failed(DeliveryResult.Kind.TOO_BIG, "Message is too large");
            case NO_PERMISSION -> new DeliveryResult.Failed(DeliveryResult.Kind.PERMANENT, "Permission denied");
            default -> new DeliveryResult.Failed(DeliveryResult.Kind.TEMPORARY,
                    "Temporary internal error, try again later");
        };
    }

    private static String bare(String address) {
        String a = address.trim();
        return a.startsWith("<") && a.endsWith(">") ? a.substring(1, a.length() - 1) : a;
    }
}
