package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/** Invariants of the statutory calculations over generated pay, codes and periods. */
class StatutoryPropertiesTest {

    static final TaxYear YEAR = new TaxYears(Path.of("batch-config/tax-years")).get("2026-27");
    static final Paye PAYE = new Paye(YEAR);
    static final NationalInsurance NIC = new NationalInsurance(YEAR);
    static final PensionAutoEnrolment PENSION = new PensionAutoEnrolment(YEAR);

    @Provide
    Arbitrary<TaxCode> cumulativeCodes() {
        Arbitrary<TaxRegion> regions = Arbitraries.of(TaxRegion.class);
        Arbitrary<TaxCode> allowance = Arbitraries.integers().between(0, 2000).flatMap(n -> regions.map(
                r -> new TaxCode(r, TaxCode.Kind.ALLOWANCE, n, false)));
        Arbitrary<TaxCode> flat = regions.flatMap(r -> Arbitraries.of(
                new TaxCode(r, TaxCode.Kind.BASIC_RATE, 0, false), new TaxCode(r, TaxCode.Kind.HIGHER_RATE, 0, false),
                new TaxCode(r, TaxCode.Kind.HIGHER_RATE, 1, false)));
        return Arbitraries.oneOf(allowance, flat);
    }

    @Provide
    Arbitrary<List<BigDecimal>> pays() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("15000")).ofScale(2)
                .list().ofMinSize(1).ofMaxSize(12);
    }

    /** Runs a code cumulatively over consecutive periods; returns tax to date after the last. */
    static PayeResult runYear(PayFrequency frequency, TaxCode code, List<BigDecimal> pays) {
        BigDecimal payBefore = BigDecimal.ZERO;
        BigDecimal taxBefore = BigDecimal.ZERO;
        PayeResult result = null;
        for (int period = 1; period <= pays.size(); period++) {
            result = PAYE.calculate(frequency, period, code, false, pays.get(period - 1), payBefore, taxBefore);
            payBefore = payBefore.add(pays.get(period - 1));
            taxBefore = result.taxToDate();
        }
        return result;
    }

    @Property
    void cumulativeTaxToDateDependsOnlyOnTotalPayToDate(@ForAll("cumulativeCodes") TaxCode code,
            @ForAll("pays") List<BigDecimal> pays, @ForAll long seed, @ForAll PayFrequency frequency) {
        List<BigDecimal> shuffled = new ArrayList<>(pays);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(runYear(frequency, code, shuffled).taxToDate())
                .isEqualByComparingTo(runYear(frequency, code, pays).taxToDate());
    }

    @Property
    void taxToDateIsNeverMoreThanPayToDate(@ForAll("cumulativeCodes") TaxCode code,
            @ForAll("pays") List<BigDecimal> pays, @ForAll PayFrequency frequency) {
        BigDecimal total = pays.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        PayeResult result = runYear(frequency, code, pays);

        assertThat(result.taxToDate()).isLessThanOrEqualTo(total).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }

    @Property
    void weekOneTaxIsNeverMoreThanThePeriodsPay(@ForAll("cumulativeCodes") TaxCode code,
            @ForAll @BigRange(min = "0", max = "20000") @Scale(2) BigDecimal pay, @ForAll PayFrequency frequency,
            @ForAll @IntRange(min = 1, max = 12) int period) {
        PayeResult result = PAYE.calculate(frequency, period, code, true, pay, BigDecimal.ZERO, BigDecimal.ZERO);

        assertThat(result.taxThisPeriod()).isLessThanOrEqualTo(pay).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }

    @Property
    void kCodeTaxInAPeriodIsAtMostHalfItsPay(@ForAll @IntRange(min = 1, max = 2000) int number,
            @ForAll("pays") @Size(min = 1, max = 12) List<BigDecimal> pays, @ForAll PayFrequency frequency) {
        BigDecimal payBefore = BigDecimal.ZERO;
        BigDecimal taxBefore = BigDecimal.ZERO;
        TaxCode code = new TaxCode(TaxRegion.SCOTLAND, TaxCode.Kind.K, number, false);
        for (int period = 1; period <= pays.size(); period++) {
            BigDecimal pay = pays.get(period - 1);
            PayeResult result = PAYE.calculate(frequency, period, code, false, pay, payBefore, taxBefore);

            assertThat(result.taxThisPeriod()).isLessThanOrEqualTo(pay.divide(BigDecimal.valueOf(2)));
            payBefore = payBefore.add(pay);
            taxBefore = result.taxToDate();
        }
    }

    @Property
    void nationalInsuranceNeverFallsWhenPayRises(@ForAll @BigRange(min = "0", max = "10000") @Scale(2) BigDecimal pay,
            @ForAll @BigRange(min = "0.01", max = "100") @Scale(2) BigDecimal rise, @ForAll PayFrequency frequency,
            @ForAll("categories") char category) {
        NicResult lower = NIC.calculate(frequency, category, pay);
        NicResult higher = NIC.calculate(frequency, category, pay.add(rise));

        assertThat(higher.employee()).isGreaterThanOrEqualTo(lower.employee());
        assertThat(higher.employer()).isGreaterThanOrEqualTo(lower.employer());
    }

    @Provide
    Arbitrary<Character> categories() {
        return Arbitraries.of('A', 'B', 'C', 'H', 'J', 'M', 'V', 'Z');
    }

    @Property
    void pensionContributionsMeetTheMinimumsAndOvershootByLessThanAPenny(
            @ForAll @BigRange(min = "0", max = "6000") @Scale(2) BigDecimal earnings, @ForAll PayFrequency frequency) {
        PensionResult result = PENSION.assess(frequency, java.time.LocalDate.of(1990, 1, 1),
                java.time.LocalDate.of(2026, 11, 27), earnings, PensionMembership.ENROLLED, PensionBasis.NET_PAY);
        BigDecimal qe = result.qualifyingEarnings();
        BigDecimal total = result.employerContribution().add(result.employeeContribution());

        assertThat(result.employerContribution()).isGreaterThanOrEqualTo(qe.multiply(new BigDecimal("0.03")))
                .isLessThan(qe.multiply(new BigDecimal("0.03")).add(new BigDecimal("0.01")));
        assertThat(total).isGreaterThanOrEqualTo(qe.multiply(new BigDecimal("0.08")))
                .isLessThan(qe.multiply(new BigDecimal("0.08")).add(new BigDecimal("0.01")));
    }

    @Property
    void rolledUpHolidayPayIsTwelvePointZeroSevenPercentWithinHalfAPenny(
            @ForAll @BigRange(min = "0", max = "10000") @Scale(2) BigDecimal pay) {
        BigDecimal exact = pay.multiply(new BigDecimal("0.1207"));

        assertThat(HolidayPay.rolledUp(pay).subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }
}
