package org.peerpay.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.reference.FileLoad;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.SmallCouncil;
import org.peerpay.system.DatabaseLocks;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rate raised from a date already paid: the paid payslips stay as they were, and the next pay run of the
 * frequency pays the difference on the shifts paid at the old rate, as arrears, once. The small council's
 * four-weekly 4W08 (19 Oct – 15 Nov 2026) is paid first, then rates are raised from 19 October.
 */
class BackPayTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");
    static final PayPeriod P09 = PayPeriod.parse("2026-27/4W09");
    static final PayPeriod P10 = PayPeriod.parse("2026-27/4W10");
    static final LocalDate LATER = LocalDate.of(2099, 12, 31);

    @Autowired
    DatabaseLocks locks;

    @BeforeEach
    void periodEightPaid() {
        smallCouncil(true);
        importShifts("4w08.csv", """
                M1,SU1,2026-10-20,10:00,12:00,0,,
                M1,SU1,2026-10-27,10:00,20:30,0,,
                M2,SU1,2026-10-20,10:00,12:00,0,,
                M2,SU2,2026-10-22,10:00,13:00,0,,
                """);
        payRuns.pay(P08);
    }

    /** E1 and E3 raised from 19 October in a rates file; E4 (a leaver since 31 October) raised in employments.csv. */
    List<FileLoad> raiseRates() {
        SmallCouncil.write(dir.resolve("raise/employment-rates.csv"), """
                employment_ref,effective_from,hourly_rate
                E1,2026-10-19,15.50
                E3,2026-10-19,14.50
                """);
        SmallCouncil.write(dir.resolve("raise/employments.csv"), """
                employment_ref,service_user_ref,mentor_ref,start_date,end_date,hourly_rate,pay_frequency,tax_code,week1_month1,ni_category,holiday_pay,pension
                E1,SU1,M1,2026-04-06,,15.00,four-weekly,1257L,false,A,rolled-up,assess
                E2,SU2,M1,2026-04-06,,14.50,four-weekly,BR,false,A,rolled-up,assess
                E3,SU1,M2,2026-04-06,,14.00,four-weekly,1257L,false,A,rolled-up,assess
                E4,SU2,M2,2026-04-06,2026-10-31,15.00,four-weekly,BR,false,A,rolled-up,opted-out
                """);
        return reference.load(dir.resolve("raise"));
    }

    @Test
    void aRateRaisedBehindPaidShiftsIsOwedAsBackPayAndPaidByTheNextRunOnceToThePenny() {
        List<String> periodEight = payslips(P08);

        List<FileLoad> loads = raiseRates();

        assertThat(load(loads, "employments.csv").notes()).containsExactly(
                // 3h x (£15.00 - £14.50) = 1.50
                "E4: Back pay: £15.00/h from 6 April 2026 on 3h 00m paid at £14.50/h = £1.50, paid by the next"
                        + " four-weekly pay run");
        assertThat(load(loads, "employment-rates.csv").notes()).containsExactly(
                // 12h 30m x £0.50 = 6.25
                "E1: Back pay: £15.50/h from 19 October 2026 on 12h 30m paid at £15.00/h = £6.25, paid by the next"
                        + " four-weekly pay run",
                // E3 was paid at the £14.38 floor, not its £14.00 rate: 2h x £0.12 = 0.24
                "E3: Back pay: £14.50/h from 19 October 2026 on 2h 00m paid at £14.38/h = £0.24, paid by the next"
                        + " four-weekly pay run");
        assertThat(payslips(P08)).as("the paid payslips stay as they were").isEqualTo(periodEight);

        importShifts("4w09.csv", "M1,SU1,2026-11-17,10:00,12:00,0,,\n");
        payRuns.pay(P09);

        assertThat(payslips(P09)).containsExactly(
                // 2h at £15.50 = 31.00; back pay 6.25; holiday 12.07% of 37.25 = 4.496 -> 4.50
                "E1 120 31.00 0.00 6.25 4.50 41.75 0.00 [BASIC Basic pay at £15.50 120 31.00 | ARREARS Back pay:"
                        + " £15.50/h from 19 October 2026 on 12h 30m paid at £15.00/h 750 6.25 | HOLIDAY Holiday pay,"
                        + " 12.07% of £37.25 - 4.50]",
                // no shifts this period, back pay alone: 0.24, holiday 0.029 -> 0.03
                "E3 0 0.00 0.00 0.24 0.03 0.27 0.00 [ARREARS Back pay: £14.50/h from 19 October 2026 on 2h 00m paid"
                        + " at £14.38/h 120 0.24 | HOLIDAY Holiday pay, 12.07% of £0.24 - 0.03]",
                // the leaver: 1.50, holiday 0.181 -> 0.18; their P45 went with their final pay in 4W08, so a
                // payment after leaving is taxed on 0T week 1 as HMRC directs: £1 (whole pounds) at 20% = 0.20
                // (on their BR code, cumulatively, it would have been 20% of £50 to date less 9.60 = 0.40)
                "E4 0 0.00 0.00 1.50 0.18 1.68 0.20 [ARREARS Back pay: £15.00/h from 6 April 2026 on 3h 00m paid at"
                        + " £14.50/h 180 1.50 | HOLIDAY Holiday pay, 12.07% of £1.50 - 0.18]");
        assertThat(jdbc.queryForObject("select p.tax_code from payslip p join employment e on e.id = p.employment_id"
                + " where e.ref = 'E4' and p.period_id = ?", String.class, P09.id())).isEqualTo("0T W1");
        assertThat(jdbc.queryForObject("select count(*) from back_pay b join payslip p on p.id = b.payslip_id"
                + " and p.employment_id = b.employment_id and p.period_id = ?", Integer.class, P09.id()))
                .as("each shift's back pay names the payslip that paid it").isEqualTo(4);
        assertThat(ledgerCheck.run(LATER).breaches()).isEmpty();
        asOwner().update("update back_pay set payslip_id = null where work_date = '2026-10-22'");
        assertThat(ledgerCheck.run(LATER).breaches()).containsExactly("1 shifts' back pay claimed by a completed pay"
                + " run is on no payslip of that run and employment: back pay owed was not paid");
        asOwner().update("update back_pay b set payslip_id = p.id from payslip p where p.employment_id ="
                + " b.employment_id and p.period_id = ? and b.payslip_id is null", P09.id());

        payRuns.pay(P10);
        assertThat(payslips(P10)).as("paid once").isEmpty();
    }

    @Test
    void backPayOwedMakesTheNextPeriodDueEvenWithNoShiftsInIt() {
        // 4W08 is due only to be closed (its statements): it was paid but not closed here
        assertThat(payRuns.periodsDue(LocalDate.of(2026, 12, 14))).containsExactly(P08);

        raiseRates();

        assertThat(payRuns.periodsDue(LocalDate.of(2026, 12, 13))).as("4W09 ends on 13 December")
                .containsExactly(P08);
        assertThat(payRuns.periodsDue(LocalDate.of(2026, 12, 14))).containsExactly(P08, P09);
        payRuns.pay(P09);
        assertThat(payRuns.periodsDue(LocalDate.of(2027, 2, 1))).as("paid: nothing owed makes 4W10 due")
                .doesNotContain(P10);
    }

    @Test
    void loadingTheSameRatesAgainOwesNothingMore() {
        raiseRates();

        List<FileLoad> again = raiseRates();

        assertThat(again).allSatisfy(load -> {
            assertThat(load.notes()).isEmpty();
            assertThat(load.changed()).isZero();
        });
        assertThat(jdbc.queryForObject("select count(*) from back_pay", Integer.class)).isEqualTo(4);
    }

    @Test
    void aRateRaisedAgainBeforeTheBackPayIsPaidOwesOnlyTheFurtherRise() {
        raiseRates();
        SmallCouncil.write(dir.resolve("again/employment-rates.csv"), """
                employment_ref,effective_from,hourly_rate
                E1,2026-10-26,16.00
                """);

        assertThat(reference.load(dir.resolve("again")).get(3).notes()).containsExactly(
                // only the 27 October shift (10h 30m) is from 26 October: 630 min x £0.50 = 5.25
                "E1: Back pay: £16.00/h from 26 October 2026 on 10h 30m paid at £15.50/h = £5.25, paid by the next"
                        + " four-weekly pay run");
        payRuns.pay(P09);

        assertThat(payslips(P09).get(0)).startsWith("E1 0 0.00 0.00 11.50 1.39 12.89 ")
                .contains("ARREARS Back pay: £15.50/h from 19 October 2026 on 12h 30m paid at £15.00/h 750 6.25",
                        "ARREARS Back pay: £16.00/h from 26 October 2026 on 10h 30m paid at £15.50/h 630 5.25");
    }

    @Test
    void refusesARateLoweredBehindPaidShiftsAndTakesALowerOneForShiftsNotYetPaid() {
        SmallCouncil.write(dir.resolve("lower/employment-rates.csv"), """
                employment_ref,effective_from,hourly_rate
                E1,2026-10-19,14.90
                E1,2026-10-28,14.80
                """);

        assertThatThrownBy(() -> reference.load(dir.resolve("lower")))
                .hasMessageContaining("employment-rates.csv row 2, column effective_from: E1 has been paid for shifts"
                        + " up to 2026-10-27 at £15.00/h, so a lower rate of £14.90/h from 2026-10-19 would take back"
                        + " pay already paid, which PeerPay does not do. Give a date after 2026-10-27")
                .hasMessageNotContaining("row 3");
        assertThat(jdbc.queryForObject("select count(*) from employment_rate", Integer.class)).isEqualTo(4);

        SmallCouncil.write(dir.resolve("lower/employment-rates.csv"), """
                employment_ref,effective_from,hourly_rate
                E1,2026-10-28,14.80
                """);
        assertThat(reference.load(dir.resolve("lower")).get(3).added()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from back_pay", Integer.class)).isZero();
    }

    @Test
    void refusesARateBehindShiftsOfAPayRunThatHasNotFinished() {
        asOwner().update("update pay_run set status = 'RUNNING', completed_at = null");

        assertThatThrownBy(this::raiseRates).hasMessageContaining("employments.csv row 5, column start_date: E4 has"
                + " shifts up to 2026-10-22 in the four-weekly pay run of 2026-27/4W08, which has not finished, so a"
                + " rate from 2026-04-06 cannot be set now. Restart that run (peerpay jobs, or the job runs page),"
                + " then load this file again");
        assertThat(jdbc.queryForObject("select count(*) from back_pay", Integer.class)).isZero();
    }

    @Test
    void ratesWaitForAPayRunGoingOnAnywhereOnTheDatabase() throws Exception {
        CountDownLatch runEnds = new CountDownLatch(1);
        CountDownLatch runGoing = new CountDownLatch(1);
        CompletableFuture<Void> payRun = CompletableFuture.runAsync(() -> locks.holding(
                PayRuns.frequencyLock(org.peerpay.statutory.PayFrequency.MONTHLY), "test", () -> {
                    runGoing.countDown();
                    try {
                        return runEnds.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
        runGoing.await(10, TimeUnit.SECONDS);

        CompletableFuture<List<FileLoad>> load = CompletableFuture.supplyAsync(this::raiseRates);
        waitUntilASessionWaitsForALock();

        assertThat(load).isNotDone();
        assertThat(jdbc.queryForObject("select count(*) from back_pay", Integer.class)).isZero();
        runEnds.countDown();
        payRun.get(30, TimeUnit.SECONDS);
        assertThat(load.get(30, TimeUnit.SECONDS)).hasSize(6);
        assertThat(jdbc.queryForObject("select count(*) from back_pay", Integer.class)).isEqualTo(4);
    }

    private void waitUntilASessionWaitsForALock() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and not granted",
                    Integer.class) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no one waited for the pay-run lock");
    }

    static FileLoad load(List<FileLoad> loads, String file) {
        return loads.stream().filter(l -> l.file().equals(file)).findFirst().orElseThrow();
    }

    /** Each payslip of a period: minutes, basic, uplift, arrears, holiday, gross, tax, and its lines. */
    List<String> payslips(PayPeriod period) {
        return jdbc.queryForList("""
                select e.ref || ' ' || concat_ws(' ', p.minutes, p.basic_pay, p.floor_uplift, p.arrears, p.holiday_pay,
                       p.gross_pay, p.tax) || ' [' || (select string_agg(concat_ws(' ', l.kind, l.description,
                       coalesce(l.minutes::text, '-'), l.amount), ' | ' order by l.line_no)
                       from payslip_line l where l.payslip_id = p.id) || ']'
                from payslip p join employment e on e.id = p.employment_id where p.period_id = ?
                order by e.ref""", String.class, period.id());
    }
}
