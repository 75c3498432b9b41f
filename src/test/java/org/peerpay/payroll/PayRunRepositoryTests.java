package org.peerpay.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The pay run aggregate against the real database: what it records, and what it refuses. */
class PayRunRepositoryTests extends DatabaseTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @Autowired
    PayRunRepository payRuns;

    @Autowired
    TodaysRules todaysRules;

    @Test
    void startsRunningWithItsRulesAndFloorsAndReadsThemBack() {
        PayRunRules rules = todaysRules.forTaxYear("2026-27");

        long id = payRuns.save(PayRun.start(P08, 1, LocalDate.of(2026, 11, 20), 7, rules)).id();

        PayRun read = payRuns.findById(id).orElseThrow();
        assertThat(read.isRunning()).isTrue();
        assertThat(read.rules()).isEqualTo(rules);
        assertThat(read.rules().verifiedTaxYear().id()).isEqualTo("2026-27");
        assertThat(payRuns.periodsWithRunningRuns()).containsExactly(P08.id());
        assertThat(jdbc.queryForObject("select count(*) from pay_run_floor where pay_run_id = ?", Integer.class, id))
                .isEqualTo(rules.floors().size());
    }

    @Test
    void completesOnceAndRefusesASecondCompletion() {
        PayRun run = payRuns.save(PayRun.start(P08, 1, LocalDate.of(2026, 11, 20), 7,
                todaysRules.forTaxYear("2026-27")));
        run.complete();
        payRuns.save(run);

        PayRun completed = payRuns.findById(run.id()).orElseThrow();
        assertThat(completed.isRunning()).isFalse();
        assertThat(completed.completedAt()).isNotNull();
        assertThat(jdbc.queryForObject("select status from pay_run", String.class)).isEqualTo("COMPLETED");
        assertThatThrownBy(completed::complete).hasMessage("pay run 2026-27/4W08 run 1 was completed already");
    }

    @Test
    void takesItsIdsFromTheSequenceNotAnIdentityColumn() {
        long first = payRuns.save(PayRun.start(P08, 1, LocalDate.of(2026, 11, 20), 7,
                todaysRules.forTaxYear("2026-27"))).id();
        long second = payRuns.save(PayRun.start(P08, 2, LocalDate.of(2026, 11, 20), 7,
                todaysRules.forTaxYear("2026-27"))).id();

        assertThat(second).isEqualTo(first + 1);
        assertThat(jdbc.queryForObject("select is_identity from information_schema.columns where table_name ="
                + " 'pay_run' and column_name = 'id'", String.class)).isEqualTo("NO");
    }
}
