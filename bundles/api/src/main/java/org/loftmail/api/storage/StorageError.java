package org.loftmail.api.storage;

/** The one vocabulary of storage failures; each protocol maps it once (IMAP response codes, POP3, LMTP). */
public enum StorageError {
    /** The mailbox or message does not exist (IMAP {@code [NONEXISTENT]}). */
    NOT_FOUND,
    /** The mailbox already exists (IMAP {@code [ALREADYEXISTS]}). */
    EXISTS,
    /** A quota would be exceeded (IMAP {@code [OVERQUOTA]}, LMTP 552/452). */
    OVER_QUOTA,
    /** Someone else holds the resource (IMAP {@code [INUSE]}, POP3 {@code [IN-USE]}). */
    IN_USE,
    /** The message is larger than allowed (IMAP {@code [TOOBIG]}). */
    TOO_BIG,
    /** A transient failure; retrying later may succeed (IMAP {@code [UNAVAILABLE]}, LMTP 4xx). */
    TEMPORARY,
    /** The user may not do this (IMAP {@code [NOPERM]}). */
    NO_PERMISSION,
    /** The mailbox name breaks a naming rule; the message says which (IMAP {@code [CANNOT]}). */
    INVALID_NAME,
    /** The mailbox exists only as a parent of others and holds no messages (IMAP {@code \Noselect}). */
    NOT_SELECTABLE,
    /** The mailbox has children and cannot be deleted before them (IMAP {@code [INUSE]} / plain NO). */
    HAS_CHILDREN,
    /** The message was expunged by another session (IMAP {@code [EXPUNGEISSUED]}). */
    EXPUNGED,
    /** The operation is not possible in this state, e.g. deleting INBOX (IMAP {@code [CANNOT]}). */
    NOT_POSSIBLE,
    /** The mailbox was opened read-only (IMAP {@code [READ-ONLY]}). */
    READ_ONLY,
    /** A bug or a corrupt store; the cause says more (IMAP {@code [SERVERBUG]}). */
    INTERNAL
}
