package org.loftmail.imap.impl.request;

/**
 * A decoded IMAP command, free of wire syntax. One record per command; the processor that
 * executes it is chosen by its type. Records never hold open resources except the
 * {@link org.loftmail.api.protocol.Literal}s of APPEND, which live as long as the command.
 */
public sealed interface ImapRequest permits
        CapabilityRequest, NoopRequest, LogoutRequest, StartTlsRequest, AuthenticateRequest,
        LoginRequest, SelectRequest, CreateRequest, DeleteRequest, RenameRequest,
        SubscribeRequest, UnsubscribeRequest, ListRequest, LsubRequest, StatusRequest,
        AppendRequest, CheckRequest, CloseRequest, UnselectRequest, ExpungeRequest,
        UidExpungeRequest, SearchRequest, FetchRequest, StoreRequest, CopyRequest, MoveRequest,
        SortRequest, ThreadRequest, IdleRequest, NamespaceRequest, IdRequest, EnableRequest,
        GetQuotaRequest, GetQuotaRootRequest, CompressRequest {

    /** The client tag, echoed in the tagged response. */
    String tag();
}
