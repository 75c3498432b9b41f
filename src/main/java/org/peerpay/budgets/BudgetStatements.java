package org.peerpay.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.csv.CsvOutput;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.ledger.Ledger;
import org.peerpay.money.Gbp;
import org.peerpay.people.People;
import org.peerpay.system.OutputPaths;
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
            "closing_balance", "hours_delivered", "hours_planned", "weeks_of_funding_left", "flags"};
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final JdbcTemplate jdbc;
    private final StatementPdf pdf;
    private final Exceptions exceptions;
    private final Ledger ledger;
    private final Budgets budgets;
    private final People people;
    private final Employments employments;
    private final PayCosts payCosts;

    BudgetStatements(JdbcTemplate jdbc, StatementPdf pdf, Exceptions exceptions, Ledger ledger, Budgets budgets,
                     People people, Employments employments, PayCosts payCosts) {
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
                csv.row(s.periodId(), s.serviceUserRef(), Gbp.pounds(s.openingBalance()), Gbp.pounds(s.funding()),
                        Gbp.pounds(s.employerCost()), Gbp.pounds(s.closingBalance()), s.hoursDelivered(), s.hoursPlanned(), s.weeksOfFundingLeft(),
                        String.join(";", s.flags()));
            }
            csv.commit();
        }
        for (BudgetStatement s : statements) {
            pdf.write(s, period, pdf(out, period, s.serviceUserRef()));
        }
        return statements.size();
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
        for (Ledger.BudgetMovement movement : ledger.budgetMovements()) {
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
                    costs));
        });
        return statements;
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
