package org.peerpay.payroll;

import java.util.List;

/** One employment's shifts to pay in a run, and the back pay owed to it: one item of the pay run. */
record EmploymentWork(EmploymentTerms terms, List<WorkedShift> shifts, List<BackPay.Owed> backPay) {
}
