package org.peerpay.budgets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import org.peerpay.ledger.JournalEntry;
import org.peerpay.ledger.Ledger;
import org.peerpay.money.Gbp;
import org.peerpay.people.PersonIds;
import org.peerpay.system.Saved;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal budgets: budget periods with their support plan and allocation, and the funding received. */
@Service
public class Budgets {

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final BudgetPeriodRepository budgetPeriods;
    private final FundingRepository funding;

    Budgets(JdbcTemplate jdbc, Ledger ledger, BudgetPeriodRepository budgetPeriods, FundingRepository funding) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.budgetPeriods = budgetPeriods;
        this.funding = funding;
    }

    /** A budget period as reference data gives it. */
    public record BudgetPeriodDetails(long serviceUserId, LocalDate start, LocalDate end,
                                      BigDecimal plannedHoursPerWeek, MonetaryAmount allocation) {
    }

    /** Funding as reference data gives it: one payment into a budget. */
    public record FundingDetails(long serviceUserId, LocalDate receivedOn, MonetaryAmount amount, String source) {
    }

    /**
     * A budget period's allocation and the funding received in it up to a day.
     *
     * @param fundedToDate funding received from the budget period's start to the day
     */
    public record Allocation(LocalDate start, LocalDate end, MonetaryAmount allocation,
                             BigDecimal plannedHoursPerWeek, MonetaryAmount fundedToDate) {
    }

    /** The budget period in force on a day, by service user (those with one then), with its funding so far. */
    public Map<Long, Allocation> allocations(LocalDate on) {
        Map<Long, Allocation> allocations = new HashMap<>();
        jdbc.query("""
                select b.service_user_id, b.start_date, b.end_date, b.allocation, b.planned_hours_per_week,
                       coalesce((select sum(f.amount) from funding f where f.service_user_id = b.service_user_id
                                 and f.received_on between b.start_date and ?), 0)
                from budget_period b where ? between b.start_date and b.end_date""", rs -> {
            allocations.put(rs.getLong(1), new Allocation(rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalDate.class), Gbp.of(rs.getBigDecimal(4)), rs.getBigDecimal(5),
                    Gbp.of(rs.getBigDecimal(6))));
        }, on, on);
        return allocations;
    }

    /**
     * One budget's history from the ledger, for its chart: the balance at the end of each day it moved, and what
     * each pay period's pay cost it (reversals netted), in period order.
     */
    public record History(List<Ledger.BudgetDay> balance, Map<String, MonetaryAmount> spentByPeriod) {
    }

    public History history(long serviceUserId) {
        Map<String, MonetaryAmount> spent = new java.util.TreeMap<>();
        for (Ledger.BudgetMovement movement : ledger.budgetMovements(serviceUserId)) {
            if (movement.periodId() != null) {
                spent.merge(movement.periodId(), movement.amount().negate(), MonetaryAmount::add);
            }
        }
        return new History(ledger.budgetDays(serviceUserId), spent);
    }

    /** One funding receipt as a statement itemises it. */
    public record FundingItem(long serviceUserId, LocalDate receivedOn, String source, MonetaryAmount amount) {
    }

    /** Funding received from one day to another (both included), by service user, oldest first. */
    public Map<Long, List<FundingItem>> fundingItems(LocalDate from, LocalDate to) {
        Map<Long, List<FundingItem>> items = new HashMap<>();
        jdbc.query("select service_user_id, received_on, source, amount from funding where received_on between ? and ?"
                + " order by received_on, source", rs -> {
            items.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>()).add(new FundingItem(rs.getLong(1),
                    rs.getObject(2, LocalDate.class), rs.getString(3), Gbp.of(rs.getBigDecimal(4))));
        }, from, to);
        return items;
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

    private static final int FUNDING_POSTED_AT_ONCE = 5_000;

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
        List<JournalEntry> fresh = new ArrayList<>();
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
                int version = (before == null ? 0 : before.versions()) + 1;
                fresh.add(JournalEntry.funding(row.id(), version, row.serviceUserId(), row.receivedOn(),
                        row.amount(), row.source()));
            }
        }
        // posted together, a few thousand a statement: one at a time, a council's 20,000 took 20 s of the server's time
        for (int from = 0; from < fresh.size(); from += FUNDING_POSTED_AT_ONCE) {
            entries += ledger.post(fresh.subList(from, Math.min(fresh.size(), from + FUNDING_POSTED_AT_ONCE)));
        }
        return entries;
    }

    /** The service users with a budget period or funding dated after a day: their records are still kept. */
    public PersonIds recordsKeptAfter(LocalDate day) {
        return PersonIds.named(jdbc, """
                select null::bigint as mentor_id, service_user_id from budget_period where end_date > ?
                union select null, service_user_id from funding where received_on > ?""", day, day);
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

    /** Saves budget periods by service user and start date, in the caller's transaction. */
    @Transactional
    public Saved saveBudgetPeriods(List<BudgetPeriodDetails> periods) {
        return Saved.byKey(periods, d -> BudgetPeriodEntity.key(d.serviceUserId(), d.start()), budgetPeriods.findAll(),
                BudgetPeriodEntity::key, BudgetPeriodEntity::new, BudgetPeriodEntity::update, budgetPeriods::saveAll);
    }

    /** Saves funding by service user, date and source (a changed amount is a correction), in the caller's transaction. */
    @Transactional
    public Saved saveFunding(List<FundingDetails> received) {
        return Saved.byKey(received, d -> FundingEntity.key(d.serviceUserId(), d.receivedOn(), d.source()),
                funding.findAll(), FundingEntity::key, FundingEntity::new,
                (entity, details) -> entity.correct(details.amount()), funding::saveAll);
    }
}
