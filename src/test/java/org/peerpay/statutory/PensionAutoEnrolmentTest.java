package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpay.statutory.PensionMembership.ENROLLED;
import static org.peerpay.statutory.PensionMembership.NOT_ENROLLED;
import static org.peerpay.statutory.PensionMembership.OPTED_OUT;
import static org.peerpay.statutory.WorkerCategory.ELIGIBLE_JOBHOLDER;
import static org.peerpay.statutory.WorkerCategory.ENTITLED_WORKER;
import static org.peerpay.statutory.WorkerCategory.NON_ELIGIBLE_JOBHOLDER;
import static org.peerpay.statutory.WorkerCategory.OUTSIDE_AGE_RANGE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Four-weekly 2026/27 figures: trigger £768, qualifying earnings £480 to £3,867. */
class PensionAutoEnrolmentTest {

    static final PensionAutoEnrolment PENSION = new PensionAutoEnrolment(new TaxYears(Path.of("batch-config/tax-years"))
            .get("2026-27"));
    static final LocalDate PAY_DATE = LocalDate.of(2026, 11, 27);
    static final LocalDate AGED_30 = LocalDate.of(1996, 6, 1);

    static PensionResult fourWeekly(LocalDate born, LocalDate paid, String earnings, PensionMembership before) {
        return PENSION.assess(PayFrequency.FOUR_WEEKLY, born, paid, new BigDecimal(earnings), before,
                PensionBasis.RELIEF_AT_SOURCE);
    }

    @ParameterizedTest(name = "£{0}: {1}")
    @CsvSource({
            "479.99, ENTITLED_WORKER", "480.00, ENTITLED_WORKER", "480.01, NON_ELIGIBLE_JOBHOLDER",
            "767.99, NON_ELIGIBLE_JOBHOLDER", "768.00, NON_ELIGIBLE_JOBHOLDER", "768.01, ELIGIBLE_JOBHOLDER"})
    void categorisesByEarningsAgainstTheTriggerAndLowerLimit(String earnings, WorkerCategory category) {
        PensionResult result = fourWeekly(AGED_30, PAY_DATE, earnings, NOT_ENROLLED);

        assertThat(result.category()).isEqualTo(category);
        assertThat(result.membership()).isEqualTo(category == ELIGIBLE_JOBHOLDER ? ENROLLED : NOT_ENROLLED);
        assertThat(result.enrolledThisPeriod()).isEqualTo(category == ELIGIBLE_JOBHOLDER);
    }

    @Test
    void enrolsAnEligibleJobholderAndTakesTheMinimumContributions() {
        // qualifying earnings 768.01 - 480 = 288.01; employer 3% = 8.6403 up to 8.65; 8% = 23.0408 up to 23.05
        PensionResult result = fourWeekly(AGED_30, PAY_DATE, "768.01", NOT_ENROLLED);

        assertThat(result.qualifyingEarnings()).isEqualByComparingTo("288.01");
        assertThat(result.employerContribution()).isEqualByComparingTo("8.65");
        assertThat(result.employeeContribution()).isEqualByComparingTo("14.40");
        assertThat(result.employeeDeduction()).isEqualByComparingTo("11.52"); // less 20% relief at source
        assertThat(result.forPayslip()).isEqualTo("Eligible jobholder: enrolled in the workplace pension this period");
    }

    @Test
    void takesTheWholeContributionFromPayUnderANetPayArrangement() {
        PensionResult result = PENSION.assess(PayFrequency.FOUR_WEEKLY, AGED_30, PAY_DATE, new BigDecimal("768.01"),
                NOT_ENROLLED, PensionBasis.NET_PAY);

        assertThat(result.employeeDeduction()).isEqualByComparingTo("14.40");
    }

    @ParameterizedTest(name = "£{0}: qualifying earnings £{1}")
    @CsvSource({"3866.99, 3386.99", "3867.00, 3387.00", "3867.01, 3387.00", "480.00, 0.00", "480.01, 0.01"})
    void capsQualifyingEarningsAtTheUpperLimit(String earnings, BigDecimal qualifying) {
        PensionResult result = fourWeekly(AGED_30, PAY_DATE, earnings, ENROLLED);

        assertThat(result.qualifyingEarnings()).isEqualByComparingTo(qualifying);
    }

