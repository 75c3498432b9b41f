package org.peerpay.payroll;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerpay.budgets.BudgetStatement;
import org.peerpay.budgets.PayCosts;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.money.Gbp;
import org.peerpay.people.People;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The budgets' view of the payslips: what each period's pay cost each budget. */
@Component
class PayslipCosts implements PayCosts {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final JdbcTemplate jdbc;
    private final People people;
    private final Employments employments;

    PayslipCosts(JdbcTemplate jdbc, People people, Employments employments) {
        this.jdbc = jdbc;
        this.people = people;
        this.employments = employments;
    }

    @Override
    public Set<Long> serviceUsersPaid(PayPeriod period) {
        return new HashSet<>(jdbc.queryForList("select distinct service_user_id from payslip where period_id = ?",
                Long.class, period.id()));
    }

    @Override
    public Map<Long, List<BudgetStatement.MentorCost>> mentorCosts(PayPeriod period) {
        Map<Long, People.Mentor> mentors = people.mentors();
        Map<Long, Employment> employmentsById = employments.all();
        Map<Long, List<BudgetStatement.MentorCost>> costs = new HashMap<>();
        jdbc.query("""
                select service_user_id, mentor_id, employment_id, sum(minutes), sum(gross_pay), sum(employer_nic),
                       sum(employment_allowance_offset), sum(employer_pension), sum(employer_cost)
                from payslip where period_id = ?
                group by service_user_id, mentor_id, employment_id""", rs -> {
            People.Mentor mentor = mentors.get(rs.getLong(2));
            costs.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new BudgetStatement.MentorCost(
                    mentor.ref(), mentor.name(), employmentsById.get(rs.getLong(3)).ref(),
                    BigDecimal.valueOf(rs.getLong(4)).divide(SIXTY, 2, RoundingMode.HALF_UP), Gbp.of(rs.getBigDecimal(5)),
                    Gbp.of(rs.getBigDecimal(6)), Gbp.of(rs.getBigDecimal(7)), Gbp.of(rs.getBigDecimal(8)),
                    Gbp.of(rs.getBigDecimal(9))));
        }, period.id());
        costs.values().forEach(list -> list.sort(Comparator.comparing(BudgetStatement.MentorCost::mentorRef)
                .thenComparing(BudgetStatement.MentorCost::employmentRef)));
        return costs;
    }

    @Override
    public Map<Long, CostAndMinutes> yearToDate(PayPeriod period) {
        Map<Long, CostAndMinutes> toDate = new HashMap<>();
        jdbc.query("select service_user_id, period_id, sum(employer_cost), sum(minutes) from payslip"
                + " where period_id like ? group by service_user_id, period_id", rs -> {
            if (!PayPeriod.parse(rs.getString(2)).start().isAfter(period.start())) {
                toDate.merge(rs.getLong(1), new CostAndMinutes(Gbp.of(rs.getBigDecimal(3)), rs.getLong(4)),
                        (a, b) -> new CostAndMinutes(a.cost().add(b.cost()), a.minutes() + b.minutes()));
            }
        }, period.taxYear() + "/%");
        return toDate;
    }
}
