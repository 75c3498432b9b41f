package org.peerpay.budgets;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import org.peerpay.ledger.Account;
import org.peerpay.ledger.JournalEntry;
import org.peerpay.ledger.Ledger;
import org.peerpay.ledger.Posting;
import org.peerpay.money.Gbp;
import org.peerpay.system.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal budgets: budget periods with their support plan and allocation, and the funding received. */
@Service
public class Budgets {

    private final JdbcTemplate jdbc;
    private final Ledger ledger;

    Budgets(JdbcTemplate jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** A budget period as reference data gives it. */
    public record BudgetPeriodDetails(long serviceUserId, LocalDate start, LocalDate end,
                                      BigDecimal plannedHoursPerWeek, MonetaryAmount allocation) {
    }

    /** Funding as reference data gives it: one payment into a budget. */
    public record FundingDetails(long serviceUserId, LocalDate receivedOn, MonetaryAmount amount, String source) {
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

    /**
     * Posts each funding row received by {@code asOf} that the ledger does not hold as it now stands (funding
     * dated later waits for its day): a new row is posted (debit the funder, credit the budget); a row whose
     * amount changed since it was posted has its entry reversed and the new amount posted.
     *
     * @return entries posted (reversals included)
     */
    @Transactional
    public int postFunding(LocalDate asOf) {
        record Row(long id, long serviceUserId, LocalDate receivedOn, MonetaryAmount amount, String source) {
        }
        Map<Long, Ledger.PostedFunding> posted = ledger.postedFunding();
        List<Row> rows = jdbc.query("select id, service_user_id, received_on, amount, source from funding"
                + " where received_on <= ? order by id", (rs, i) -> new Row(rs.getLong(1), rs.getLong(2),
                rs.getObject(3, LocalDate.class), Gbp.of(rs.getBigDecimal(4)), rs.getString(5)), asOf);
        int entries = 0;
        for (Row row : rows) {
            Ledger.PostedFunding before = posted.get(row.id());
            boolean live = before != null && before.entryId() != null;
            if (live ? before.amount().isEqualTo(row.amount()) : row.amount().isZero()) {
                continue;
            }
            if (live) {
                ledger.reverse(before.entryId(), "funding of " + row.receivedOn() + " corrected to "
                        + Gbp.format(row.amount()));
                entries++;
            }
            if (!row.amount().isZero()) {
                entries += ledger.post(List.of(new JournalEntry("funding:" + row.id() + ":v"
                        + ((before == null ? 0 : before.versions()) + 1), JournalEntry.Kind.FUNDING, row.receivedOn(),
                        row.serviceUserId(), null, null, row.id(), null,
                        "Funding received " + row.receivedOn() + " (" + row.source() + ")",
                        List.of(Posting.debit(Account.FUNDER, row.serviceUserId(), null, row.amount()),
                                Posting.credit(Account.BUDGET, row.serviceUserId(), null, row.amount())))));
            }
        }
        return entries;
    }

    /** The funding received by a day, by service user. */
    public Map<Long, MonetaryAmount> fundingReceived(LocalDate asOf) {
        Map<Long, MonetaryAmount> received = new HashMap<>();
        jdbc.query("select service_user_id, sum(amount) from funding where received_on <= ? group by service_user_id",
                rs -> {
                    received.put(rs.getLong(1), Gbp.of(rs.getBigDecimal(2)));
                }, asOf);
        return received;
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
                        r.plannedHoursPerWeek(), Gbp.pounds(r.allocation())});
    }

    /** Upserts funding by service user, date and source, in the caller's transaction. */
    public Upserts.Counted saveFunding(List<FundingDetails> funding) {
        return Upserts.upsert(jdbc, funding,
                "select service_user_id || ' ' || received_on || ' ' || source from funding",
                r -> r.serviceUserId() + " " + r.receivedOn() + " " + r.source(), """
                insert into funding (service_user_id, received_on, amount, source) values (?, ?, ?, ?)
                on conflict (service_user_id, received_on, source) do update set amount = excluded.amount
                where funding.amount <> excluded.amount
                """, r -> new Object[] {r.serviceUserId(), Date.valueOf(r.receivedOn()), Gbp.pounds(r.amount()),
                        r.source()});
    }
}
