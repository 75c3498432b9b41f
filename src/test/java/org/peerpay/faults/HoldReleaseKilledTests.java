package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.money.Gbp;
import org.peerpay.payroll.PayRuns;
import org.peerpay.support.CouncilTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The hold policy: shifts under the floor held by a run, released, and the supplementary run that pays them stopped
 * dead in a PeerPay process; run again, it pays each released shift once, at the floor, in one supplementary run.
 */
@TestPropertySource(properties = "peerpay.wage-floor.policy=hold")
class HoldReleaseKilledTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @ParameterizedTest(name = "{0}, commit {1}")
    @CsvSource({"payEmployersStep, 1", "payEmployersStep, 2", "writePayslipPdfsStep, 1"})
    void aSupplementaryRunOfReleasedShiftsStoppedDeadAndRunAgainPaysThemOnceAtTheFloor(String step, int commit)
            throws Exception {
        smallCouncil(true);
        importShifts("shifts.csv", """
                M1,SU1,2026-10-19,10:00,13:00,0,,
                M2,SU1,2026-10-20,10:00,12:30,0,,
                M2,SU1,2026-10-27,10:00,12:30,0,,
                """);
        assertThat(payRuns.pay(P08).shiftsHeld()).isEqualTo(2);
        assertThat(payRuns.release(P08, "E3")).isEqualTo(2);
        assertThat(payRuns.release(P08, "E3")).as("released once").isZero();

        Path log = dir.resolve("supplementary.log");
        Process killed = otherPeerPay(log, "payroll", "--period", P08.id(), "--peerpay.out-dir=" + OUT,
                "--peerpay.wage-floor.policy=hold", "--peerpay.test.step-faults=true",
                "--peerpay.test.halt-in-step=" + step, "--peerpay.test.halt-at-commit=" + commit);
        assertThat(killed.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(log)).as(Files.readString(log)).contains("HALT in " + step);
        awaitLocksOfTheDeadReleased();

        PayRuns.Summary supplementary = payRuns.pay(P08);

        assertThat(supplementary.runNumber()).isEqualTo(2);
        assertThat(supplementary.payslips()).isEqualTo(1);
        assertThat(supplementary.gross()).as("E3: 5h at £14.00, uplift to £14.38, holiday")
                .isEqualTo(Gbp.of("80.58"));
        assertThat(jdbc.queryForList("select status from timesheet_line", String.class)).containsOnly("PAID");
        assertThat(jdbc.queryForObject("select count(*) from payslip", Integer.class)).isEqualTo(2);
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).reconciles()).isTrue();
        assertThat(payRuns.pay(P08).ran()).as("nothing left to pay").isFalse();
    }
}
