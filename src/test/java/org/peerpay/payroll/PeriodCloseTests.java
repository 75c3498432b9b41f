package org.peerpay.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.CouncilTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Closing a period finishes what a run that completed left undone. */
class PeriodCloseTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired
    PeriodClose periodClose;

    @Test
    void writesTheStatementsARunKilledAfterItCompletedNeverWrote() {
        smallCouncil(true);
        importShifts("shifts.csv", "M1,SU1,2026-10-20,10:00,12:00,0,,\n");
        periodClose.closePeriod(P08, TODAY, OUT);
        // the process is killed after the run completed and before the statements were written
        jdbc.update("update pay_run set closed_at = null");
        deleteTree(OUT.resolve("statements"));

        PeriodClose.Outcome again = periodClose.closeEndedPeriods(TODAY, OUT);

        assertThat(again.periods()).singleElement().satisfies(closed -> {
            assertThat(closed.run().ran()).as("nothing is paid again").isFalse();
            assertThat(closed.statements()).isEqualTo(2);
        });
        assertThat(OUT.resolve("statements/2026-27/4W08/statements.csv")).exists();
        assertThat(jdbc.queryForObject("select count(*) from pay_run where closed_at is not null", Integer.class))
                .isEqualTo(1);
        assertThat(periodClose.closeEndedPeriods(TODAY, OUT).periods()).as("closed now: nothing more to do")
                .isEmpty();
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).breaches()).isEmpty();
    }
}
