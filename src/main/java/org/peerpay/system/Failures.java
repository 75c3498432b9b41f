package org.peerpay.system;

/** What went wrong at the bottom of a chain of causes, for a one-line message. */
public final class Failures {

    private Failures() {
    }

    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
