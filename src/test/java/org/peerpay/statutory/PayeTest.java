package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PAYE cases worked out by hand (annual figures divided over the year, exact arithmetic) for what HMRC's data
 * does not cover: 2026/27, two-weekly and four-weekly pay, the K code limit, refunds, week 53.
 */
class PayeTest {

    static final TaxYears YEARS = new TaxYears(Path.of("batch-config/tax-years"));
    static final Paye PAYE_2026_27 = new Paye(YEARS.get("2026-27"));
    static final Paye PAYE_2025_26 = new Paye(YEARS.get("2025-26"));
    static final BigDecimal NONE = BigDecimal.ZERO;

    static PayeResult tax2026(String frequency, int period, String code, String pay, String payBefore,
                              String taxBefore) {
        return PAYE_2026_27.calculate(PayFrequency.of(frequency), period, TaxCode.parse(code), false,
                new BigDecimal(pay), new BigDecimal(payBefore), new BigDecimal(taxBefore));
    }

    @ParameterizedTest(name = "{0} period {1} {2}, pay £{3} (before £{4}, tax £{5}): £{6}")
    @CsvSource({
            // 1257L weekly free pay: 2579/52 up to 49.60, plus 2 x 96.16 = 241.92 a week; four weeks 967.68
            "four-weekly, 1, 1257L,   1500.00,    0.00,   0.00, 106.40",  // 532 at 20%
            "four-weekly, 2, 1257L,   1500.00, 1500.00, 106.40, 106.40",  // weeks 1-8: 1064 at 20% = 212.80
            "four-weekly, 1, C1257L,  1500.00,    0.00,   0.00, 106.40",  // Wales: England's bands
            // Scotland 2026/27: starter band 3967 x 4/52 = 305.1538, its tax 753.73 x 4/52 = 57.9792
            "four-weekly, 1, S1257L,  1500.00,    0.00,   0.00, 103.34",  // 57.9792 + 226.8462 x 20%
            "four-weekly, 1, S1257L,   967.68,    0.00,   0.00,   0.00",  // exactly the free pay
            "four-weekly, 1, S1257L,   968.68,    0.00,   0.00,   0.19",  // £1 at the starter rate
            "two-weekly,  2, C1257L,  1200.00, 1000.00, 103.20, 143.20",  // weeks 1-4: 1232 at 20% = 246.40
            "two-weekly,  1, 1257L,   1000.00,    0.00,   0.00, 103.20",  // 516 at 20%
            // monthly 1257L free pay: 2579/12 up to 214.92, plus 2 x 416.67 = 1048.26
            "monthly,     1, 1257L,   5000.00,    0.00,   0.00, 952.06",  // 628.33 + 809.33 x 40%
            // 3951 in the 42% band: starter 753.73/12 = 62.8108, basic and intermediate 5566.36/12 = 463.8633,
            // then (3951 - 2591) x 42% = 571.20
            "monthly,     1, S1257L,  5000.00,    0.00,   0.00, 1097.87",
            "monthly,     1, 0T,      1000.99,    0.00,   0.00, 200.00",  // whole pounds only
            "monthly,     2, BR,       300.55,  500.00, 100.00,  60.00",  // 800 at 20% less 100 paid
            "monthly,     1, SD0,     1000.00,    0.00,   0.00, 210.00",  // Scotland's D0: intermediate 21%
            "monthly,     1, SD1,     1000.00,    0.00,   0.00, 420.00",
            "monthly,     1, D1,      1000.00,    0.00,   0.00, 450.00",
            "monthly,     4, NT,      1000.00, 3000.00, 250.00, -250.00", // cumulative NT repays the year's tax
            "monthly,     1, NT W1,   1000.00,    0.00,   0.00,   0.00"})
    void taxesByTheTablesForTwentyTwentySix(String frequency, int period, String code, String pay, String payBefore,
                                            String taxBefore, BigDecimal expected) {
        assertThat(tax2026(frequency, period, code, pay, payBefore, taxBefore).taxThisPeriod()).isEqualTo(expected);
    }

    @Test
    void scottishStarterBandIsWiderInTwentyTwentySix() {
        // 2025/26 starter band 2827 x 4/52 = 217.4615, its tax 41.3176: 41.3176 + 314.5385 x 20% = 104.22
        PayeResult earlier = PAYE_2025_26.calculate(PayFrequency.FOUR_WEEKLY, 1, TaxCode.parse("S1257L"), false,
                new BigDecimal("1500.00"), NONE, NONE);

        assertThat(earlier.taxThisPeriod()).isEqualByComparingTo("104.22");
        assertThat(tax2026("four-weekly", 1, "S1257L", "1500.00", "0", "0").taxThisPeriod())
                .isEqualByComparingTo("103.34");
    }

    @Test
    void refundsTaxWhenPayFallsUnderACumulativeCode() {
        // month 1: 3000 - 1048.26 = 1951 at 20% = 390.20; month 2 nothing paid: 903 at 20% = 180.60 to date
        PayeResult month1 = tax2026("monthly", 1, "1257L", "3000.00", "0", "0");
        PayeResult month2 = tax2026("monthly", 2, "1257L", "0.00", "3000.00", month1.taxToDate().toPlainString());

        assertThat(month1.taxThisPeriod()).isEqualByComparingTo("390.20");
        assertThat(month2.taxThisPeriod()).isEqualByComparingTo("-209.60");
        assertThat(month2.taxToDate()).isEqualByComparingTo("180.60");
    }

