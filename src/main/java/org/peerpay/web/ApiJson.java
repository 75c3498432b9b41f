package org.peerpay.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import org.peerpay.audit.AuditEvent;
import org.peerpay.budgets.BudgetStatement;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.budgets.Budgets;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.money.Gbp;
import org.peerpay.payroll.PayRuns;
import org.peerpay.payroll.PayslipFiles;
import org.peerpay.system.JobRuns;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.RejectedRow;
import org.peerpay.users.UserAccount;

/**
 * What the API answers, as JSON: money as a string of pounds and pence with its currency ({@code {"amount":
 * "1234.56", "currency": "GBP"}}), never a floating-point number; times as ISO 8601 with their offset; people by
 * ref and name only (no NI number, date of birth, address or bank detail ever leaves in a response).
 */
final class ApiJson {

    private ApiJson() {
    }

    record Money(String amount, String currency) {
        static Money of(MonetaryAmount amount) {
            return amount == null ? null : new Money(Gbp.pounds(amount).toPlainString(),
                    amount.getCurrency().getCurrencyCode());
        }
    }

    record Session(String username, String role, String csrfHeader, String csrfToken) {
    }

    record Period(String id, LocalDate start, LocalDate end) {
        static Period of(PayPeriod period) {
            return new Period(period.id(), period.start(), period.end());
        }
    }

    record Import(String fileName, Long importId, Boolean alreadyImported, Integer rowsRead, Integer accepted,
                  Map<String, Integer> rejectedByReason, Integer duplicates, Integer belowFloor,
                  List<String> warnings, List<Rejected> rejects, String rejectsCsv, String refusal) {

        static Import of(Actions.Upload upload) {
            ImportResult r = upload.result();
            if (r == null) {
                return new Import(upload.fileName(), null, null, null, null, null, null, null, null, null, null,
                        upload.refusal());
            }
            Map<String, Integer> byReason = new java.util.LinkedHashMap<>();
            r.rejected().forEach((reason, count) -> byReason.put(reason.name(), count));
            return new Import(upload.fileName(), r.importId(), r.alreadyImported(), r.rowsRead(), r.accepted(),
                    byReason, r.duplicates(), r.belowFloor(), r.warnings(),
                    upload.rejects().stream().map(Rejected::of).toList(),
                    r.rejectsFile() == null ? null : "/api/imports/" + r.importId() + "/rejects.csv", null);
        }
    }

    record Rejected(int row, String reason, String detail, List<String> values) {
        static Rejected of(RejectedRow row) {
            return new Rejected(row.sourceRow(), row.reason().name(), row.detail(), row.cells());
        }
    }

    record PayPeriods(List<Period> due, List<Run> runs) {
    }

    record Run(String period, int run, LocalDate payDate, String state, OffsetDateTime completedAt, int payslips,
               Money gross, Money employerCost, int shiftsHeld) {
        static Run of(PayRuns.RunRecord r) {
            return new Run(r.period().id(), r.runNumber(), r.payDate(), r.completed() ? "PAID" : "UNFINISHED",
                    r.completedAt(), r.payslips(), Money.of(r.gross()), Money.of(r.employerCost()), r.shiftsHeld());
        }
    }

    record Task(long number, String what, String by, Instant requested, String state, String outcome) {
        static Task of(BackgroundWork.Task t) {
            return new Task(t.number(), t.what(), t.by(), t.requested(), t.state().name(), t.outcome());
        }
    }

    record Jobs(List<Task> startedHere, List<JobRun> runs) {
    }

