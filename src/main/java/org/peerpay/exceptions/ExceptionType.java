package org.peerpay.exceptions;

/** The kinds of exception a coordinator looks at, in alphabetical order (the order files and summaries list). */
public enum ExceptionType {
    /** A shift at a rate under the wage floor in force on its date: paid at the floor, or held. */
    BELOW_FLOOR,
    /** A budget that paid nobody in a period and still holds money. */
    IDLE_BUDGET,
    /** Shifts dated before the period they were paid in (arrears). */
    LATE_HOURS,
    /** A period's pay for time worked under the National Minimum Wage for the worker's age. */
    NMW_PERIOD,
    /** An employment paid on the emergency code because it has no valid tax code. */
    NO_TAX_CODE,
    /** A budget below zero after its pay was charged. */
    OVERSPEND,
    /** Hours paid above the support plan's, beyond the tolerance. */
    PLAN_EXCEEDED,
    /** A balance above the service user's retention weeks of planned cost. */
    SURPLUS,
    /** Hours paid below the support plan's, beyond the tolerance: support planned was not delivered. */
    UNDER_DELIVERY
}