    @Test
    void weekOneBasisNeitherRefundsNorCatchesUp() {
        PayeResult flagged = PAYE_2026_27.calculate(PayFrequency.MONTHLY, 2, TaxCode.parse("1257L"), true,
                new BigDecimal("0.00"), new BigDecimal("3000.00"), new BigDecimal("390.20"));
        PayeResult suffixed = tax2026("monthly", 6, "1257L M1", "3000.00", "9000.00", "0.00");

        assertThat(flagged.taxThisPeriod()).isEqualByComparingTo("0.00");
        assertThat(flagged.taxToDate()).isEqualByComparingTo("390.20");
        assertThat(suffixed.taxThisPeriod()).isEqualByComparingTo("390.20");
        assertThat(tax2026("monthly", 6, "1257LX", "3000.00", "9000.00", "0.00").taxThisPeriod())
                .isEqualByComparingTo("390.20");
    }

    @Test
    void taxesWeekFiftyThreeOnTheWeekOneBasis() {
        // 500 - 241.92 = 258 at 20%, whatever was paid before
        assertThat(tax2026("weekly", 53, "1257L", "500.00", "20000.00", "1500.00").taxThisPeriod())
                .isEqualByComparingTo("51.60");
        // the 27th two-weekly period is weeks 53-54: two weeks' week 1 figures, 1000 - 483.84 = 516 at 20%
        assertThat(tax2026("two-weekly", 27, "1257L", "1000.00", "20000.00", "1500.00").taxThisPeriod())
                .isEqualByComparingTo("103.20");
    }

    @Test
    void limitsAKCodesTaxToHalfThePeriodsPayAndCollectsTheRestLater() {
        // K500 monthly: 5009/12 up to 417.42 added to pay each month
        PayeResult month1 = tax2026("monthly", 1, "K500", "200.00", "0", "0");            // 617 at 20% = 123.40
        PayeResult month2 = tax2026("monthly", 2, "K500", "200.00", "200.00", "100.00");  // 1234 -> 246.80 to date
        PayeResult month3 = tax2026("monthly", 3, "K500", "1000.00", "400.00", "200.00"); // 2652 -> 530.40 to date

        assertThat(month1.taxThisPeriod()).isEqualByComparingTo("100.00");
        assertThat(month1.regulatoryLimitApplied()).isTrue();
        assertThat(month2.taxThisPeriod()).isEqualByComparingTo("100.00");
        assertThat(month3.taxThisPeriod()).isEqualByComparingTo("330.40");
        assertThat(month3.regulatoryLimitApplied()).isFalse();
        assertThat(month3.taxToDate()).isEqualByComparingTo("530.40");
    }

    @ParameterizedTest(name = "code {0}: free pay {1} to week or month {2} of {3}")
    @CsvSource({
            "1257, 1, 52, 241.92", "1257, 1, 12, 1048.26", "1257, 4, 52, 967.68",
            "500, 1, 12, 417.42",   // remainder 500, quotient 0
            "501, 1, 12, 418.26",   // remainder 1: 19/12 up to 1.59, plus one 416.67
            "1000, 1, 52, 192.49",  // remainder 500: 5009/52 up to 96.33, plus one 96.16
            "0, 1, 52, 0"})
    void worksOutFreePayByQuotientAndRemainder(int code, int n, int periods, BigDecimal freePay) {
        assertThat(Paye.freePay(code, n, periods)).isEqualByComparingTo(freePay);
    }

    @Test
    void refusesCodesAndPeriodsThatDoNotExist() {
        assertThatThrownBy(() -> TaxCode.parse("1257")).hasMessageContaining("'1257' is not a tax code");
        assertThatThrownBy(() -> TaxCode.parse("X1257L")).hasMessageContaining("is not a tax code");
        assertThatThrownBy(() -> tax2026("monthly", 1, "D2", "100.00", "0", "0"))
                .hasMessageContaining("no D2 rate for rest-of-uk");
        assertThatThrownBy(() -> tax2026("monthly", 13, "1257L", "100.00", "0", "0"))
                .hasMessageContaining("period must be 1 to 12 for monthly pay (was 13)");
        assertThatThrownBy(() -> tax2026("four-weekly", 15, "1257L", "100.00", "0", "0"))
                .hasMessageContaining("1 to 14");
    }

    @Test
    void readsCodesWhateverTheirSpacingAndCase() {
        assertThat(TaxCode.parse(" sk585 m1 ")).isEqualTo(new TaxCode(TaxRegion.SCOTLAND, TaxCode.Kind.K, 585, true));
        assertThat(TaxCode.parse("C0T")).isEqualTo(new TaxCode(TaxRegion.WALES, TaxCode.Kind.ALLOWANCE, 0, false));
        assertThat(TaxCode.parse("SD3")).isEqualTo(new TaxCode(TaxRegion.SCOTLAND, TaxCode.Kind.HIGHER_RATE, 3, false));
    }
}
