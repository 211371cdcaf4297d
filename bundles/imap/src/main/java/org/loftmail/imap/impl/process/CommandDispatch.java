package org.loftmail.imap.impl.process;

import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.decode.CommandDecoder;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.request.*;
import org.loftmail.imap.impl.session.ImapSession;

/** Chooses the processor of each request by its type: one class per command family. */
public final class CommandDispatch implements ImapSession.Dispatcher {

    @Override
    public StatusResponse dispatch(ImapSession s, CommandDecoder.Decoded command) throws StorageException {
        return switch (command.request()) {
            case CapabilityRequest r -> SessionCommands.capability(s, r);
            case NoopRequest r -> SessionCommands.noop(s, r);
            case LogoutRequest r -> SessionCommands.logout(s, r);
            case IdRequest r -> SessionCommands.id(s, r);
            case EnableRequest r -> SessionCommands.enable(s, r);
            case NamespaceRequest r -> SessionCommands.namespace(s, r);
            case StartTlsRequest r -> SessionCommands.startTls(s, r);
            case CompressRequest r -> SessionCommands.compress(s, r);
            case GetQuotaRequest r -> QuotaCommands.getQuota(s, r);
            case GetQuotaRootRequest r -> QuotaCommands.getQuotaRoot(s, r);
            case LoginRequest r -> LoginCommands.login(s, r);
            case AuthenticateRequest r -> LoginCommands.authenticate(s, r);
            case SelectRequest r -> SelectCommands.select(s, r);
            case CloseRequest r -> SelectCommands.close(s, r);
            case UnselectRequest r -> SelectCommands.unselect(s, r);
            case CheckRequest r -> StatusResponse.ok(r.tag(), "Check completed.");
            case ExpungeRequest r -> SelectCommands.expunge(s, r.tag(), null);
            case UidExpungeRequest r -> SelectCommands.expunge(s, r.tag(), r.uids());
            case CreateRequest r -> MailboxCommands.create(s, r);
            case DeleteRequest r -> MailboxCommands.delete(s, r);
            case RenameRequest r -> MailboxCommands.rename(s, r);
            case SubscribeRequest r -> MailboxCommands.subscribe(s, r.tag(), r.mailbox(), true);
            case UnsubscribeRequest r -> MailboxCommands.subscribe(s, r.tag(), r.mailbox(), false);
            case ListRequest r -> ListCommands.list(s, r);
            case LsubRequest r -> ListCommands.lsub(s, r);
            case StatusRequest r -> MailboxCommands.status(s, r);
            case AppendRequest r -> AppendCommand.append(s, r);
            case FetchRequest r -> FetchCommand.fetch(s, r);
            case StoreRequest r -> StoreCommand.store(s, r);
            case CopyRequest r -> CopyMoveCommands.copy(s, r.tag(), r.set(), r.mailbox(), false);
            case MoveRequest r -> CopyMoveCommands.copy(s, r.tag(), r.set(), r.mailbox(), true);
            case SearchRequest r -> SearchCommands.search(s, r);
            case SortRequest r -> SearchCommands.sort(s, r);
            case ThreadRequest r -> SearchCommands.thread(s, r);
            case IdleRequest r -> IdleCommand.idle(s, r);
        };
    }
}
