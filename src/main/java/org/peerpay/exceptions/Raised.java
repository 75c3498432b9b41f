package org.peerpay.exceptions;

import java.time.LocalDate;

/**
 * One exception raised: of a shift (an import's row), an employment, or a budget. Ids of what it concerns are null
 * where it does not concern one.
 */
public record Raised(ExceptionType type, Long serviceUserId, Long mentorId, Long employmentId, Long importId,
                     Integer sourceRow, LocalDate workDate, String detail) {

    /** An exception about a budget as a whole. */
    public static Raised ofBudget(ExceptionType type, long serviceUserId, String detail) {
        return new Raised(type, serviceUserId, null, null, null, null, null, detail);
    }
}
