package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of the statutory calculations over generated pay, codes and periods. Each property runs over
 * {@value #CASES} seeds; a case's inputs come from {@code new Random(seed)} alone, so the seed in a failure's name
 * reproduces it. The first seeds of each property take the ranges' ends (zero pay, the largest pay).
 */
class StatutoryPropertiesTest {

    static final int CASES = 500;
    static final TaxYear YEAR = new TaxYears(Path.of("batch-config/tax-years")).get("2026-27");
    static final Paye PAYE = new Paye(YEAR);
    static final NationalInsurance NIC = new NationalInsurance(YEAR);
    static final PensionAutoEnrolment PENSION = new PensionAutoEnrolment(YEAR);
    private static final char[] CATEGORIES = {'A', 'B', 'C', 'H', 'J', 'M', 'V', 'Z'};

    static LongStream seeds() {
        return LongStream.range(0, CASES).map(i -> 0x5EED_0000L + i);
    }

    /** Generated inputs for one case: seeds below {@code 0x5EED0000 + EDGES} take the ranges' ends. */
    record Gen(long seed, Random random) {
        static final int EDGES = 4;

        Gen(long seed) {
            this(seed, new Random(seed));
        }

        private int edge() {
            return (int) (seed - 0x5EED_0000L);
        }

        /** Pounds and pence in [min, max]; edge cases take min, then max. */
        BigDecimal pounds(String min, String max) {
            long low = new BigDecimal(min).movePointRight(2).longValueExact();
            long high = new BigDecimal(max).movePointRight(2).longValueExact();
            long pence = switch (edge()) {
                case 0, 2 -> low;
                case 1, 3 -> high;
                default -> low + random.nextLong(high - low + 1);
            };
            return BigDecimal.valueOf(pence, 2);
        }

        int between(int min, int max) {
            return min + random.nextInt(max - min + 1);
        }

        <T> T oneOf(T[] values) {
            return values[random.nextInt(values.length)];
        }

        PayFrequency frequency() {
            return oneOf(PayFrequency.values());
        }

        /** One to twelve periods' pay, each up to £15,000. */
        List<BigDecimal> pays() {
            int n = between(1, 12);
            List<BigDecimal> pays = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pays.add(pounds("0", "15000"));
            }
            return pays;
        }

        /** An allowance code 0–2000 of any region, or a flat-rate code (BR, D0, D1). */
        TaxCode cumulativeCode() {
            TaxRegion region = oneOf(TaxRegion.values());
            return switch (random.nextInt(4)) {
                case 0 -> new TaxCode(region, TaxCode.Kind.BASIC_RATE, 0, false);
                case 1 -> new TaxCode(region, TaxCode.Kind.HIGHER_RATE, random.nextInt(2), false);
                default -> new TaxCode(region, TaxCode.Kind.ALLOWANCE, between(0, 2000), false);
            };
        }

        @Override
        public String toString() {
            return "seed " + seed;
        }
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

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cumulativeTaxToDateDependsOnlyOnTotalPayToDate(long seed) {
        Gen gen = new Gen(seed);
        TaxCode code = gen.cumulativeCode();
        List<BigDecimal> pays = gen.pays();
        PayFrequency frequency = gen.frequency();
        List<BigDecimal> shuffled = new ArrayList<>(pays);
        Collections.shuffle(shuffled, gen.random());

        assertThat(runYear(frequency, code, shuffled).taxToDate())
                .as("%s: %s %s over %s and shuffled %s", gen, code, frequency, pays, shuffled)
                .isEqualByComparingTo(runYear(frequency, code, pays).taxToDate());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void taxToDateIsNeverMoreThanPayToDate(long seed) {
        Gen gen = new Gen(seed);
        TaxCode code = gen.cumulativeCode();
        List<BigDecimal> pays = gen.pays();
        PayFrequency frequency = gen.frequency();
        BigDecimal total = pays.stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(runYear(frequency, code, pays).taxToDate())
                .as("%s: %s %s over %s", gen, code, frequency, pays)
                .isLessThanOrEqualTo(total).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void weekOneTaxIsNeverMoreThanThePeriodsPay(long seed) {
        Gen gen = new Gen(seed);
        TaxCode code = gen.cumulativeCode();
        BigDecimal pay = gen.pounds("0", "20000");
        PayFrequency frequency = gen.frequency();
        int period = gen.between(1, 12);

        PayeResult result = PAYE.calculate(frequency, period, code, true, pay, BigDecimal.ZERO, BigDecimal.ZERO);

        assertThat(result.taxThisPeriod()).as("%s: %s %s period %d on %s", gen, code, frequency, period, pay)
                .isLessThanOrEqualTo(pay).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void kCodeTaxInAPeriodIsAtMostHalfItsPay(long seed) {
        Gen gen = new Gen(seed);
        TaxCode code = new TaxCode(TaxRegion.SCOTLAND, TaxCode.Kind.K, gen.between(1, 2000), false);
        List<BigDecimal> pays = gen.pays();
        PayFrequency frequency = gen.frequency();
        BigDecimal payBefore = BigDecimal.ZERO;
        BigDecimal taxBefore = BigDecimal.ZERO;
        for (int period = 1; period <= pays.size(); period++) {
            BigDecimal pay = pays.get(period - 1);
            PayeResult result = PAYE.calculate(frequency, period, code, false, pay, payBefore, taxBefore);

            assertThat(result.taxThisPeriod()).as("%s: %s %s period %d of %s", gen, code, frequency, period, pays)
                    .isLessThanOrEqualTo(pay.divide(BigDecimal.valueOf(2)));
            payBefore = payBefore.add(pay);
            taxBefore = result.taxToDate();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nationalInsuranceNeverFallsWhenPayRises(long seed) {
        Gen gen = new Gen(seed);
        BigDecimal pay = gen.pounds("0", "10000");
        BigDecimal rise = gen.pounds("0.01", "100");
        PayFrequency frequency = gen.frequency();
        char category = CATEGORIES[gen.random().nextInt(CATEGORIES.length)];

        NicResult lower = NIC.calculate(frequency, category, pay);
        NicResult higher = NIC.calculate(frequency, category, pay.add(rise));

        String described = "%s: category %s %s on %s then %s more".formatted(gen, category, frequency, pay, rise);
        assertThat(higher.employee()).as(described).isGreaterThanOrEqualTo(lower.employee());
        assertThat(higher.employer()).as(described).isGreaterThanOrEqualTo(lower.employer());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void pensionContributionsMeetTheMinimumsAndOvershootByLessThanAPenny(long seed) {
        Gen gen = new Gen(seed);
        BigDecimal earnings = gen.pounds("0", "6000");
        PayFrequency frequency = gen.frequency();

        PensionResult result = PENSION.assess(frequency, LocalDate.of(1990, 1, 1), LocalDate.of(2026, 11, 27),
                earnings, PensionMembership.ENROLLED, PensionBasis.NET_PAY);
        BigDecimal qe = result.qualifyingEarnings();
        BigDecimal total = result.employerContribution().add(result.employeeContribution());

        String described = "%s: %s %s".formatted(gen, frequency, earnings);
        assertThat(result.employerContribution()).as(described)
                .isGreaterThanOrEqualTo(qe.multiply(new BigDecimal("0.03")))
                .isLessThan(qe.multiply(new BigDecimal("0.03")).add(new BigDecimal("0.01")));
        assertThat(total).as(described).isGreaterThanOrEqualTo(qe.multiply(new BigDecimal("0.08")))
                .isLessThan(qe.multiply(new BigDecimal("0.08")).add(new BigDecimal("0.01")));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rolledUpHolidayPayIsTwelvePointZeroSevenPercentWithinHalfAPenny(long seed) {
        Gen gen = new Gen(seed);
        BigDecimal pay = gen.pounds("0", "10000");
        BigDecimal exact = pay.multiply(new BigDecimal("0.1207"));

        assertThat(HolidayPay.rolledUp(pay).subtract(exact).abs()).as("%s: %s", gen, pay)
                .isLessThanOrEqualTo(new BigDecimal("0.005"));
    }
}
