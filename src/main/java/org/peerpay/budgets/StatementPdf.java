package org.peerpay.budgets;

import static org.peerpay.money.Gbp.format;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.peerpay.calendar.Dates;
import org.peerpay.documents.Pdf;
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

            pdf.heading("Support plan");
            pdf.details(new String[][] {
                    {"Hours delivered", s.hoursDelivered().toPlainString()},
                    {"Hours planned", s.hoursPlanned() == null ? "no plan for this period" : s.hoursPlanned().toPlainString()},
                    {"Weeks of funding left", s.weeksOfFundingLeft() == null ? "not yet known"
                            : s.weeksOfFundingLeft().toPlainString() + " at the planned hours"},
                    {"For the coordinator", s.flags().isEmpty() ? "nothing to look at" : String.join(", ", s.flags())}}, 2);
            pdf.note("Funding counts in the period it is received; the employer costs of a period's pay (gross pay,"
                    + " employer National Insurance after the Employment Allowance, employer pension) are charged to the"
                    + " budget on its pay date. Produced by PeerPay.");
            pdf.commit();
        }
    }
}
