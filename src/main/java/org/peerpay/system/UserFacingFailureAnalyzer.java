package org.peerpay.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up failures a person can fix (a busy data directory, a missing key) are shown as their message, not a stack trace. */
class UserFacingFailureAnalyzer extends AbstractFailureAnalyzer<UserFacingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UserFacingException cause) {
        return new FailureAnalysis(cause.getMessage(), "See the description above.", cause);
    }
}
