package org.peerpay.system;

/**
 * A batch job that ended FAILED: the command exits 1 and says which step failed and why. Its cause, when there is
 * one, is the user-facing problem that failed the job (a refused input), for the caller to act on.
 */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String message) {
        super(message);
    }

    public JobFailedException(String message, UserFacingException refusal) {
        super(message, refusal);
    }
}
