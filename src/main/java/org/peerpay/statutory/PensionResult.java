package org.peerpay.statutory;

import java.math.BigDecimal;

/**
 * One pay reference period's automatic enrolment assessment and contributions, in pounds to the penny.
 *
 * @param membership where the employment stands after this period (carry it to the next)
 * @param enrolledThisPeriod true when this assessment enrolled an eligible jobholder
 * @param employeeContribution the employee's contribution, tax relief included
 * @param employeeDeduction what is taken from the employee's pay for it (80% under relief at source)
 */
public record PensionResult(WorkerCategory category, PensionMembership membership, boolean enrolledThisPeriod,
        BigDecimal qualifyingEarnings, BigDecimal employerContribution, BigDecimal employeeContribution,
        BigDecimal employeeDeduction) {

    /** The assessment as a payslip shows it. */
    public String forPayslip() {
        String status = switch (membership) {
            case ENROLLED -> enrolledThisPeriod ? "enrolled in the workplace pension this period"
                    : "member of the workplace pension";
            case OPTED_OUT -> "opted out of the workplace pension";
            case NOT_ENROLLED -> switch (category) {
                case NON_ELIGIBLE_JOBHOLDER -> "not enrolled; may opt in";
                case ENTITLED_WORKER -> "not enrolled; may ask to join";
                default -> "not enrolled";
            };
        };
        return category.label() + ": " + status;
    }
}
