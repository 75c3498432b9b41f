package org.peerpay.statutory;

/** The automatic enrolment category of a worker in one pay reference period (Pensions Act 2008, ss.1 to 13). */
public enum WorkerCategory {
    /** Aged 22 to State Pension age and earning more than the earnings trigger: must be enrolled. */
    ELIGIBLE_JOBHOLDER("Eligible jobholder"),
    /** Aged 16 to 74 with earnings above the qualifying earnings lower limit, but not eligible: may opt in. */
    NON_ELIGIBLE_JOBHOLDER("Non-eligible jobholder"),
    /** Aged 16 to 74 earning no more than the qualifying earnings lower limit: may ask to join. */
    ENTITLED_WORKER("Entitled worker"),
    /** Under 16 or 75 and over: outside automatic enrolment. */
    OUTSIDE_AGE_RANGE("Outside automatic enrolment age range");

    private final String label;

    WorkerCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
