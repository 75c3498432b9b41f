package org.peerpay.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peerpay.bench.SyntheticCouncil;
import org.peerpay.support.SyntheticPayroll;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.CouncilTest;

/**
 * Two pay runs at once, in two processes on one database, never pay a shift twice: 4W08's run would otherwise take
 * 4W07's shifts as arrears while 4W07's own run pays them.
 */
class ConcurrentPayRunTests extends CouncilTest {

    static final int EMPLOYMENTS = 1000;
    static final PayPeriod P07 = PayPeriod.parse("2026-27/4W07");
    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @Test
    void twoPeriodsPaidAtTheSameMomentInTwoProcessesPayEveryShiftOnce() throws Exception {
        SyntheticCouncil council = SyntheticPayroll.loadFunded(EMPLOYMENTS, dir, reference, budgets);
        int shifts = SyntheticPayroll.importShifts(council, P07, dir, importer)
                + SyntheticPayroll.importShifts(council, P08, dir, importer);

        Process other = otherPeerPay(dir.resolve("other.log"), "payroll", "--period", P07.id(),
                "--peerpay.payroll.chunk-size=20", "--peerpay.out-dir=" + OUT);
        // start this process's run once the other's has begun, so that the two overlap
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count("pay_run") == 0 && other.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        payRuns.pay(P08);
        assertThat(other.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).as(Files.readString(dir.resolve("other.log"))).isZero();

        assertThat(count("timesheet_line where status = 'PAID'")).isEqualTo(shifts);
        assertThat(jdbc.queryForObject("select sum(minutes) from payslip", Long.class))
                .isEqualTo(jdbc.queryForObject("select sum(minutes) from timesheet_line", Long.class));
        assertThat(count("payslip")).isEqualTo(2 * EMPLOYMENTS);
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).breaches()).isEmpty();
    }

    @Test
    void aSecondPayRunOfTheSamePeriodStartedWhileTheFirstGoesOnIsRefusedWithAClearMessage() throws Exception {
        SyntheticCouncil council = SyntheticPayroll.loadFunded(EMPLOYMENTS, dir, reference, budgets);
        int shifts = SyntheticPayroll.importShifts(council, P08, dir, importer);

        Process other = otherPeerPay(dir.resolve("other.log"), "payroll", "--period", P08.id(),
                "--peerpay.payroll.chunk-size=5", "--peerpay.out-dir=" + OUT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count("pay_run") == 0 && other.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThatThrownBy(() -> payRuns.pay(P08)).isInstanceOf(org.peerpay.system.UserFacingException.class)
                .hasMessage("The pay run of 2026-27/4W08 is going on now, here or in another PeerPay on the database:"
                        + " nothing was started. Follow it with peerpay jobs or on the job runs page; if it fails,"
                        + " restart it from there.");
        assertThat(other.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).as(Files.readString(dir.resolve("other.log"))).isZero();
        assertThat(count("payslip")).isEqualTo(EMPLOYMENTS);
        assertThat(count("timesheet_line where status = 'PAID'")).isEqualTo(shifts);
        assertThat(count("pay_run")).isEqualTo(1);
    }

    @Test
    void aShiftMarkedPaidMustNameTheRunThatPaidIt() {
        smallCouncil(true);
        importShifts("shifts.csv", "M1,SU1,2026-10-20,10:00,12:00,0,,\n");

        assertThatThrownBy(() -> jdbc.update("update timesheet_line set status = 'PAID'"))
                .hasMessageContaining("timesheet_line_paid_by_one_run");
    }

    @Test
    void theLedgerCheckFindsAShiftPaidTwice() {
        smallCouncil(true);
        importShifts("shifts.csv", "M1,SU1,2026-10-20,10:00,12:00,0,,\n");
        payRuns.pay(P08);
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).reconciles()).isTrue();

        // what two runs paying the same shift left behind: a payslip paying its 120 minutes again
        asOwner().update("update payslip set minutes = minutes + 120");

        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).breaches()).containsExactly(
                "period 2026-27/4W08: its payslips pay 240 minutes but the shifts its runs paid hold 120: a shift is"
                        + " paid twice");
    }

    int count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }
}
