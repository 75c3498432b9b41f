package org.peerpay.payroll;

import org.peerpay.calendar.PayPeriod;

/**
 * Which lines a pay run pays. The first run of a period pays every accepted line not yet paid or held, dated up
 * to the period's end (earlier dates as arrears); a supplementary run pays the lines of the period that its
 * earlier runs held and a coordinator has since released. Only lines of imports completed when the run began
 * ({@code importBound}) count, so an import finishing mid-run waits for the next run.
 */
record PayRunScope(PayPeriod period, int runNumber, long payRunId, long importBound) {

    boolean supplementary() {
        return runNumber > 1;
    }
}
