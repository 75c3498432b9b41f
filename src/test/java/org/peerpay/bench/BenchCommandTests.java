package org.peerpay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.peerpay.cli.CommandLineTest;
import org.peerpay.statutory.PayslipInput;
import org.peerpay.statutory.TaxYears;

/** The benchmarks run and report; their figures are read by people, never asserted. */
class BenchCommandTests extends CommandLineTest {

    @Test
    void theBenchmarkRunsANightlyOnASyntheticCouncilAndWritesItsFigures() throws Exception {
        int exit = peerpay("bench", "--rows", "3000", "--employments", "200");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3,000 rows read, 3,000 accepted").contains("200 payslips in 4 pay runs")
                .contains("ledger reconciles");
        List<String> csv = Files.readAllLines(OUT.resolve("bench/bench.csv"));
        assertThat(csv.get(0)).endsWith("measure,value,unit");
        assertThat(csv.stream().map(line -> line.split(",")[0])).contains("import_rows_per_s", "copy_rows_per_s",
                "import_to_copy_ratio", "payrun_calc_ledger_s", "payslips_per_s", "payslip_pdfs_per_s", "nightly_s",
                "peak_heap_mb");
        assertThat(csv).contains("rows,3000,rows", "payslips,200,payslips");
        assertThat(csv.stream().filter(line -> line.startsWith("nightly_peak_postgres_mb,")).findFirst().orElseThrow())
                .as("the embedded server's memory is sampled").doesNotStartWith("nightly_peak_postgres_mb,0,");
    }

    @Test
    void reportsTheMedianTimeOfOnePayslipsStatutoryCalculations() {
        int exit = peerpay("bench", "statutory", "--payslips", "200", "--rounds", "3");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("200 payslips x 3 rounds: median [0-9.]+ µs");
    }

    @Test
    void variesTheSyntheticPayslipsAcrossFrequenciesCodesAndPay() {
        PayslipInput[] inputs = Benchmarks.syntheticPayslips(
                new TaxYears(Path.of("batch-config/tax-years")).get("2026-27"), 1000);

        assertThat(Arrays.stream(inputs).map(PayslipInput::frequency).distinct()).hasSize(4);
        assertThat(Arrays.stream(inputs).map(i -> i.taxCode().kind()).distinct()).hasSize(5);
        assertThat(Arrays.stream(inputs).map(PayslipInput::payForTimeWorked).allMatch(p -> p.signum() > 0)).isTrue();
        assertThat(Arrays.stream(inputs).map(PayslipInput::taxPaidBefore).anyMatch(t -> t.compareTo(BigDecimal.ZERO) > 0))
                .isTrue();
    }
}
