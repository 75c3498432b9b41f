package org.peerpay.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.SmallCouncil;

/**
 * A new starter's tax: without a tax code, the code their starter declaration gives, or 0T week 1 as HMRC directs
 * when they gave none; with a P45 from earlier in the tax year, its code and its pay and tax to date. E1 (£15.00)
 * works 80 hours in 4W08 (19 Oct – 15 Nov 2026, paid 20 November: tax period 9, week 36): 1200.00 + holiday 144.84
 * = 1344.84.
 */
class StarterTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @BeforeEach
    void eightyHoursOfE1() {
        smallCouncil(true);
        importEightyHoursOfE1();
    }

    @ParameterizedTest(name = "declaration {0}: {1}")
    @CsvSource(nullValues = "-", value = {
            // no declaration, no code: 0T week 1, no allowance: 1344 x 20% = 268.80
            "-, 0T W1, true, 268.80",
            // A: 1257L cumulative; by week 36 the free pay (36 x 241.92 = 8709.12) covers it all
            "A, 1257L, false, 0.00",
            // B: 1257L week 1 over four weeks: 1344.84 - 4 x 241.92 = 377 at 20% = 75.40
            "B, 1257L W1, true, 75.40",
            // C: BR cumulative: 1344 x 20% = 268.80
            "C, BR, false, 268.80"})
    void aStarterWithoutATaxCodePaysOnTheCodeTheirDeclarationGives(String declaration, String code, boolean week1,
                                                                  String tax) {
        jdbc.update("update employment set tax_code = null, starter_declaration = ? where ref = 'E1'", declaration);

        payRuns.pay(P08);

        assertThat(jdbc.queryForMap("select tax_code, week1_month1, tax from payslip"))
                .containsEntry("tax_code", code).containsEntry("week1_month1", week1)
                .containsEntry("tax", new BigDecimal(tax));
        assertThat(jdbc.queryForList("select detail from payroll_exception where type = 'NO_TAX_CODE'", String.class))
                .isEqualTo(declaration == null ? List.of("no tax code and no starter declaration: paid on 0T W1 as"
                        + " HMRC directs; record the code from the P45 or HMRC, or the starter declaration, in"
                        + " employments.csv") : List.of());
    }

    @Test
    void aStarterWithAP45CountsItsPayAndTaxToDateOnTheCumulativeCode() {
        SmallCouncil.write(dir.resolve("p45/employments.csv"), """
                employment_ref,service_user_ref,mentor_ref,start_date,end_date,hourly_rate,pay_frequency,tax_code,week1_month1,ni_category,holiday_pay,pension,p45_pay_to_date,p45_tax_to_date
                E1,SU1,M1,2026-04-06,,15.00,four-weekly,1257L,false,A,rolled-up,assess,"20,000.00",2200.00
                """);
        reference.load(dir.resolve("p45"));

        payRuns.pay(P08);

        // pay to date 20000.00 + 1344.84 = 21344.84, less free pay 8709.12 = 12635.72 -> 12635 at 20% = 2527.00,
        // less the 2200.00 the P45 says was taxed = 327.00; the payslip's own year to date is this employment's
        assertThat(jdbc.queryForMap("select tax_code, taxable_pay, tax from payslip"))
                .containsEntry("tax_code", "1257L").containsEntry("taxable_pay", new BigDecimal("1344.84"))
                .containsEntry("tax", new BigDecimal("327.00"));
        assertThat(jdbc.queryForList("select type from payroll_exception where type = 'NO_TAX_CODE'", String.class))
                .isEmpty();
    }

    @Test
    void refusesAHalfP45OrOneWithoutItsCodeAndAnUnknownDeclaration() {
        SmallCouncil.write(dir.resolve("bad/employments.csv"), """
                employment_ref,service_user_ref,mentor_ref,start_date,end_date,hourly_rate,pay_frequency,tax_code,week1_month1,ni_category,holiday_pay,pension,starter_declaration,p45_pay_to_date,p45_tax_to_date
                E1,SU1,M1,2026-04-06,,15.00,four-weekly,1257L,false,A,rolled-up,assess,D,100.00,
                E2,SU2,M1,2026-04-06,,14.50,four-weekly,,false,A,rolled-up,assess,,100.00,10.00
                """);

        assertThatThrownBy(() -> reference.load(dir.resolve("bad")))
                .hasMessageContaining("employments.csv row 2, column starter_declaration: must be one of a, b, c"
                        + " (was 'D')")
                .hasMessageContaining("row 2, column p45_tax_to_date: is empty, but a P45 gives total pay and total"
                        + " tax to date: give both, or neither")
                .hasMessageContaining("row 3, column tax_code: is empty, but a P45 gives the tax code to carry on"
                        + " with: copy it here");
        assertThat(jdbc.queryForObject("select count(*) from employment where p45_pay_to_date is not null",
                Integer.class)).isZero();
    }
}
