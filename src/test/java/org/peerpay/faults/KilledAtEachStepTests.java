package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A PeerPay process stopped dead inside each step of an import and of a pay run (see {@link StepFaults}), then the
 * same work run again here: the result is the one an uninterrupted run gives, to the penny and to the row.
 */
class KilledAtEachStepTests extends InterruptedJobTest {

    @ParameterizedTest(name = "{0}, commit {1}")
    @CsvSource({"stageTimesheetsStep, 4", "validateTimesheetsStep, 1", "writeRejectsStep, 1"})
    void anImportStoppedDeadInAStepAndRunAgainImportsWhatAnUninterruptedImportDoes(String step, int commit)
            throws Exception {
        List<String> uninterrupted = uninterruptedImport();
        Path file = givenACouncilAndItsTimesheets();

        haltedIn(step, commit, "import", "--as-of", TODAY.toString(), file.toString(),
                "--peerpay.timesheets.chunk-size=100");
        if (step.equals("stageTimesheetsStep")) {
            assertThat(count("timesheet_line")).as("stopped with part of the file staged").isBetween(1, 959);
        }
        importer.importFile(file, TODAY, OUT);

        assertThat(imported()).isEqualTo(uninterrupted);
        assertThat(jobStatuses("timesheetImportJob")).containsExactly("FAILED", "COMPLETED");
    }

    @ParameterizedTest(name = "{0}, commit {1}")
    @CsvSource({"payEmployersStep, 1", "payEmployersStep, 8", "reviewBudgetsStep, 1", "writePayRunFilesStep, 1",
            "writePayslipPdfsStep, 1", "completePayRunStep, 1"})
    void aPayRunStoppedDeadInAStepAndRunAgainPaysWhatAnUninterruptedRunDoes(String step, int commit)
            throws Exception {
        List<String> uninterrupted = uninterruptedPay();
        givenImportedShifts();

        // one partition at a time, so that the Nth commit falls at the same point in every run
        haltedIn(step, commit, "payroll", "--period", PERIOD.id(), "--peerpay.payroll.chunk-size=10",
                "--peerpay.payroll.threads=1");
        if (step.equals("payEmployersStep") && commit > 1) {
            assertThat(count("payslip")).as("stopped with part of the council paid").isBetween(1, EMPLOYMENTS - 1);
        }
        periodClose.closePeriod(PERIOD, TODAY, OUT);

        assertThat(paid()).isEqualTo(uninterrupted);
        assertEveryShiftPaidOnceAndTheLedgerReconciles();
        assertThat(jobStatuses("payRunJob")).containsExactly("FAILED", "COMPLETED");
    }

    /**
     * Runs PeerPay in another process until it halts in the step; the step is the one it was in (a partition of a
     * partitioned step, named {@code step:partition}, among the partitions and their manager step running then).
     */
    private void haltedIn(String step, int commit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--peerpay.out-dir=" + OUT, "--peerpay.test.step-faults=true", "--peerpay.test.halt-in-step=" + step,
                "--peerpay.test.halt-at-commit=" + commit));
        Path log = dir.resolve("halted.log");
        Process other = otherPeerPay(log, command.toArray(String[]::new));
        assertThat(other.waitFor(3, TimeUnit.MINUTES)).as("the other process ended").isTrue();
        String output = Files.readString(log);
        assertThat(other.exitValue()).as(output).isEqualTo(137);
        awaitLocksOfTheDeadReleased();
        assertThat(output).as(output).contains("HALT in " + step);
        assertThat(jdbc.queryForList("""
                select s.step_name from batch_step_execution s
                where s.job_execution_id = (select max(job_execution_id) from batch_job_execution)
                  and s.status = 'STARTED'""", String.class).stream().map(name -> name.replaceFirst(":.*", ""))
                .distinct()).as(output).contains(step);
    }
}
