package org.peerpay.system;

/** A batch job that ended FAILED: the command exits 1 and says which step failed and why. */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String message) {
        super(message);
    }
}
