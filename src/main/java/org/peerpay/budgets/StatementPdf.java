package org.peerpay.budgets;

import static org.peerpay.money.Gbp.format;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.peerpay.calendar.Dates;
import org.peerpay.documents.Pdf;
import org.peerpay.filing.HmrcAccount;
import org.peerpay.calendar.PayPeriod;
import org.springframework.stereotype.Component;

/** A budget statement as a one-page PDF for the service user and their coordinator. */
@Component
class StatementPdf {


    void write(BudgetStatement s, PayPeriod period, Path file) {
        try (Pdf pdf = Pdf.create(file, "Budget statement " + s.periodId() + " " + s.serviceUserRef(), "PeerPay")) {
            pdf.title("Personal budget statement");
            pdf.details(new String[][] {
                    {"Budget holder", s.serviceUserName() + " (" + s.serviceUserRef() + ")"},
                    {"Pay period", s.periodId()},
                    {"Council", s.council()},
                    {"Dates", Dates.forPeople(period.start()) + " to " + Dates.forPeople(period.end())}}, 2);

            pdf.heading("Balance");
            pdf.table(new int[] {40, 16}, 1, "", "Amount")
                    .row("Opening balance", format(s.openingBalance()))
                    .row("Funding received in the period", format(s.funding()))
                    .row("Employer costs of the period's pay", format(s.employerCost().negate()))
                    .total("Closing balance", format(s.closingBalance()))
                    .end();

            pdf.heading("Employer costs by mentor");
            Pdf.Table costs = pdf.table(new int[] {32, 12, 14, 14, 15, 14, 15}, 1, "Mentor (employment)",
                    "Hours", "Gross pay", "Employer NIC", "Allowance offset", "Employer pension", "Employer cost");
            BigDecimal hours = BigDecimal.ZERO.setScale(2);
            for (BudgetStatement.MentorCost m : s.mentors()) {
                costs.row(m.mentorName() + " (" + m.mentorRef() + ", " + m.employmentRef() + ")", m.hours().toPlainString(),
                        format(m.grossPay()), format(m.employerNic()), format(m.employmentAllowanceOffset().negate()),
                        format(m.employerPension()), format(m.employerCost()));
                hours = hours.add(m.hours());
            }
            if (s.mentors().isEmpty()) {
                costs.row("No pay in this period", "", "", "", "", "", "");
            }
            costs.total("Total", hours.toPlainString(), "", "", "", "", format(s.employerCost())).end();

            money(pdf, s);

            pdf.heading("Support plan");
            pdf.details(new String[][] {
                    {"Hours delivered", s.hoursDelivered().toPlainString()},
                    {"Hours planned", s.hoursPlanned() == null ? "no plan for this period" : s.hoursPlanned().toPlainString()},
                    {"Weeks of funding left", weeksLeft(s)},
                    {"For the coordinator", s.flags().isEmpty() ? "nothing to look at" : String.join(", ", s.flags())}}, 2);
            pdf.note("Funding counts in the period it is received; the employer costs of a period's pay (gross pay,"
                    + " employer National Insurance after the Employment Allowance, employer pension) are charged to the"
                    + " budget on its pay date. Money in and out of the bank account counts on the day it moved;"
                    + " what is still owed is the pay of this period and before not yet paid. Produced by PeerPay.");
            pdf.commit();
        }
    }

    /** Funds in, money out and what is owed: the bank account an auditor reconciles, and the budget year. */
    static void money(Pdf pdf, BudgetStatement s) {
        BudgetStatement.Cash c = s.cash();
        pdf.heading("Bank account: funds in and money out");
        Pdf.Table bank = pdf.table(new int[] {40, 16}, 1, "", "Amount").row("Opening bank balance",
                format(c.openingBank()));
        for (Budgets.FundingItem item : c.fundsIn()) {
            bank.row("Funding received " + Dates.forPeople(item.receivedOn()) + " (" + item.source().replace('-', ' ')
                    + ")", format(item.amount()));
        }
        for (BudgetStatement.MentorPaid paid : c.wagesPaid()) {
            bank.row("Wages paid to " + paid.mentorName() + " (" + paid.mentorRef() + ")", format(paid.amount()
                    .negate()));
        }
        if (!c.paidToHmrc().isZero()) {
            bank.row("PAYE and National Insurance paid to HMRC", format(c.paidToHmrc().negate()));
        }
        if (!c.paidToPensionScheme().isZero()) {
            bank.row("Pension contributions paid to the scheme", format(c.paidToPensionScheme().negate()));
        }
        bank.total("Closing bank balance", format(c.closingBank())).end();
        pdf.table(new int[] {40, 16}, 1, "Still owed at the period's end", "Amount")
                .row("Net pay to mentors", format(c.owedToMentors()))
                .row("PAYE and National Insurance to HMRC", format(c.owedToHmrc()))
                .row("Pension contributions to the scheme", format(c.owedToPensionScheme()))
                .total("Closing bank balance less what is owed = closing balance", format(c.closingBank()
                        .subtract(c.owed())))
                .end();
        HmrcAccount.P32Month hmrc = s.hmrc();
        if (hmrc != null) {
            pdf.heading("HMRC: tax month " + hmrc.taxMonth() + " (P32)");
            pdf.details(new String[][] {
                    {"PAYE income tax", format(hmrc.tax())},
                    {"Employee and employer NIC", format(hmrc.employeeNic().add(hmrc.employerNic()))},
                    {"Employment Allowance", format(hmrc.employmentAllowance().negate())},
                    {"Due to HMRC", format(hmrc.netDue()) + " by " + Dates.forPeople(hmrc.dueDate())
                            + (hmrc.quarterly() ? " (paid quarterly)" : "")}}, 2);
        }
        BudgetStatement.BudgetYear y = s.year();
        if (y != null) {
            pdf.heading("Budget year " + Dates.forPeople(y.start()) + " to " + Dates.forPeople(y.end()));
            pdf.details(new String[][] {
                    {"Allocation", format(y.allocation())},
                    {"Spent to date", format(y.spentToDate())},
                    {"Forecast for the year at the planned hours", format(y.forecast())
                            + (y.forecast().isGreaterThan(y.allocation()) ? " (over the allocation by "
                            + format(y.forecast().subtract(y.allocation())) + ")" : "")}}, 2);
        }
    }

