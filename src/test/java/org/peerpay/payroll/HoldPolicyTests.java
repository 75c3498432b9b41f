package org.peerpay.payroll;

import org.peerpay.money.Gbp;
import org.peerpay.calendar.PayPeriod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpay.support.SmallCouncil.TIMESHEET_HEADER;

import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.SmallCouncil;
import org.springframework.test.context.TestPropertySource;

/** Under the hold policy, shifts under the floor wait for a coordinator, then a supplementary run pays them. */
@TestPropertySource(properties = "peerpay.wage-floor.policy=hold")
class HoldPolicyTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @Test
    void holdsShiftsUnderTheFloorUntilReleasedThenPaysThemAtTheFloorInASupplementaryRun() throws Exception {
        smallCouncil(true);
        importShifts("shifts.csv", """
                M1,SU1,2026-10-19,10:00,13:00,0,,
                M2,SU1,2026-10-20,10:00,12:30,0,,
                M2,SU1,2026-10-27,10:00,12:30,0,,
                """);

        PayRuns.Summary first = payRuns.pay(P08);

        assertThat(first.payslips()).isEqualTo(1);   // E1 only: E3's £14.00 shifts are held
        assertThat(first.shiftsHeld()).isEqualTo(2);
        assertThat(jdbc.queryForList("select detail from payroll_exception where type = 'BELOW_FLOOR' order by work_date",
                String.class)).allMatch(detail -> detail.startsWith("held unpaid: £14.00/h is under the Council"
                + " living-wage floor of £14.38/h"));
        assertThat(payRuns.pay(P08).ran()).as("nothing released yet").isFalse();

        assertThat(payRuns.release(P08, "E3")).isEqualTo(2);
        PayRuns.Summary supplementary = payRuns.pay(P08);

        // E3: 5h at £14.00 = 70.00, uplift to £14.38 = 1.90, holiday 8.68: 80.58
        assertThat(supplementary.runNumber()).isEqualTo(2);
        assertThat(supplementary.payslips()).isEqualTo(1);
        assertThat(supplementary.gross()).isEqualTo(Gbp.of("80.58"));
        assertThat(jdbc.queryForList("select status from timesheet_line", String.class)).containsOnly("PAID");
        assertThat(Files.exists(OUT.resolve("payslips/2026-27/4W08/SU1/M2-run2.pdf"))).isTrue();
        assertThat(Files.readAllLines(OUT.resolve("payslips/2026-27/4W08/payslips.csv"))).hasSize(3);
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).reconciles()).isTrue();
        assertThat(payRuns.pay(P08).ran()).isFalse();
    }
}
