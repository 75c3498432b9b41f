package org.peerpay.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.CouncilTest;
import org.peerpay.system.JobFailedException;
import org.peerpay.system.Sha256;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.beans.factory.annotation.Autowired;

/** A pay run records the rules it pays by when it starts, and a resumed run pays by them, whatever changed since. */
class PayRunRulesTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @Autowired
    PayRunRepository payRunRepository;

    @Autowired
    TodaysRules todaysRules;

    @Autowired
    PayableShifts shifts;

    @Test
    void recordsThePolicyTheFloorsAndTheTaxYearDataItPaysBy() throws Exception {
        smallCouncil(true);
        importShifts("shifts.csv", "M2,SU1,2026-10-20,10:00,12:30,0,,\n");

        payRuns.pay(P08);

        assertThat(jdbc.queryForMap("select floor_policy, statutory_minimum, pension_basis, plan_tolerance_percent,"
                + " tax_year, tax_year_sha256 from pay_run"))
                .containsEntry("floor_policy", "UPLIFT").containsEntry("statutory_minimum", "National Minimum Wage")
                .containsEntry("pension_basis", "RELIEF_AT_SOURCE").containsEntry("plan_tolerance_percent", 10)
                .containsEntry("tax_year", "2026-27").containsEntry("tax_year_sha256", Sha256.hex(
                        Files.readString(Path.of("batch-config/tax-years/2026-27.yaml"))));
        assertThat(jdbc.queryForObject("select count(*) from pay_run_floor", Integer.class))
                .isEqualTo((int) Files.readAllLines(Path.of("batch-config/wage-floors.csv")).stream()
                        .skip(1).filter(line -> !line.isBlank()).count());
    }

    @Test
    void aResumedRunPaysByTheFloorsItRecordedNotByTodaysFloorsFile() {
        smallCouncil(true);
        importShifts("shifts.csv", "M2,SU1,2026-10-20,10:00,12:30,0,,\n");
        long run = startedButNotPaid();
        // the floors file said £20.00 when the run started; today's says £14.38
        jdbc.update("update pay_run_floor set hourly_rate = 20.00 where name = 'Council living-wage floor'");

        PayRuns.Summary resumed = payRuns.pay(P08);

        assertThat(resumed.runNumber()).isEqualTo(1);
        // 150 minutes at £14.00 under a £20.00 floor: an uplift of 150 x 6.00 / 60 = £15.00, not 150 x 0.38 / 60
        assertThat(jdbc.queryForObject("select floor_uplift from payslip where pay_run_id = ?", BigDecimal.class, run))
                .isEqualByComparingTo("15.00");
    }

    @Test
    void refusesToResumeARunWhoseRecordedTaxYearDataWasAltered() {
        smallCouncil(true);
        importShifts("shifts.csv", "M1,SU1,2026-10-20,10:00,12:30,0,,\n");
        startedButNotPaid();
        jdbc.update("update pay_run set tax_year_data = tax_year_data || '# altered'");

        assertThatThrownBy(() -> payRuns.pay(P08)).isInstanceOf(JobFailedException.class)
                .hasMessageContaining("does not match its recorded SHA-256");
        assertThat(jdbc.queryForObject("select count(*) from payslip", Integer.class)).isZero();
    }

    /** A run of 4W08 as a process leaves it that died after recording its rules and before paying anything. */
    long startedButNotPaid() {
        return payRunRepository.save(PayRun.start(P08, 1, LocalDate.of(2026, 11, 20), shifts.importBound(),
                todaysRules.forTaxYear("2026-27"))).id();
    }

    @Test
    void aRunStartedBeforeRulesWereRecordedRecordsTodaysWhenResumed() {
        smallCouncil(true);
        importShifts("shifts.csv", "M2,SU1,2026-10-20,10:00,12:30,0,,\n");
        jdbc.update("insert into pay_run (period_id, run_number, pay_date, import_bound, status) values (?, 1, ?,"
                + " (select max(id) from timesheet_import), 'RUNNING')", P08.id(), LocalDate.of(2026, 11, 20));

        PayRuns.Summary resumed = payRuns.pay(P08);

        assertThat(resumed.payslips()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select floor_policy from pay_run", String.class)).isEqualTo("UPLIFT");
    }
}
