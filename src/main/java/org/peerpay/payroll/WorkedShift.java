package org.peerpay.payroll;

import java.time.LocalDate;

/** One accepted timesheet line to be paid: where it came from, its date and its minutes. */
record WorkedShift(long importId, int sourceRow, LocalDate workDate, int minutes) {
}
