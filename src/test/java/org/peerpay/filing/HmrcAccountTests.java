package org.peerpay.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.money.Gbp;
import org.peerpay.support.CouncilTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The employer's account with HMRC. E1 works 80 hours for SU1 in 4W08, paid 20 November 2026: tax month 8
 * (6 November to 5 December). 1344.84 gross on 1257L cumulative: tax 0.00; employee NIC 30.23; employer NIC 143.98,
 * all taken by SU1's Employment Allowance: SU1 owes HMRC 30.23 for month 8.
 */
class HmrcAccountTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @Autowired
    HmrcAccount account;

    @Autowired
    RtiValidator validator;

    @BeforeEach
    void paid() {
        smallCouncil(true);
        importEightyHoursOfE1();
        payRuns.pay(P08, OUT);
    }

    @Test
    void theP32SaysWhatEachEmployerOwesHmrcForEachTaxMonthAndWhenToPay() throws Exception {
        assertThat(account.p32("2026-27")).singleElement().satisfies(month -> {
            assertThat(month.employerRef()).isEqualTo("SU1");
            assertThat(month.taxMonth()).isEqualTo(8);
            assertThat(month.tax()).isEqualTo(Gbp.of("0.00"));
            assertThat(month.employeeNic()).isEqualTo(Gbp.of("30.23"));
            assertThat(month.employerNic()).isEqualTo(Gbp.of("143.98"));
            assertThat(month.employmentAllowance()).isEqualTo(Gbp.of("143.98"));
            assertThat(month.netDue()).isEqualTo(Gbp.of("30.23"));
            // £30.23 a month on average is under £1,500: HMRC allows quarterly payment, due 22 January for the
            // quarter ending 5 January
            assertThat(month.quarterly()).isTrue();
            assertThat(month.dueDate()).isEqualTo(LocalDate.of(2027, 1, 22));
        });

        HmrcAccount.Outcome outcome = account.write("2026-27", LocalDate.of(2026, 12, 23), OUT);

        assertThat(Files.readAllLines(outcome.p32())).containsExactly(
                "\uFEFF" + String.join(",", HmrcAccount.P32_COLUMNS),
                "2026-27,8,SU1,120/PB00001,0.00,30.23,143.98,143.98,30.23,30.23,quarterly,2027-01-22");
    }

    @Test
    void aClaimingEmployerSendsItsEmploymentAllowanceClaimAndAnEpsForAMonthItPaidNobody() throws Exception {
        HmrcAccount.Outcome outcome = account.write("2026-27", LocalDate.of(2027, 1, 10), OUT);

        Path dir = OUT.resolve("rti/2026-27");
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.eps()).containsExactly(dir.resolve("SU1-EPS-employment-allowance.xml"),
                dir.resolve("SU1-EPS-M09-no-payment.xml"));
        for (Path eps : outcome.eps()) {
            RtiValidator.Report report = validator.check(Files.readAllBytes(eps));
            assertThat(report.problems()).as(eps.toString()).isEmpty();
            assertThat(report.message()).isEqualTo("EmployerPaymentSummary");
        }
        assertThat(Files.readString(dir.resolve("SU1-EPS-employment-allowance.xml")))
                .contains("<EmpAllceInd>yes</EmpAllceInd>", "<NA>yes</NA>", "<RelatedTaxYear>26-27</RelatedTaxYear>",
                        "<Class>HMRC-PAYE-RTI-EPS</Class>");
        assertThat(Files.readString(dir.resolve("SU1-EPS-M09-no-payment.xml")))
                .contains("<NoPaymentForPeriod>yes</NoPaymentForPeriod>", "<From>2026-12-06</From>",
                        "<To>2027-01-05</To>");
    }
}
