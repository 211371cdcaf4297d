package org.loftmail.storage.core.contract;

/**
 * Every storage contract test. A driver runs them all with one small class:
 *
 * <pre>{@code
 * class MaildirContractTest implements AllStorageContracts {
 *     public StorageDriver driver(Path root) { return new MaildirDriver(); }
 *     public String driverName() { return "maildir"; }
 *     public String mailLocation(Path root) { return "maildir:" + root + "/%u"; }
 * }
 * }</pre>
 */
public interface AllStorageContracts extends UidModseqContract, ViewSyncContract, CopyMoveContract, FlagStoreContract,
        MailboxTreeContract, NameRulesContract, ContentContract, EventsContract, ConcurrencyContract,
        QuotaHookContract, MessageCacheContract {
}