    /** A job run and its progress: the step it is in, the part of that step done (0 to 1) and the rate. */
    record JobRun(long id, String job, String subject, String status, OffsetDateTime started, OffsetDateTime ended,
                  String step, int stepNumber, int steps, long done, String unit, BigDecimal stepDone,
                  long perSecond, String failure, boolean restartable) {
        static JobRun of(JobRuns.JobRun r) {
            return new JobRun(r.id(), r.job(), r.subject(), r.status().name(), at(r.started()), at(r.ended()),
                    r.step(), r.stepNumber(), r.steps(), r.done(), r.unit(),
                    r.permille() < 0 ? null : BigDecimal.valueOf(r.permille(), 3), r.perSecond(), r.failure(),
                    r.restartable());
        }

        private static OffsetDateTime at(java.time.LocalDateTime local) {
            return local == null ? null : local.atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
    }

    record Payslip(long id, String period, int run, String serviceUserRef, String serviceUserName,
                   String mentorRef, String mentorName, Money gross, Money net, String pdf) {
        static Payslip of(PayslipFiles.PayslipFile p) {
            return new Payslip(p.id(), p.periodId(), p.run(), p.serviceUserRef(), p.serviceUserName(), p.mentorRef(),
                    p.mentorName(), Money.of(p.gross()), Money.of(p.net()), "/finance/payslips/" + p.id() + ".pdf");
        }
    }

    record Budgets(String period, List<Budget> budgets) {
    }

    record Budget(String serviceUserRef, String serviceUserName, Allocation allocation, Money openingBalance,
                  Money funding, Money spent, Money balance, BigDecimal weeksOfFundingLeft, BigDecimal hoursDelivered,
                  BigDecimal hoursPlanned, List<String> flags) {
        static Budget of(BudgetStatements.Overview o) {
            BudgetStatement s = o.statement();
            return new Budget(s.serviceUserRef(), s.serviceUserName(), Allocation.of(o.allocation()),
                    Money.of(s.openingBalance()), Money.of(s.funding()), Money.of(s.employerCost()),
                    Money.of(s.closingBalance()), s.weeksOfFundingLeft(), s.hoursDelivered(), s.hoursPlanned(),
                    s.flags());
        }
    }

    record Allocation(LocalDate start, LocalDate end, Money allocation, BigDecimal plannedHoursPerWeek,
                      Money fundedToDate) {
        static Allocation of(org.peerpay.budgets.Budgets.Allocation a) {
            return a == null ? null : new Allocation(a.start(), a.end(), Money.of(a.allocation()),
                    a.plannedHoursPerWeek(), Money.of(a.fundedToDate()));
        }
    }

    record ServiceUser(String ref, String name, String council, Allocation allocation, Money balance,
                       List<Balance> balanceByDay, Map<String, Money> spentByPeriod, List<Employment> employments,
                       List<String> statementPeriods, List<Exception> exceptions) {
        static ServiceUser of(BudgetViews.ServiceUserView v) {
            Map<String, Money> spent = new java.util.LinkedHashMap<>();
            v.history().spentByPeriod().forEach((period, amount) -> spent.put(period, Money.of(amount)));
            return new ServiceUser(v.serviceUser().ref(), v.serviceUser().name(), v.serviceUser().council(),
                    Allocation.of(v.allocation()), Money.of(v.balance()),
                    v.history().balance().stream().map(d -> new Balance(d.on(), Money.of(d.balance()))).toList(),
                    spent, v.employments().stream().map(Employment::of).toList(),
                    v.statements().stream().map(PayPeriod::id).toList(),
                    v.exceptions().stream().map(Exception::of).toList());
        }
    }

    record Balance(LocalDate on, Money balance) {
    }

    record Employment(String ref, String mentorRef, String mentorName, LocalDate start, LocalDate end,
                      String payFrequency, String rateToday) {
        static Employment of(BudgetViews.Employed e) {
            return new Employment(e.employment().ref(), e.mentor().ref(), e.mentor().name(), e.employment().start(),
                    e.employment().end(), e.employment().frequency().word(), e.rate());
        }
    }

    record Statement(String period, String serviceUserRef, String serviceUserName, Money openingBalance,
                     Money funding, Money employerCost, Money closingBalance, BigDecimal hoursDelivered,
                     BigDecimal hoursPlanned, BigDecimal weeksOfFundingLeft, List<String> flags,
                     List<MentorCost> mentors, String pdf) {
        static Statement of(BudgetStatement s) {
            return new Statement(s.periodId(), s.serviceUserRef(), s.serviceUserName(), Money.of(s.openingBalance()),
                    Money.of(s.funding()), Money.of(s.employerCost()), Money.of(s.closingBalance()),
                    s.hoursDelivered(), s.hoursPlanned(), s.weeksOfFundingLeft(), s.flags(),
                    s.mentors().stream().map(MentorCost::of).toList(),
                    "/budgets/statements/" + s.serviceUserRef() + ".pdf?period=" + s.periodId());
        }
    }

    record MentorCost(String mentorRef, String mentorName, String employmentRef, BigDecimal hours, Money grossPay,
                      Money employerNic, Money employmentAllowanceOffset, Money employerPension, Money employerCost) {
        static MentorCost of(BudgetStatement.MentorCost m) {
            return new MentorCost(m.mentorRef(), m.mentorName(), m.employmentRef(), m.hours(), Money.of(m.grossPay()),
                    Money.of(m.employerNic()), Money.of(m.employmentAllowanceOffset()),
                    Money.of(m.employerPension()), Money.of(m.employerCost()));
        }
    }

    record Exception(long id, String type, String period, String serviceUserRef, String mentorRef, LocalDate workDate,
                     String detail, String acknowledgedBy, OffsetDateTime acknowledgedAt, String acknowledgement,
                     String heldBy, OffsetDateTime heldAt, int heldShifts) {
        static Exception of(Exceptions.Listed e) {
            return new Exception(e.id(), e.type().name(), e.periodId(), e.serviceUserRef(), e.mentorRef(),
                    e.workDate(), e.detail(), e.acknowledgedBy(), e.acknowledgedAt(), e.acknowledgement(), e.heldBy(),
                    e.heldAt(), e.heldShifts());
        }
    }

    record Nightly(Instant next, List<NightlyRun> runs) {
    }

    record NightlyRun(Instant startedAt, Instant finishedAt, String trigger, Instant scheduledFor, String outcome,
                      String summary) {
        static NightlyRun of(org.peerpay.operations.NightlyRun r) {
            return new NightlyRun(r.startedAt(), r.finishedAt(), r.trigger().name(), r.scheduledFor(),
                    r.outcome().name(), r.summary());
        }
    }

    record Note(String note) {
    }

    record Shifts(int shifts) {
    }

    record PayRunRequest(String period) {
    }

    record User(String username, String role, boolean enabled, List<String> caseload) {
        static User of(UserAccount u) {
            return new User(u.username(), u.role().name(), u.enabled(), List.copyOf(u.caseload()));
        }
    }

    record Event(Instant at, String username, String action, String subject, String address) {
        static Event of(AuditEvent e) {
            return new Event(e.at(), e.username(), e.action(), e.subject(), e.address());
        }
    }
}
