package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.payroll.PayslipFiles;

/**
 * The disk fills while a pay run writes its files: one file's bytes go to {@code /dev/full}, which refuses every write
 * with "No space left on device", as a full disk does (its {@code .partial} is made a link there; every output file is
 * written to its {@code .partial} and moved into place whole). The run stops saying so, leaves no half-written file,
 * and once there is room, running it again ends as an uninterrupted run.
 */
class DiskFullTests extends InterruptedJobTest {

    @ParameterizedTest
    @ValueSource(strings = {"payslips/payslips.csv", "payslips/SYN-S000001/SYN-M000001.pdf",
            "statements/statements.csv"})
    void aPayRunWhoseDiskFillsStopsSayingSoLeavesNoHalfFileAndEndsAsUninterruptedOnceThereIsRoom(String file)
            throws Exception {
        List<String> uninterrupted = uninterruptedPay();
        givenImportedShifts();
        Path folder = file.startsWith("payslips/") ? PayslipFiles.directory(OUT, PERIOD)
                : BudgetStatements.directory(OUT, PERIOD);
        Path full = folder.resolve(file.substring(file.indexOf('/') + 1));
        Files.createDirectories(full.getParent());
        Files.createSymbolicLink(full.resolveSibling(full.getFileName() + ".partial"), Path.of("/dev/full"));

        assertThatThrownBy(() -> periodClose.closePeriod(PERIOD, TODAY, OUT))
                .hasMessageContaining("No space left on device").hasMessageContaining(full.getFileName().toString());
        assertThat(full).doesNotExist();
        try (Stream<Path> left = Files.walk(OUT)) {
            assertThat(left.filter(p -> p.toString().endsWith(".partial"))).as("half-written files").isEmpty();
        }

        periodClose.closePeriod(PERIOD, TODAY, OUT);

        assertThat(paid()).isEqualTo(uninterrupted);
        assertThat(BudgetStatements.directory(OUT, PERIOD).resolve("statements.csv")).exists();
        assertEveryShiftPaidOnceAndTheLedgerReconciles();
    }
}
