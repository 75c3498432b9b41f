package org.peerpay.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerpay.csv.CsvOutput;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.calendar.PayPeriod;
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

    BudgetStatements(JdbcTemplate jdbc, StatementPdf pdf, Exceptions exceptions) {
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.exceptions = exceptions;
    }

    public static Path directory(Path out, PayPeriod period) {
        return out.resolve("statements").resolve(period.id());
    }

    /** Writes the period's statements; returns how many. */
    @Transactional(readOnly = true)
    public int write(PayPeriod period, Path out) {
        List<BudgetStatement> statements = forPeriod(period);
        Path directory = directory(out, period);
        try (CsvOutput csv = CsvOutput.create(directory.resolve("statements.csv"), COLUMNS)) {
            for (BudgetStatement s : statements) {
                csv.row(s.periodId(), s.serviceUserRef(), s.openingBalance(), s.funding(), s.employerCost(),
                        s.closingBalance(), s.hoursDelivered(), s.hoursPlanned(), s.weeksOfFundingLeft(),
                        String.join(";", s.flags()));
            }
            csv.commit();
        }
        for (BudgetStatement s : statements) {
            pdf.write(s, period, directory.resolve(s.serviceUserRef() + ".pdf"));
        }
        return statements.size();
    }

    @Transactional(readOnly = true)
    public List<BudgetStatement> forPeriod(PayPeriod period) {
        Map<Long, String[]> serviceUsers = new LinkedHashMap<>();
        jdbc.query("""
                select s.id, s.ref, s.name, s.council from service_user s
                where exists (select 1 from employment e where e.service_user_id = s.id and e.pay_frequency = ?
                                and e.start_date <= ?)
                  and (exists (select 1 from employment e where e.service_user_id = s.id and e.pay_frequency = ?
                                 and e.start_date <= ? and (e.end_date is null or e.end_date >= ?))
                       or exists (select 1 from payslip p where p.service_user_id = s.id and p.period_id = ?)
                       or exists (select 1 from funding f where f.service_user_id = s.id and f.received_on <= ?))
                order by s.ref""", rs -> {
            serviceUsers.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
        }, period.frequency().word(), period.end(), period.frequency().word(), period.end(), period.start(),
                period.id(), period.end());

        Map<Long, BigDecimal[]> money = new HashMap<>(); // opening, funding, cost
        jdbc.query("""
                select j.service_user_id, f.received_on, -sum(p.amount)
                from journal_entry j join posting p on p.entry_id = j.id and p.account = 'BUDGET'
                join funding f on f.id = j.funding_id
                group by j.service_user_id, f.received_on""", rs -> {
            LocalDate received = rs.getObject(2, LocalDate.class);
            if (!received.isAfter(period.end())) {
                BigDecimal[] m = money.computeIfAbsent(rs.getLong(1), id -> zeros());
                m[received.isBefore(period.start()) ? 0 : 1] = m[received.isBefore(period.start()) ? 0 : 1]
                        .add(rs.getBigDecimal(3));
            }
        });
        jdbc.query("""
                select j.service_user_id, j.period_id, sum(p.amount)
                from journal_entry j join posting p on p.entry_id = j.id and p.account = 'BUDGET'
                where j.period_id is not null
                group by j.service_user_id, j.period_id""", rs -> {
            PayPeriod charged = PayPeriod.parse(rs.getString(2));
            BigDecimal[] m = money.computeIfAbsent(rs.getLong(1), id -> zeros());
            if (charged.equals(period)) {
                m[2] = m[2].add(rs.getBigDecimal(3));
            } else if (charged.start().isBefore(period.start())) {
                m[0] = m[0].subtract(rs.getBigDecimal(3));
            }
        });

        Map<Long, List<BudgetStatement.MentorCost>> mentors = new HashMap<>();
        jdbc.query("""
                select p.service_user_id, m.ref, m.name, e.ref, sum(p.minutes), sum(p.gross_pay), sum(p.employer_nic),
                       sum(p.employment_allowance_offset), sum(p.employer_pension), sum(p.employer_cost)
                from payslip p join mentor m on m.id = p.mentor_id join employment e on e.id = p.employment_id
                where p.period_id = ?
                group by p.service_user_id, m.ref, m.name, e.ref order by m.ref, e.ref""", rs -> {
            mentors.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new BudgetStatement.MentorCost(
                    rs.getString(2), rs.getString(3), rs.getString(4), hours(rs.getLong(5)), rs.getBigDecimal(6),
                    rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10)));
        }, period.id());

        Map<Long, BigDecimal> planned = new HashMap<>();
        jdbc.query("select service_user_id, planned_hours_per_week from budget_period where ? between start_date"
                + " and end_date", rs -> {
            planned.put(rs.getLong(1), rs.getBigDecimal(2));
        }, period.end());
        Map<Long, BigDecimal[]> yearCost = new HashMap<>(); // cost, minutes over the tax year so far, for cost per hour
        jdbc.query("select service_user_id, period_id, sum(employer_cost), sum(minutes) from payslip"
                + " where period_id like ? group by service_user_id, period_id", rs -> {
            if (!PayPeriod.parse(rs.getString(2)).start().isAfter(period.start())) {
                yearCost.merge(rs.getLong(1), new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)},
                        (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
            }
        }, period.taxYear() + "/%");
        Map<Long, List<String>> flags = new HashMap<>();
        exceptions.typesByServiceUser(period).forEach((id, types) ->
                flags.put(id, types.stream().map(Enum::name).toList()));

        List<BudgetStatement> statements = new ArrayList<>();
        serviceUsers.forEach((id, su) -> {
            BigDecimal[] m = money.getOrDefault(id, zeros());
            BigDecimal closing = m[0].add(m[1]).subtract(m[2]);
            List<BudgetStatement.MentorCost> costs = mentors.getOrDefault(id, List.of());
            BigDecimal hours = costs.stream().map(BudgetStatement.MentorCost::hours).reduce(zeroHours(),
                    BigDecimal::add);
            BigDecimal perWeek = planned.get(id);
            BigDecimal hoursPlanned = perWeek == null ? null : perWeek.multiply(period.weeks())
                    .setScale(2, RoundingMode.HALF_UP);
            statements.add(new BudgetStatement(period.id(), su[0], su[1], su[2], m[0], m[1], m[2], closing, hours,
                    hoursPlanned, weeksLeft(closing, perWeek, yearCost.get(id)), flags.getOrDefault(id, List.of()),
                    costs));
        });
        return statements;
    }

    /**
     * Closing balance ÷ (planned hours a week × employer cost per hour so far this tax year), to one decimal place,
     * rounded down (a budget has not got a week it has only part of); zero when overdrawn.
     */
    static BigDecimal weeksLeft(BigDecimal closing, BigDecimal plannedPerWeek, BigDecimal[] costAndMinutes) {
        if (plannedPerWeek == null || plannedPerWeek.signum() == 0 || costAndMinutes == null
                || costAndMinutes[1].signum() == 0) {
            return null;
        }
        if (closing.signum() <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        BigDecimal weeklyCost = plannedPerWeek.multiply(costAndMinutes[0]).multiply(SIXTY);
        return closing.multiply(costAndMinutes[1]).divide(weeklyCost, 1, RoundingMode.DOWN);
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal zeroHours() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static BigDecimal[] zeros() {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new BigDecimal[] {zero, zero, zero};
    }
}
