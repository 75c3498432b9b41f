package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerpay.operations.Nightly;
import org.peerpay.operations.NightlyRun;
import org.peerpay.support.CouncilTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The nightly run on the sample data, its process stopped dead at each stage (posting funding, importing a file,
 * checking it, paying, writing payslips, completing the pay run, writing statements), then run again: everything ends as an uninterrupted nightly run leaves
 * it (every payslip to the penny, the ledger, the files written, the inbox moved), and the dead run is recorded as
 * failed, not left running.
 */
@TestPropertySource(properties = "peerpay.nightly.move-files=true")
class NightlyKilledTests extends CouncilTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static List<String> uninterrupted;

    @Autowired
    Nightly nightly;

    @ParameterizedTest(name = "{0}, commit {1}")
    @CsvSource({"Budgets.postFunding, 1", "stageTimesheetsStep, 2", "validateTimesheetsStep, 1",
            "payEmployersStep, 2", "writePayslipPdfsStep, 1", "completePayRunStep, 1",
            "BudgetStatements.write, 1"})
    void aNightlyRunStoppedDeadAtAStageAndRunAgainEndsAsAnUninterruptedOne(String step, int commit)
            throws Exception {
        if (uninterrupted == null) {
            runNightlyHere(inbox());
            uninterrupted = outcome();
            emptyDatabase();
        }
        Path inbox = inbox();

        Path log = dir.resolve("nightly.log");
        Process killed = otherPeerPay(log, "nightly", "--as-of", AS_OF.toString(), "--inbox", inbox.toString(),
                "--reference", "sample-data/reference", "--out", OUT.toString(), "--peerpay.nightly.move-files=true",
                "--peerpay.timesheets.chunk-size=10", "--peerpay.payroll.chunk-size=5",
                "--peerpay.test.step-faults=true", "--peerpay.test.halt-in-step=" + step,
                "--peerpay.test.halt-at-commit=" + commit);
        assertThat(killed.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(log)).as(Files.readString(log)).contains("HALT in " + step);
        awaitLocksOfTheDeadReleased();
        runNightlyHere(inbox);

        assertThat(outcome()).isEqualTo(uninterrupted);
        assertThat(jdbc.queryForList("select outcome from nightly_run order by id", String.class))
                .containsExactly("FAILED", "SUCCEEDED");
        assertThat(ledgerCheck.run(AS_OF).breaches()).isEmpty();
    }

    private void runNightlyHere(Path inbox) {
        Nightly.Report report = nightly.runIfFree(NightlyRun.Trigger.COMMAND, null,
                new Nightly.Places(AS_OF, inbox, Path.of("sample-data/reference"), OUT)).orElseThrow();
        assertThat(report.outcome()).isEqualTo(NightlyRun.Outcome.SUCCEEDED);
    }

    /** A fresh copy of the sample inbox. */
    private Path inbox() throws IOException {
        Path inbox = dir.resolve("inbox");
        deleteTree(inbox);
        Files.createDirectories(inbox);
        try (Stream<Path> files = Files.list(Path.of("sample-data/timesheets"))) {
            for (Path file : files.toList()) {
                Files.copy(file, inbox.resolve(file.getFileName()));
            }
        }
        return inbox;
    }

    /** Every payslip's figures, the ledger by account, the shifts by status, every file written, the inbox. */
    private List<String> outcome() throws IOException {
        List<String> all = new ArrayList<>(jdbc.queryForList("""
                select p.period_id || ' ' || e.ref || ' run ' || r.run_number || ': ' || concat_ws(' ', p.minutes,
                       p.gross_pay, p.tax, p.employee_nic, p.employee_pension, p.net_pay, p.employer_nic,
                       p.employment_allowance_offset, p.employer_pension, p.employer_cost)
                from payslip p join employment e on e.id = p.employment_id join pay_run r on r.id = p.pay_run_id
                order by 1""", String.class));
        all.addAll(jdbc.queryForList("""
                select s.ref || ' ' || po.account || ' ' || sum(po.amount) from posting po
                join service_user s on s.id = po.service_user_id group by s.ref, po.account order by 1""",
                String.class));
        all.addAll(jdbc.queryForList("select status || ' ' || count(*) from timesheet_line group by status"
                + " order by 1", String.class));
        all.add("rejected " + jdbc.queryForObject("select count(*) from timesheet_reject", Integer.class));
        for (Path root : List.of(OUT, dir.resolve("inbox"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> all.add(root.relativize(file) + " "
                        + (file.toString().endsWith(".csv") ? read(file) : Files.exists(file) ? "" : "missing")));
            }
        }
        return all;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
