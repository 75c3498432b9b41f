package org.peerpay.statutory;

/** Where an employment stands with its workplace pension, carried from one pay period to the next. */
public enum PensionMembership {
    /** Not a member: assessed each period, enrolled automatically when an eligible jobholder. */
    NOT_ENROLLED,
    /** A member, enrolled automatically or at the worker's request; contributions are due on qualifying earnings. */
    ENROLLED,
    /** The worker opted out (or left): no contributions. */
    OPTED_OUT
}