    @Test
    void keepsAMemberContributingWhenEarningsFallBelowTheTrigger() {
        PensionResult result = fourWeekly(AGED_30, PAY_DATE, "600.00", ENROLLED);

        assertThat(result.category()).isEqualTo(NON_ELIGIBLE_JOBHOLDER);
        assertThat(result.membership()).isEqualTo(ENROLLED);
        assertThat(result.employerContribution()).isEqualByComparingTo("3.60");  // 3% of 120
        assertThat(result.employeeContribution()).isEqualByComparingTo("6.00");
        assertThat(result.forPayslip()).isEqualTo("Non-eligible jobholder: member of the workplace pension");
    }

    @Test
    void takesNothingFromAWorkerWhoOptedOut() {
        PensionResult result = fourWeekly(AGED_30, PAY_DATE, "2000.00", OPTED_OUT);

        assertThat(result.category()).isEqualTo(ELIGIBLE_JOBHOLDER);
        assertThat(result.employerContribution()).isZero();
        assertThat(result.employeeDeduction()).isZero();
        assertThat(result.forPayslip()).isEqualTo("Eligible jobholder: opted out of the workplace pension");
    }

    @Test
    void isEligibleFromTheTwentySecondBirthday() {
        LocalDate born = PAY_DATE.minusYears(22);

        assertThat(fourWeekly(born, PAY_DATE, "1000.00", NOT_ENROLLED).category()).isEqualTo(ELIGIBLE_JOBHOLDER);
        assertThat(fourWeekly(born.plusDays(1), PAY_DATE, "1000.00", NOT_ENROLLED).category())
                .isEqualTo(NON_ELIGIBLE_JOBHOLDER);
    }

    @Test
    void stopsBeingEligibleOnReachingStatePensionAge() {
        // born 6 April 1960: State Pension age 66 and 1 month, reached 6 May 2026
        LocalDate born = LocalDate.of(1960, 4, 6);

        assertThat(fourWeekly(born, LocalDate.of(2026, 5, 5), "1000.00", NOT_ENROLLED).category())
                .isEqualTo(ELIGIBLE_JOBHOLDER);
        assertThat(fourWeekly(born, LocalDate.of(2026, 5, 6), "1000.00", NOT_ENROLLED).category())
                .isEqualTo(NON_ELIGIBLE_JOBHOLDER);
    }

    @Test
    void leavesOutTheUnderSixteensAndOverSeventyFours() {
        assertThat(fourWeekly(PAY_DATE.minusYears(16).plusDays(1), PAY_DATE, "1000.00", NOT_ENROLLED).category())
                .isEqualTo(OUTSIDE_AGE_RANGE);
        assertThat(fourWeekly(PAY_DATE.minusYears(75), PAY_DATE, "1000.00", NOT_ENROLLED).category())
                .isEqualTo(OUTSIDE_AGE_RANGE);
        assertThat(fourWeekly(PAY_DATE.minusYears(75).plusDays(1), PAY_DATE, "1000.00", NOT_ENROLLED).category())
                .isEqualTo(NON_ELIGIBLE_JOBHOLDER);
    }

    @Test
    void usesEachFrequencysPublishedFigures() {
        LocalDate born = AGED_30;
        assertThat(PENSION.assess(PayFrequency.WEEKLY, born, PAY_DATE, new BigDecimal("192.01"), NOT_ENROLLED,
                PensionBasis.NET_PAY).category()).isEqualTo(ELIGIBLE_JOBHOLDER);
        assertThat(PENSION.assess(PayFrequency.TWO_WEEKLY, born, PAY_DATE, new BigDecimal("384.00"), NOT_ENROLLED,
                PensionBasis.NET_PAY).category()).isEqualTo(NON_ELIGIBLE_JOBHOLDER);
        assertThat(PENSION.assess(PayFrequency.MONTHLY, born, PAY_DATE, new BigDecimal("833.01"), NOT_ENROLLED,
                PensionBasis.NET_PAY).category()).isEqualTo(ELIGIBLE_JOBHOLDER);
        assertThat(PENSION.assess(PayFrequency.MONTHLY, born, PAY_DATE, new BigDecimal("520.00"), NOT_ENROLLED,
                PensionBasis.NET_PAY).category()).isEqualTo(ENTITLED_WORKER);
    }
}
