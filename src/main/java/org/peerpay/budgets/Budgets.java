package org.peerpay.budgets;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerpay.system.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Personal budgets: budget periods with their support plan and allocation, and the funding received. */
@Service
public class Budgets {

    private final JdbcTemplate jdbc;

    Budgets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A budget period as reference data gives it. */
    public record BudgetPeriodDetails(long serviceUserId, LocalDate start, LocalDate end,
                                      BigDecimal plannedHoursPerWeek, BigDecimal allocation) {
    }

    /** Funding as reference data gives it: one payment into a budget. */
    public record FundingDetails(long serviceUserId, LocalDate receivedOn, BigDecimal amount, String source) {
    }

    /** The support plan's hours a week in force on a date, by service user (those with a budget period then). */
    public Map<Long, BigDecimal> plannedHoursPerWeek(LocalDate on) {
        Map<Long, BigDecimal> planned = new HashMap<>();
        jdbc.query("select service_user_id, planned_hours_per_week from budget_period where ? between start_date"
                + " and end_date", rs -> {
            planned.put(rs.getLong(1), rs.getBigDecimal(2));
        }, on);
        return planned;
    }

    /** Upserts budget periods by service user and start date, in the caller's transaction. */
    public Upserts.Counted saveBudgetPeriods(List<BudgetPeriodDetails> periods) {
        return Upserts.upsert(jdbc, periods, "select service_user_id || ' from ' || start_date from budget_period",
                r -> r.serviceUserId() + " from " + r.start(), """
                insert into budget_period (service_user_id, start_date, end_date, planned_hours_per_week, allocation)
                values (?, ?, ?, ?, ?)
                on conflict (service_user_id, start_date) do update set end_date = excluded.end_date,
                    planned_hours_per_week = excluded.planned_hours_per_week, allocation = excluded.allocation
                where (budget_period.end_date, budget_period.planned_hours_per_week, budget_period.allocation)
                    is distinct from (excluded.end_date, excluded.planned_hours_per_week, excluded.allocation)
                """, r -> new Object[] {r.serviceUserId(), Date.valueOf(r.start()), Date.valueOf(r.end()),
                        r.plannedHoursPerWeek(), r.allocation()});
    }

    /** Upserts funding by service user, date and source, in the caller's transaction. */
    public Upserts.Counted saveFunding(List<FundingDetails> funding) {
        return Upserts.upsert(jdbc, funding,
                "select service_user_id || ' ' || received_on || ' ' || source from funding",
                r -> r.serviceUserId() + " " + r.receivedOn() + " " + r.source(), """
                insert into funding (service_user_id, received_on, amount, source) values (?, ?, ?, ?)
                on conflict (service_user_id, received_on, source) do update set amount = excluded.amount
                where funding.amount <> excluded.amount
                """, r -> new Object[] {r.serviceUserId(), Date.valueOf(r.receivedOn()), r.amount(), r.source()});
    }
}
