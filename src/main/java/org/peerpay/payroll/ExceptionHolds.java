package org.peerpay.payroll;

import java.util.Set;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.system.UserFacingException;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator holds the unpaid shifts an exception is about while it is looked into (the shift itself, else the
 * employment's, else the service user's), and releases them: pay runs leave held shifts unpaid, and take released
 * ones like any other unpaid shift, in the next run (as late hours, if their period is paid). Hours worked must
 * still be paid: a hold is for checking, not for keeping wages back.
 */
@Service
public class ExceptionHolds {

    private final Exceptions exceptions;
    private final PayableShifts shifts;

    ExceptionHolds(Exceptions exceptions, PayableShifts shifts) {
        this.exceptions = exceptions;
        this.shifts = shifts;
    }

    /**
     * Holds the exception's unpaid shifts.
     *
     * @param caseload the service users the person may act for, or null for all
     * @return shifts held; empty when there is no such exception for them, or it is held already
     * @throws UserFacingException when none of its shifts is left unpaid to hold
     */
    @Transactional
    public java.util.OptionalInt hold(long exceptionId, String by, Set<String> caseload) {
        var subject = exceptions.holdable(exceptionId, caseload);
        if (subject.isEmpty()) {
            return java.util.OptionalInt.empty();
        }
        var s = subject.get();
        int held = shifts.holdFor(exceptionId, s.importId(), s.sourceRow(), s.employmentId(), s.serviceUserId());
        if (held == 0) {
            throw new UserFacingException("Nothing to hold for exception " + exceptionId + ": every shift it is about"
                    + " has been paid or is held already.");
        }
        exceptions.markHeld(exceptionId, by, held);
        return java.util.OptionalInt.of(held);
    }

    /**
     * Releases the shifts held for the exception.
     *
     * @return shifts released; empty when there is no hold on such an exception for them
     */
    @Transactional
    public java.util.OptionalInt release(long exceptionId, String by, Set<String> caseload) {
        if (!exceptions.markReleased(exceptionId, by, caseload)) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(shifts.releaseHoldOf(exceptionId));
    }
}