    static String weeksLeft(BudgetStatement s) {
        if (s.overdrawn()) {
            return "none: the budget is overdrawn by " + format(s.closingBalance().negate());
        }
        return s.weeksOfFundingLeft() == null ? "not yet known"
                : s.weeksOfFundingLeft().toPlainString() + " at the planned hours";
    }

    /** A service user's year: each period's figures, the year's totals, the funding itemised. */
    void writeAnnual(String taxYear, java.util.List<BudgetStatement> periods, Path file) {
        BudgetStatement last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
        try (Pdf pdf = Pdf.create(file, "Annual budget statement " + taxYear, "PeerPay")) {
            pdf.title("Annual personal budget statement " + taxYear);
            if (last == null) {
                pdf.note("No pay period of " + taxYear + " has ended for this budget yet.");
                pdf.commit();
                return;
            }
            pdf.details(new String[][] {
                    {"Budget holder", last.serviceUserName() + " (" + last.serviceUserRef() + ")"},
                    {"Council", last.council()},
                    {"Periods", periods.get(0).periodId() + " to " + last.periodId()}}, 2);
            pdf.heading("Each pay period");
            Pdf.Table table = pdf.table(new int[] {19, 13, 13, 13, 13, 13, 13, 13, 13, 10}, 1, "Period",
                    "Opening", "Funds in", "Employer cost", "Closing", "Wages paid", "To HMRC", "To pension",
                    "Bank", "Hours");
            javax.money.MonetaryAmount funds = org.peerpay.money.Gbp.ZERO;
            javax.money.MonetaryAmount cost = org.peerpay.money.Gbp.ZERO;
            javax.money.MonetaryAmount wages = org.peerpay.money.Gbp.ZERO;
            javax.money.MonetaryAmount hmrc = org.peerpay.money.Gbp.ZERO;
            javax.money.MonetaryAmount pension = org.peerpay.money.Gbp.ZERO;
            BigDecimal hours = BigDecimal.ZERO.setScale(2);
            for (BudgetStatement s : periods) {
                BudgetStatement.Cash c = s.cash();
                table.row(s.periodId(), format(s.openingBalance()), format(s.funding()), format(s.employerCost()),
                        format(s.closingBalance()), format(c.wagesPaidTotal()), format(c.paidToHmrc()),
                        format(c.paidToPensionScheme()), format(c.closingBank()), s.hoursDelivered().toPlainString());
                funds = funds.add(s.funding());
                cost = cost.add(s.employerCost());
                wages = wages.add(c.wagesPaidTotal());
                hmrc = hmrc.add(c.paidToHmrc());
                pension = pension.add(c.paidToPensionScheme());
                hours = hours.add(s.hoursDelivered());
            }
            table.total("Year", format(periods.get(0).openingBalance()), format(funds), format(cost),
                    format(last.closingBalance()), format(wages), format(hmrc), format(pension),
                    format(last.cash().closingBank()), hours.toPlainString()).end();
            pdf.heading("Funding received in the year");
            Pdf.Table funding = pdf.table(new int[] {40, 16}, 1, "", "Amount");
            periods.stream().flatMap(s -> s.cash().fundsIn().stream()).forEach(item -> funding.row(
                    Dates.forPeople(item.receivedOn()) + " (" + item.source().replace('-', ' ') + ")",
                    format(item.amount())));
            funding.total("Total", format(funds)).end();
            pdf.heading("At the end of " + last.periodId());
            money(pdf, last);
            pdf.details(new String[][] {{"Weeks of funding left", weeksLeft(last)},
                    {"For the coordinator", last.flags().isEmpty() ? "nothing to look at"
                            : String.join(", ", last.flags())}}, 2);
            pdf.note("Every figure comes from the budget ledger; each period's statement gives its detail. Produced"
                    + " by PeerPay.");
            pdf.commit();
        }
    }
}
