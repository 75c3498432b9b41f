package org.peerpay.system;

/** What went wrong at the bottom of a chain of causes, for a one-line message. */
public final class Failures {

    private Failures() {
    }

    /**
     * The message of the bottom of the chain; or of the cause just above it when that one says where, ending in the
     * bottom's message ({@code Could not write out/x.csv: No space left on device}).
     */
    public static String rootMessage(Throwable failure) {
        Throwable wrapper = null;
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            wrapper = root;
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (wrapper != null && wrapper.getMessage() != null && wrapper.getMessage().endsWith(": " + message)) {
            return wrapper.getMessage();
        }
        return message;
    }
}
