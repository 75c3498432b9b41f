package org.peerpay.system;

import java.util.Optional;

/**
 * A problem caused by what a person gave PeerPay (a file, an option, a directory) rather than by a fault in
 * PeerPay. Its message is shown as it is, so it says what was wrong, where, and what to do; the command exits 2.
 */
public class UserFacingException extends RuntimeException {

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first user-facing problem in a chain of causes, if there is one. */
    public static Optional<UserFacingException> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UserFacingException problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }
}
