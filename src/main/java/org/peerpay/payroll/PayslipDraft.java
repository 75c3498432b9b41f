package org.peerpay.payroll;

import org.peerpay.exceptions.ExceptionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.peerpay.statutory.PayslipFigures;

/**
 * One employment's result in a pay run, before it is stored: the payslip (absent when nothing could be paid),
 * its lines, the shifts held back, and the exceptions raised.
 *
 * @param figures the statutory figures, or null when every shift was held
 */
record PayslipDraft(EmploymentWork work, int minutes, BigDecimal basicPay, BigDecimal floorUplift, BigDecimal arrears,
        PayslipFigures figures, BigDecimal employmentAllowanceOffset, BigDecimal employerCost, String taxCodeUsed,
        boolean week1Month1, String taxYear, int taxPeriod, LocalDate payDate, List<Line> lines,
        List<WorkedShift> held, List<Raised> exceptions) {

    enum LineKind { BASIC, FLOOR_UPLIFT, ARREARS, HOLIDAY }

    /** A payslip line; minutes and rate are null for holiday pay. */
    record Line(LineKind kind, String description, Integer minutes, BigDecimal rate, BigDecimal amount) {
    }

    /** An exception for a coordinator; the shift is null when it is about the whole payslip. */
    record Raised(ExceptionType type, WorkedShift shift, String detail) {
    }

    boolean paid() {
        return figures != null;
    }
}
