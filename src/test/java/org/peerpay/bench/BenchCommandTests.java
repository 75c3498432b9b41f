package org.peerpay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.peerpay.cli.CommandLineTest;
import org.peerpay.statutory.PayslipInput;
import org.peerpay.statutory.TaxYears;

/** The statutory benchmark runs and reports; its figure is read by people, never asserted. */
class BenchCommandTests extends CommandLineTest {

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
