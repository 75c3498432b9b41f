package org.peerpay.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.filing.Payments;
import org.peerpay.money.Gbp;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.PdfText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A statement an auditor can reconcile. SU1 is funded £800.00 on 1 April 2026 (council); E1 works 80 hours in 4W08
 * (19 October to 15 November, paid 20 November), and the bank pays E1's net pay on 20 November, in 4W09.
 */
class AuditedStatementTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");
    static final PayPeriod P09 = PayPeriod.parse("2026-27/4W09");

    @Autowired
    BudgetStatements statements;

    @Autowired
    Payments payments;

    @BeforeEach
    void paidAndPaidOut() {
        smallCouncil(true);
        importEightyHoursOfE1();
        importShifts("su2.csv", "M1,SU2,2026-10-28,08:00,12:00,0,,\n");
        payRuns.pay(P08, OUT);
        payments.confirm(P08, null, "SU1", Payments.Liability.NET_PAY, LocalDate.of(2026, 11, 20));
    }

    @Test
    void fundsInMoneyOutAndWhatIsOwedReconcileToTheLedgerToThePenny() {
        BigDecimal net = jdbc.queryForObject("select net_pay from payslip where service_user_id = (select id from"
                + " service_user where ref = 'SU1')", BigDecimal.class);
        BigDecimal cost = jdbc.queryForObject("select employer_cost from payslip where service_user_id = (select id"
                + " from service_user where ref = 'SU1')", BigDecimal.class);
        BigDecimal hmrc = ledgerSum("HMRC_OWED");
        BigDecimal pension = ledgerSum("PENSION_OWED");

        BudgetStatement p08 = of(P08);
        BudgetStatement p09 = of(P09);

        // 4W08: nothing moved through the bank; the period's pay is owed at its end
        assertThat(p08.cash().openingBank()).isEqualTo(Gbp.of("800.00"));
        assertThat(p08.cash().fundsIn()).isEmpty();
        assertThat(p08.cash().moneyOut()).isEqualTo(Gbp.ZERO);
        assertThat(p08.cash().closingBank()).isEqualTo(Gbp.of("800.00"));
        assertThat(p08.cash().owedToMentors()).isEqualTo(Gbp.of(net));
        assertThat(p08.cash().owedToHmrc()).isEqualTo(Gbp.of(hmrc));
        assertThat(p08.cash().owedToPensionScheme()).isEqualTo(Gbp.of(pension));
        assertThat(p08.closingBalance()).isEqualTo(Gbp.of(new BigDecimal("800.00").subtract(cost)));
        assertThat(p08.cash().closingBank().subtract(p08.cash().owed())).isEqualTo(p08.closingBalance());
        // the P32 of tax month 8 (the pay date's): employee NIC 30.23; employer NIC 143.98 all taken by the allowance
        assertThat(p08.hmrc().taxMonth()).isEqualTo(8);
        assertThat(p08.hmrc().netDue()).isEqualTo(Gbp.of(hmrc));
        assertThat(p08.hmrc().netDue()).isEqualTo(Gbp.of("30.23"));
        assertThat(p08.hmrc().dueDate()).isEqualTo(LocalDate.of(2027, 1, 22));
        // 4W09: the wages left the bank on 20 November; HMRC and the scheme are still owed
        assertThat(p09.cash().openingBank()).isEqualTo(p08.cash().closingBank());
        assertThat(p09.cash().wagesPaid()).singleElement().satisfies(paid -> {
            assertThat(paid.mentorRef()).isEqualTo("M1");
            assertThat(paid.amount()).isEqualTo(Gbp.of(net));
        });
        assertThat(p09.cash().closingBank()).isEqualTo(Gbp.of(new BigDecimal("800.00").subtract(net)));
        assertThat(p09.cash().closingBank()).isEqualTo(Gbp.of(ledgerBank()));
        assertThat(p09.cash().owedToMentors()).isEqualTo(Gbp.ZERO);
        assertThat(p09.cash().closingBank().subtract(p09.cash().owed())).isEqualTo(p09.closingBalance());
        assertThat(p09.year().allocation()).isEqualTo(Gbp.of("3200.00"));
        assertThat(p09.year().spentToDate()).isEqualTo(Gbp.of(cost));
    }

    @Test
    void aBudgetDeliveringLessThanItsPlanIsFlaggedAndAnOverdrawnOneIsSaidToBe() {
        // SU2 plans 2 hours a week: 8 in the period; 4 were delivered
        assertThat(of(P08, "SU2").flags()).contains("UNDER_DELIVERY");
        BudgetStatement overdrawn = new BudgetStatement("2026-27/4W08", "SU9", "Pat", "Leeds", Gbp.ZERO, Gbp.ZERO,
                Gbp.of("12.50"), Gbp.of("-12.50"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO.setScale(1),
                List.of(), List.of(), null, null, null);
        assertThat(StatementPdf.weeksLeft(overdrawn)).isEqualTo("none: the budget is overdrawn by £12.50");
    }

    @Test
    void theAnnualStatementHasEveryPeriodOfTheYearAndReconcilesPeriodToPeriod() throws Exception {
        BudgetStatements.Annual annual = statements.writeAnnual("2026-27", "SU1", LocalDate.of(2026, 12, 20), OUT);

        assertThat(annual.periods()).extracting(BudgetStatement::periodId).containsExactly("2026-27/4W01",
                "2026-27/4W02", "2026-27/4W03", "2026-27/4W04", "2026-27/4W05", "2026-27/4W06", "2026-27/4W07",
                "2026-27/4W08", "2026-27/4W09");
        for (int i = 1; i < annual.periods().size(); i++) {
            BudgetStatement before = annual.periods().get(i - 1);
            BudgetStatement now = annual.periods().get(i);
            assertThat(now.openingBalance()).isEqualTo(before.closingBalance());
            assertThat(now.cash().openingBank()).isEqualTo(before.cash().closingBank());
            assertThat(now.cash().closingBank().subtract(now.cash().owed())).isEqualTo(now.closingBalance());
        }
        assertThat(Files.readAllLines(annual.csv())).hasSize(1 + 9);
        String pdf = PdfText.of(annual.pdf());
        assertThat(pdf).contains("Annual personal budget statement 2026-27", "2026-27/4W01", "2026-27/4W09",
                "Wages paid to Jo Bloggs (M1)", "£800.00");
    }

    private BudgetStatement of(PayPeriod period) {
        return of(period, "SU1");
    }

    private BudgetStatement of(PayPeriod period, String ref) {
        return statements.forPeriod(period).stream().filter(s -> s.serviceUserRef().equals(ref)).findFirst()
                .orElseThrow();
    }

    private BigDecimal ledgerSum(String account) {
        return jdbc.queryForObject("select -sum(amount) from posting where account = ? and service_user_id ="
                + " (select id from service_user where ref = 'SU1')", BigDecimal.class, account);
    }

    private BigDecimal ledgerBank() {
        // funding in (the funder's debits) plus the bank's credits, straight from the postings
        return jdbc.queryForObject("select sum(amount) from posting where account in ('FUNDER', 'BANK') and"
                + " service_user_id = (select id from service_user where ref = 'SU1')", BigDecimal.class);
    }
}
