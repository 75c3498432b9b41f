package org.peerpay.payroll;

import org.peerpay.calendar.PayPeriod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpay.support.SmallCouncil.TIMESHEET_HEADER;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.SmallCouncil;

/** The exceptions a pay run raises for a coordinator, one test each (BELOW_FLOOR, LATE_HOURS, OVERSPEND, PLAN_EXCEEDED are in PayRunJobTests). */
class PayRunExceptionsTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @BeforeEach
    void unfundedSmallCouncil() {
        smallCouncil(false);
    }

    List<String> exceptions(String type) {
        return jdbc.queryForList("select detail from payroll_exception where type = ? order by id", String.class, type);
    }

    @Test
    void flagsABalanceAboveTheRetentionWeeksAsSurplus() {
        importShifts("shifts.csv", "M1,SU1,2026-10-19,10:00,13:00,0,,\n");
        jdbc.update("insert into funding (service_user_id, received_on, amount, source) select id, date '2026-10-01',"
                + " 5000.00, 'council' from service_user where ref = 'SU1'");
        budgets.postFunding(LocalDate.of(2099, 12, 31));

        payRuns.pay(P08);

        // 3h at £15 = 45.00 + holiday 5.43 = 50.43 for 3h: £16.81 an hour; 8 weeks x 3 planned hours = £403.44
        assertThat(exceptions("SURPLUS")).containsExactly("the balance £5,749.57 is above 8 weeks of planned cost"
                + " (£403.44); the council may reclaim the surplus");
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).reconciles()).isTrue();
    }

    @Test
    void flagsHoursBelowThePlanAsUnderDelivery() {
        importShifts("shifts.csv", "M1,SU1,2026-10-19,10:00,13:00,0,,\n");

        payRuns.pay(P08);

        assertThat(exceptions("UNDER_DELIVERY")).containsExactly("3.00 hours paid against 12.00 planned (3.00 a"
                + " week): support planned was not delivered; ask why");
    }

    @Test
    void raisesNothingForAnOrdinaryPeriod() {
        // the plans' hours: SU1 3 a week (12 in the period), SU2 2 a week (8)
        importShifts("shifts.csv", "M1,SU1,2026-10-19,10:00,13:00,0,,\nM1,SU1,2026-10-26,10:00,13:00,0,,\n"
                + "M1,SU1,2026-11-02,10:00,13:00,0,,\nM1,SU1,2026-11-09,10:00,13:00,0,,\n"
                + "M1,SU2,2026-10-20,10:00,14:00,0,,\nM1,SU2,2026-11-03,10:00,14:00,0,,\n");
        jdbc.update("update funding set amount = 300.00");  // about six weeks of the planned 3 hours a week
        budgets.postFunding(LocalDate.of(2099, 12, 31));

        PayRuns.Summary summary = payRuns.pay(P08);

        assertThat(summary.exceptions()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from payroll_exception", Integer.class)).isZero();
    }
}
