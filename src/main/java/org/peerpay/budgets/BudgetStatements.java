package org.peerpay.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.PayCalendar;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.filing.HmrcAccount;
import org.peerpay.csv.CsvOutput;
import org.peerpay.documents.PdfBatch;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.ledger.Account;
import org.peerpay.ledger.Ledger;
import org.peerpay.money.Gbp;
import org.peerpay.people.People;
import org.peerpay.system.OutputPaths;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.system.UserFacingException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works out budget statements from the ledger and the payslips, and writes them: {@code statements/<period>/}
 * {@code statements.csv} and one PDF per service user. A statement is made for every budget of the period's pay
 * frequency (a service user who has employed someone at it) with funding, charges or a balance by the period's
 * end, or an employment during it: an idle budget with money in it is stated too (and flagged IDLE_BUDGET by the
 * pay run's review).
 */
@Service
public class BudgetStatements {

    static final String[] COLUMNS = {"period", "service_user_ref", "opening_balance", "funding", "employer_cost",
            "closing_balance", "hours_delivered", "hours_planned", "weeks_of_funding_left", "flags", "bank_opening",
            "funds_in", "wages_paid", "paid_to_hmrc", "paid_to_pension_scheme", "bank_closing", "owed_to_mentors",
            "owed_to_hmrc", "owed_to_pension_scheme", "allocation", "spent_to_date", "forecast", "hmrc_tax_month",
            "hmrc_net_due", "hmrc_due_date"};
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final JdbcTemplate jdbc;
    private final StatementPdf pdf;
    private final Exceptions exceptions;
    private final Ledger ledger;
    private final Budgets budgets;
    private final People people;
    private final Employments employments;
    private final PayCosts payCosts;
    private final HmrcAccount hmrcAccount;
    private final PayCalendar calendar;

    BudgetStatements(JdbcTemplate jdbc, StatementPdf pdf, Exceptions exceptions, Ledger ledger, Budgets budgets,
                     People people, Employments employments, PayCosts payCosts, HmrcAccount hmrcAccount,
                     PayCalendar calendar) {
        this.hmrcAccount = hmrcAccount;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.exceptions = exceptions;
        this.ledger = ledger;
        this.budgets = budgets;
        this.people = people;
        this.employments = employments;
        this.payCosts = payCosts;
    }

    public static Path directory(Path out, PayPeriod period) {
        return OutputPaths.under(out, "statements", period.id());
    }

    /** Where a service user's statement of the period is written. */
    public static Path pdf(Path out, PayPeriod period, String serviceUserRef) {
        return OutputPaths.under(directory(out, period), OutputPaths.name(serviceUserRef) + ".pdf");
    }

    /** Writes the period's statements; returns how many. */
    @Transactional(readOnly = true)
    public int write(PayPeriod period, Path out) {
        List<BudgetStatement> statements = forPeriod(period);
        Path directory = directory(out, period);
        try (CsvOutput csv = CsvOutput.create(directory.resolve("statements.csv"), COLUMNS)) {
            for (BudgetStatement s : statements) {
                csv.row(row(s));
            }
            csv.commit();
        }
        PdfBatch.writeAll(statements, s -> pdf.write(s, period, pdf(out, period, s.serviceUserRef())));
        return statements.size();
    }

    /** A budget's statements for a tax year: every period of it that has ended by the day, oldest first. */
    public record Annual(String taxYear, String serviceUserRef, List<BudgetStatement> periods, Path csv, Path pdf) {
    }

    /**
     * Writes a service user's annual statement for a tax year ({@code statements/<year>/<ref>-annual.csv} and
     * {@code .pdf}): each pay period of the year that ended before {@code asOf}, at each frequency the service user
     * employs on, with its figures, and the year's totals.
     *
     * @throws UserFacingException when there is no such service user, or the tax year is not like 2026-27
     */
    @Transactional(readOnly = true)
    public Annual writeAnnual(String taxYear, String serviceUserRef, LocalDate asOf, Path out) {
        Long id = people.serviceUserIds().get(serviceUserRef);
        if (id == null) {
            throw new UserFacingException("There is no service user " + serviceUserRef + ".");
        }
        if (!taxYear.matches("\\d{4}-\\d{2}")) {
            throw new UserFacingException("'" + taxYear + "' is not a tax year: write it like 2026-27.");
        }
        int start = Integer.parseInt(taxYear.substring(0, 4));
        Set<PayFrequency> frequencies = new java.util.TreeSet<>();
        employments.all().values().stream().filter(e -> e.serviceUserId() == id)
                .forEach(e -> frequencies.add(e.frequency()));
        List<BudgetStatement> periods = new ArrayList<>();
        for (PayFrequency frequency : frequencies) {
            for (PayPeriod period = new PayPeriod(start, frequency, 1); period.taxYearStart() == start
                    && period.end().isBefore(asOf); period = period.next()) {
                forPeriod(period).stream().filter(st -> st.serviceUserRef().equals(serviceUserRef))
                        .forEach(periods::add);
            }
        }
        Path directory = OutputPaths.under(out, "statements", taxYear);
        Path csvFile = directory.resolve(OutputPaths.name(serviceUserRef + "-annual.csv"));
        try (CsvOutput csv = CsvOutput.create(csvFile, COLUMNS)) {
            periods.forEach(st -> csv.row(row(st)));
            csv.commit();
        }
        Path pdfFile = directory.resolve(OutputPaths.name(serviceUserRef + "-annual.pdf"));
        pdf.writeAnnual(taxYear, periods, pdfFile);
        return new Annual(taxYear, serviceUserRef, periods, csvFile, pdfFile);
    }

    /** A statement as a row of {@link #COLUMNS}. */
    static Object[] row(BudgetStatement s) {
        BudgetStatement.Cash c = s.cash();
        BudgetStatement.BudgetYear y = s.year();
        return new Object[] {s.periodId(), s.serviceUserRef(), Gbp.pounds(s.openingBalance()), Gbp.pounds(s.funding()),
                Gbp.pounds(s.employerCost()), Gbp.pounds(s.closingBalance()), s.hoursDelivered(), s.hoursPlanned(),
                s.overdrawn() ? null : s.weeksOfFundingLeft(), String.join(";", s.flags()),
                Gbp.pounds(c.openingBank()), Gbp.pounds(c.fundsInTotal()), Gbp.pounds(c.wagesPaidTotal()),
                Gbp.pounds(c.paidToHmrc()), Gbp.pounds(c.paidToPensionScheme()), Gbp.pounds(c.closingBank()),
                Gbp.pounds(c.owedToMentors()), Gbp.pounds(c.owedToHmrc()), Gbp.pounds(c.owedToPensionScheme()),
                y == null ? null : Gbp.pounds(y.allocation()), y == null ? null : Gbp.pounds(y.spentToDate()),
                y == null ? null : Gbp.pounds(y.forecast()), s.hmrc() == null ? null : s.hmrc().taxMonth(),
                s.hmrc() == null ? null : Gbp.pounds(s.hmrc().netDue()),
                s.hmrc() == null ? null : s.hmrc().dueDate().toString()};
    }

    /** A budget over a period, with the budget period's allocation and funding so far (null when none is in force). */
    public record Overview(BudgetStatement statement, Budgets.Allocation allocation) {
    }

    /** The period's statements, each with the allocation in force at the period's end. */
    @Transactional(readOnly = true)
    public List<Overview> overview(PayPeriod period) {
        Map<String, Long> ids = people.serviceUserIds();
        Map<Long, Budgets.Allocation> allocations = budgets.allocations(period.end());
        return forPeriod(period).stream()
                .map(s -> new Overview(s, allocations.get(ids.get(s.serviceUserRef()))))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<BudgetStatement> forPeriod(PayPeriod period) {
        Set<Long> paid = payCosts.serviceUsersPaid(period);
        Set<Long> ofThisFrequency = new HashSet<>();
        Set<Long> employing = new HashSet<>();
        for (Employment e : employments.paid(period.frequency()).values()) {
            if (!e.start().isAfter(period.end())) {
                ofThisFrequency.add(e.serviceUserId());
                if (e.end() == null || !e.end().isBefore(period.start())) {
                    employing.add(e.serviceUserId());
                }
            }
        }
        Set<Long> funded = new HashSet<>(jdbc.queryForList("select distinct service_user_id from funding"
                + " where received_on <= ?", Long.class, period.end()));
        Map<Long, People.ServiceUser> serviceUsers = new LinkedHashMap<>();
        people.serviceUsers().forEach((id, su) -> {
            if (ofThisFrequency.contains(id) && (employing.contains(id) || paid.contains(id) || funded.contains(id))) {
                serviceUsers.put(id, su);
            }
        });

        Map<Long, MonetaryAmount[]> money = new HashMap<>(); // opening, funding, cost
        List<Ledger.BudgetMovement> movements = ledger.budgetMovements();
        for (Ledger.BudgetMovement movement : movements) {
            MonetaryAmount[] m = money.computeIfAbsent(movement.serviceUserId(), id -> zeros());
            if (movement.fundedOn() != null) {
                if (!movement.fundedOn().isAfter(period.end())) {
                    int at = movement.fundedOn().isBefore(period.start()) ? 0 : 1;
                    m[at] = m[at].add(movement.amount());
                }
            } else if (movement.periodId() != null) {
                PayPeriod charged = PayPeriod.parse(movement.periodId());
                if (charged.equals(period)) {
                    m[2] = m[2].subtract(movement.amount());
                } else if (charged.start().isBefore(period.start())) {
                    m[0] = m[0].add(movement.amount());
                }
            }
        }

        Map<Long, List<BudgetStatement.MentorCost>> mentors = payCosts.mentorCosts(period);
        Map<Long, BigDecimal> planned = budgets.plannedHoursPerWeek(period.end());
        Map<Long, PayCosts.CostAndMinutes> yearCost = payCosts.yearToDate(period);
        Map<Long, List<String>> flags = new HashMap<>();
        exceptions.typesByServiceUser(period).forEach((id, types) ->
                flags.put(id, types.stream().map(Enum::name).toList()));

        Map<Long, BudgetStatement.Cash> cash = cash(period, serviceUsers.keySet(), movements);
        LocalDate payDate = calendar.payDate(period);
        int taxMonth = PayPeriod.containing(PayFrequency.MONTHLY, payDate).number();
        Map<Long, HmrcAccount.P32Month> hmrc = new HashMap<>();
        hmrcAccount.p32(PayPeriod.containing(PayFrequency.MONTHLY, payDate).taxYear()).stream()
                .filter(m -> m.taxMonth() == taxMonth).forEach(m -> hmrc.put(m.serviceUserId(), m));
        Map<Long, Budgets.Allocation> allocations = budgets.allocations(period.end());

        List<BudgetStatement> statements = new ArrayList<>();
        serviceUsers.forEach((id, su) -> {
            MonetaryAmount[] m = money.getOrDefault(id, zeros());
            MonetaryAmount closing = m[0].add(m[1]).subtract(m[2]);
            List<BudgetStatement.MentorCost> costs = mentors.getOrDefault(id, List.of());
            BigDecimal hours = costs.stream().map(BudgetStatement.MentorCost::hours).reduce(zeroHours(),
                    BigDecimal::add);
            BigDecimal perWeek = planned.get(id);
            BigDecimal hoursPlanned = perWeek == null ? null : perWeek.multiply(period.weeks())
                    .setScale(2, RoundingMode.HALF_UP);
            statements.add(new BudgetStatement(period.id(), su.ref(), su.name(), su.council(), m[0], m[1], m[2],
                    closing, hours,
                    hoursPlanned, weeksLeft(closing, perWeek, yearCost.get(id)), flags.getOrDefault(id, List.of()),
                    costs, cash.get(id), budgetYear(period, id, allocations.get(id), movements, yearCost.get(id)),
                    hmrc.get(id)));
        });
        return statements;
    }

    /**
     * Each budget's bank account over the period and what it owed at the period's end, from the ledger: funds in by
     * the day received, money out by the day the bank paid (settlements), owed = the pay of this period and before
     * less what was paid by the period's end.
     */
    private Map<Long, BudgetStatement.Cash> cash(PayPeriod period, Set<Long> serviceUserIds,
                                                 List<Ledger.BudgetMovement> movements) {
        Map<Long, List<Budgets.FundingItem>> fundsIn = budgets.fundingItems(period.start(), period.end());
        Map<Long, MonetaryAmount> fundedBefore = new HashMap<>();
        for (Ledger.BudgetMovement m : movements) {
            if (m.fundedOn() != null && m.fundedOn().isBefore(period.start())) {
                fundedBefore.merge(m.serviceUserId(), m.amount(), MonetaryAmount::add);
            }
        }
        Map<Long, Employment> employmentsById = employments.all();
        Map<Long, People.Mentor> mentors = people.mentors();
        record Owing(Map<Account, MonetaryAmount> owed, Map<Account, MonetaryAmount> paidIn,
                     Map<Long, MonetaryAmount> wages, MonetaryAmount[] paidBefore) {
        }
        Map<Long, Owing> byServiceUser = new HashMap<>();
        for (Ledger.LiabilityMovement m : ledger.liabilityMovements()) {
            Owing o = byServiceUser.computeIfAbsent(m.serviceUserId(), id -> new Owing(new java.util.EnumMap<>(
                    Account.class), new java.util.EnumMap<>(Account.class), new java.util.TreeMap<>(),
                    new MonetaryAmount[] {Gbp.ZERO}));
            if (m.paidOn() == null) {
                if (!PayPeriod.parse(m.periodId()).start().isAfter(period.start())) {
                    o.owed().merge(m.liability(), m.amount(), MonetaryAmount::add);
                }
            } else if (!m.paidOn().isAfter(period.end())) {
                o.owed().merge(m.liability(), m.amount(), MonetaryAmount::add);
                if (m.paidOn().isBefore(period.start())) {
                    o.paidBefore()[0] = o.paidBefore()[0].add(m.amount());
                } else {
                    o.paidIn().merge(m.liability(), m.amount().negate(), MonetaryAmount::add);
                    if (m.liability() == Account.NET_PAY_OWED) {
                        o.wages().merge(m.employmentId(), m.amount().negate(), MonetaryAmount::add);
                    }
                }
            }
        }
        Map<Long, BudgetStatement.Cash> cash = new HashMap<>();
        for (long id : serviceUserIds) {
            Owing o = byServiceUser.getOrDefault(id, new Owing(Map.of(), Map.of(), Map.of(),
                    new MonetaryAmount[] {Gbp.ZERO}));
            List<Budgets.FundingItem> in = fundsIn.getOrDefault(id, List.of());
            List<BudgetStatement.MentorPaid> wages = o.wages().entrySet().stream().map(e -> {
                People.Mentor mentor = mentors.get(employmentsById.get(e.getKey()).mentorId());
                return new BudgetStatement.MentorPaid(mentor.ref(), mentor.name(), e.getValue());
            }).toList();
            MonetaryAmount opening = fundedBefore.getOrDefault(id, Gbp.ZERO).add(o.paidBefore()[0]);
            MonetaryAmount paidToHmrc = o.paidIn().getOrDefault(Account.HMRC_OWED, Gbp.ZERO);
            MonetaryAmount paidToScheme = o.paidIn().getOrDefault(Account.PENSION_OWED, Gbp.ZERO);
            MonetaryAmount fundsInTotal = in.stream().map(Budgets.FundingItem::amount)
                    .reduce(Gbp.ZERO, MonetaryAmount::add);
            MonetaryAmount wagesTotal = wages.stream().map(BudgetStatement.MentorPaid::amount)
                    .reduce(Gbp.ZERO, MonetaryAmount::add);
            cash.put(id, new BudgetStatement.Cash(opening, in, wages, paidToHmrc, paidToScheme,
                    opening.add(fundsInTotal).subtract(wagesTotal).subtract(paidToHmrc).subtract(paidToScheme),
                    o.owed().getOrDefault(Account.NET_PAY_OWED, Gbp.ZERO),
                    o.owed().getOrDefault(Account.HMRC_OWED, Gbp.ZERO),
                    o.owed().getOrDefault(Account.PENSION_OWED, Gbp.ZERO)));
        }
        return cash;
    }

    /**
     * The budget year the period ends in: pay charged for its periods up to this one, and the forecast were the
     * planned hours a week delivered from the period's end to the year's end at this tax year's cost per hour so far.
     */
    private static BudgetStatement.BudgetYear budgetYear(PayPeriod period, long serviceUserId,
                                                         Budgets.Allocation allocation,
                                                         List<Ledger.BudgetMovement> movements,
                                                         PayCosts.CostAndMinutes toDate) {
        if (allocation == null) {
            return null;
        }
        MonetaryAmount spent = Gbp.ZERO;
        for (Ledger.BudgetMovement m : movements) {
            if (m.serviceUserId() == serviceUserId && m.periodId() != null) {
                PayPeriod paid = PayPeriod.parse(m.periodId());
                if (!paid.end().isBefore(allocation.start()) && !paid.start().isAfter(period.start())) {
                    spent = spent.subtract(m.amount());
                }
            }
        }
        MonetaryAmount forecast = spent;
        if (toDate != null && toDate.minutes() > 0 && allocation.plannedHoursPerWeek() != null) {
            BigDecimal weeksLeft = BigDecimal.valueOf(java.time.temporal.ChronoUnit.DAYS.between(period.end(),
                    allocation.end())).divide(BigDecimal.valueOf(7), 4, RoundingMode.HALF_UP);
            // planned hours a week × weeks left × cost per minute so far × 60, to the penny
            forecast = spent.add(Gbp.roundedToPenny(allocation.plannedHoursPerWeek().multiply(weeksLeft)
                    .multiply(Gbp.pounds(toDate.cost())).multiply(SIXTY)
                    .divide(BigDecimal.valueOf(toDate.minutes()), 10, RoundingMode.HALF_UP)));
        }
        return new BudgetStatement.BudgetYear(allocation.start(), allocation.end(), allocation.allocation(), spent,
                forecast);
    }

    /**
     * Closing balance ÷ (planned hours a week × employer cost per hour so far this tax year), to one decimal place,
     * rounded down (a budget has not got a week it has only part of); zero when overdrawn.
     */
    static BigDecimal weeksLeft(MonetaryAmount closingAmount, BigDecimal plannedPerWeek,
                                PayCosts.CostAndMinutes toDate) {
        BigDecimal closing = Gbp.pounds(closingAmount);
        if (plannedPerWeek == null || plannedPerWeek.signum() == 0 || toDate == null || toDate.minutes() == 0) {
            return null;
        }
        if (closing.signum() <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        BigDecimal weeklyCost = plannedPerWeek.multiply(Gbp.pounds(toDate.cost())).multiply(SIXTY);
        return closing.multiply(BigDecimal.valueOf(toDate.minutes())).divide(weeklyCost, 1, RoundingMode.DOWN);
    }

    private static BigDecimal zeroHours() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static MonetaryAmount[] zeros() {
        return new MonetaryAmount[] {Gbp.ZERO, Gbp.ZERO, Gbp.ZERO};
    }
}
