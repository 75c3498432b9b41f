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
                "peak_heap_mb", "peak_live_heap_mb", "statements_s", "fps_s", "payment_files_s", "p45s_s",
                "hmrc_accounts_s", "ledger_check_s");
        assertThat(csv).contains("rows,3000,rows", "payslips,200,payslips");
        assertThat(csv.stream().filter(line -> line.startsWith("nightly_peak_postgres_mb,")).findFirst().orElseThrow())
                .as("the embedded server's memory is sampled").doesNotStartWith("nightly_peak_postgres_mb,0,");
        assertThat(csv.stream().filter(line -> line.startsWith("peak_live_heap_mb,")).findFirst().orElseThrow())
                .as("the heap after collections is sampled").doesNotStartWith("peak_live_heap_mb,0,");
    }

    @Test
    void drawsTheScalingCurveOfRunsAtSeveralSizesSmallestFirst() throws Exception {
        Path small = benchCsv("small.csv", 100_000, 5_000, "6.10", "4.20", "21.50", 310);
        Path large = benchCsv("large.csv", 5_000_000, 100_000, "88.70", "61.30", "450.00", 330);
        Path png = OUT.resolve("bench/scaling.png");
        Files.deleteIfExists(png);

        int exit = peerpay("bench", "chart", large.toString(), small.toString(), "--to", png.toString(),
                "--machine", "2-core VM");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines().filter(line -> line.matches(" *[0-9,]+ .*")).toList()).containsExactly(
                "     100,000        5,000       6.10               4.20      21.50          215.0            310",
                "   5,000,000      100,000      88.70              61.30     450.00           90.0            330");
        java.awt.image.BufferedImage chart = javax.imageio.ImageIO.read(png.toFile());
        assertThat(chart.getWidth()).isEqualTo(900);
        assertThat(chart.getHeight()).isEqualTo(620);
    }

    @Test
    void saysWhichFigureAFileLacks() throws Exception {
        Path csv = OUT.resolve("bench/not-a-bench.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "measure,value,unit\nrows,1000,rows\n");

        int exit = peerpay("bench", "chart", csv.toString(), "--to", OUT.resolve("bench/x.png").toString(),
                "--machine", "here");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("not-a-bench.csv has no employments").contains("Run the benchmark again");
    }

    private static Path benchCsv(String name, long rows, long employments, String importS, String calcS,
                                 String nightlyS, long liveHeap) throws Exception {
        Path csv = OUT.resolve("bench/" + name);
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, String.join("\n", "measure,value,unit", "rows," + rows + ",rows",
                "employments," + employments + ",employments", "import_s," + importS + ",s",
                "payrun_calc_ledger_s," + calcS + ",s", "nightly_s," + nightlyS + ",s",
                "peak_live_heap_mb," + liveHeap + ",MiB", "max_heap_mb,1024,MiB", "processors,2,cpus") + "\n");
        return csv;
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
