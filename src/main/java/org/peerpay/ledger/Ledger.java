package org.peerpay.ledger;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.money.MonetaryAmount;
import org.peerpay.money.Gbp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts to the ledger and reads balances from it. Entries are inserted a batch at a time, each whole: the entries
 * in one statement, then all their postings in one statement (the database checks that each entry balances).
 */
@Component
public class Ledger {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Ledger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Posts the entries whose idempotency keys are not posted yet, in the caller's transaction.
     *
     * @return how many were posted (the others were posted before)
     */
    public int post(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        return jdbc.execute((Connection c) -> {
            Map<String, Long> ids = insertEntries(c, entries);
            insertPostings(c, entries, ids);
            return ids.size();
        });
    }

    private static Map<String, Long> insertEntries(Connection c, List<JournalEntry> entries) throws SQLException {
        int n = entries.size();
        String[] keys = new String[n];
        String[] kinds = new String[n];
        Date[] dates = new Date[n];
        Long[] serviceUsers = new Long[n];
        String[] periods = new String[n];
        Long[] payslips = new Long[n];
        Long[] fundings = new Long[n];
        Long[] reversed = new Long[n];
        String[] descriptions = new String[n];
        for (int i = 0; i < n; i++) {
            JournalEntry e = entries.get(i);
            keys[i] = e.idempotencyKey();
            kinds[i] = e.kind().name();
            dates[i] = Date.valueOf(e.entryDate());
            serviceUsers[i] = e.serviceUserId();
            periods[i] = e.periodId();
            payslips[i] = e.payslipId();
            fundings[i] = e.fundingId();
            reversed[i] = e.reverses();
            descriptions[i] = e.description();
        }
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement insert = c.prepareStatement("""
                insert into journal_entry (idempotency_key, kind, entry_date, service_user_id, period_id, payslip_id,
                                           funding_id, reverses, description)
                select * from unnest(?::text[], ?::text[], ?::date[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[],
                                     ?::bigint[], ?::text[])
                on conflict (idempotency_key) do nothing
                returning id, idempotency_key""")) {
            insert.setArray(1, c.createArrayOf("text", keys));
            insert.setArray(2, c.createArrayOf("text", kinds));
            insert.setArray(3, c.createArrayOf("date", dates));
            insert.setArray(4, c.createArrayOf("bigint", serviceUsers));
            insert.setArray(5, c.createArrayOf("text", periods));
            insert.setArray(6, c.createArrayOf("bigint", payslips));
            insert.setArray(7, c.createArrayOf("bigint", fundings));
            insert.setArray(8, c.createArrayOf("bigint", reversed));
            insert.setArray(9, c.createArrayOf("text", descriptions));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void insertPostings(Connection c, List<JournalEntry> entries, Map<String, Long> ids)
            throws SQLException {
        List<Long> entryIds = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<Long> serviceUsers = new ArrayList<>();
        List<Long> employments = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        for (JournalEntry e : entries) {
            Long id = ids.get(e.idempotencyKey());
            if (id == null) {
                continue;
            }
            int line = 1;
            for (Posting p : e.postings()) {
                entryIds.add(id);
                lineNos.add(line++);
                accounts.add(p.account().name());
                serviceUsers.add(p.serviceUserId());
                employments.add(p.employmentId());
                amounts.add(Gbp.pounds(p.amount()));
            }
        }
        if (entryIds.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into posting (entry_id, line_no, account, service_user_id, employment_id, amount)
                select * from unnest(?::bigint[], ?::smallint[], ?::text[], ?::bigint[], ?::bigint[], ?::numeric[])""")) {
            insert.setArray(1, array(c, "bigint", entryIds));
            insert.setArray(2, array(c, "integer", lineNos));
            insert.setArray(3, array(c, "text", accounts));
            insert.setArray(4, array(c, "bigint", serviceUsers));
            insert.setArray(5, array(c, "bigint", employments));
            insert.setArray(6, array(c, "numeric", amounts));
            insert.executeUpdate();
        }
    }

    private static Array array(Connection c, String type, List<?> values) throws SQLException {
        return c.createArrayOf(type, values.toArray());
    }

    /**
     * A funding row's standing in the ledger: its live entry (not reversed) and that entry's amount, both null when
     * every entry was reversed, and how many entries it has had.
     */
    public record PostedFunding(Long entryId, MonetaryAmount amount, int versions) {
    }

    /** The funding rows in the ledger, by funding id: each one's live entry, or only a count when all are reversed. */
    public Map<Long, PostedFunding> postedFunding() {
        Map<Long, PostedFunding> posted = new HashMap<>();
        jdbc.query("""
                select j.funding_id, count(*),
                       max(j.id) filter (where not exists (select 1 from journal_entry r where r.reverses = j.id)),
                       -sum(p.amount) filter (where not exists (select 1 from journal_entry r where r.reverses = j.id))
                from journal_entry j join posting p on p.entry_id = j.id and p.account = 'BUDGET'
                where j.kind = 'FUNDING'
                group by j.funding_id""", rs -> {
            BigDecimal amount = rs.getBigDecimal(4);
            posted.put(rs.getLong(1), new PostedFunding((Long) rs.getObject(3), amount == null ? null : Gbp.of(amount),
                    rs.getInt(2)));
        });
        return posted;
    }

    /**
     * Every budget's balance, by service user: funding counted from the day it was received (a correction of
     * funding from the day the corrected funding was received), everything else from its entry date. The one
     * query of budget balances.
     */
    public Map<Long, MonetaryAmount> budgetBalances(LocalDate fundedBy, LocalDate chargedBy) {
        Map<Long, MonetaryAmount> balances = new HashMap<>();
        jdbc.query("""
                select x.service_user_id, -sum(x.amount)
                from posting x join journal_entry j on j.id = x.entry_id
                left join journal_entry o on o.id = j.reverses
                where x.account = 'BUDGET'
                  and case when j.funding_id is not null then coalesce(o.entry_date, j.entry_date) <= ?
                           else j.entry_date <= ? end
                group by x.service_user_id""", rs -> {
            balances.put(rs.getLong(1), Gbp.of(rs.getBigDecimal(2)));
        }, fundedBy, chargedBy);
        return balances;
    }

    /** Every budget's balance with every entry counted. */
    public Map<Long, MonetaryAmount> budgetBalances() {
        LocalDate everything = LocalDate.of(9999, 12, 31);
        return budgetBalances(everything, everything);
    }

    /** The balance of one budget, as of a day. */
    public MonetaryAmount balanceOf(long serviceUserId, LocalDate asOf) {
        return budgetBalances(asOf, asOf).getOrDefault(serviceUserId, Gbp.ZERO);
    }

    /**
     * What moved each budget, summed: funding by the day it was received ({@code periodId} null), and pay by the
     * period it paid for ({@code fundedOn} null). Amounts are what the budget gained: funding positive, pay
     * negative.
     */
    public record BudgetMovement(long serviceUserId, LocalDate fundedOn, String periodId, MonetaryAmount amount) {
    }

    public List<BudgetMovement> budgetMovements() {
        return budgetMovements(null);
    }

    /** As {@link #budgetMovements()}, of one service user's budget (every budget, given null). */
    public List<BudgetMovement> budgetMovements(Long serviceUserId) {
        return jdbc.query("""
                select x.service_user_id,
                       case when j.funding_id is not null then coalesce(o.entry_date, j.entry_date) end as funded_on,
                       case when j.funding_id is null then j.period_id end as period_id,
                       -sum(x.amount)
                from posting x join journal_entry j on j.id = x.entry_id
                left join journal_entry o on o.id = j.reverses
                where x.account = 'BUDGET' and (?::bigint is null or x.service_user_id = ?)
                group by 1, 2, 3""", (rs, i) -> new BudgetMovement(rs.getLong(1), rs.getObject(2, LocalDate.class),
                rs.getString(3), Gbp.of(rs.getBigDecimal(4))), serviceUserId, serviceUserId);
    }

    /**
     * What moved the liabilities a payslip makes (net pay to a mentor, HMRC, the pension scheme): a payslip's charge
     * (and its reversal) by the period it paid for, owed, positive; a settlement by the day it was paid, negative.
     *
     * @param employmentId the employment whose net pay it is; null for HMRC and the pension scheme
     */
    public record LiabilityMovement(long serviceUserId, Account liability, Long employmentId, String periodId,
                                    LocalDate paidOn, MonetaryAmount amount) {
    }

    public List<LiabilityMovement> liabilityMovements() {
        return jdbc.query("""
                select x.service_user_id, x.account, x.employment_id,
                       case when j.kind <> 'SETTLEMENT' then j.period_id end,
                       case when j.kind = 'SETTLEMENT' then j.entry_date end, -sum(x.amount)
                from posting x join journal_entry j on j.id = x.entry_id
                where x.account in ('NET_PAY_OWED', 'HMRC_OWED', 'PENSION_OWED')
                group by 1, 2, 3, 4, 5""", (rs, i) -> new LiabilityMovement(rs.getLong(1),
                Account.valueOf(rs.getString(2)), (Long) rs.getObject(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), Gbp.of(rs.getBigDecimal(6))));
    }

    /**
     * One budget's balance at the end of each day it moved, counting as {@link #budgetBalances} does (funding from
     * the day it was received, everything else from its entry date), oldest first.
     */
    public record BudgetDay(LocalDate on, MonetaryAmount balance) {
    }

    public List<BudgetDay> budgetDays(long serviceUserId) {
        return jdbc.query("""
                select day, sum(sum(moved)) over (order by day)
                from (select case when j.funding_id is not null then coalesce(o.entry_date, j.entry_date)
                                  else j.entry_date end as day, -x.amount as moved
                      from posting x join journal_entry j on j.id = x.entry_id
                      left join journal_entry o on o.id = j.reverses
                      where x.account = 'BUDGET' and x.service_user_id = ?) m
                group by day order by day""", (rs, i) -> new BudgetDay(rs.getObject(1, LocalDate.class),
                Gbp.of(rs.getBigDecimal(2))), serviceUserId);
    }

    /** How many payslip entries charge each payslip (its id), and which of them were reversed. */
    public record PayslipCharges(Map<Long, Integer> entries, Set<Long> reversed) {
    }

    public PayslipCharges payslipCharges() {
        Map<Long, Integer> entries = new HashMap<>();
        Set<Long> reversed = new HashSet<>();
        jdbc.query("""
                select j.payslip_id, count(*), bool_or(exists (select 1 from journal_entry r where r.reverses = j.id))
                from journal_entry j where j.kind = 'PAYSLIP' group by j.payslip_id""", rs -> {
            entries.put(rs.getLong(1), rs.getInt(2));
            if (rs.getBoolean(3)) {
                reversed.add(rs.getLong(1));
            }
        });
        return new PayslipCharges(entries, reversed);
    }

    /** What budgets were charged for each pay period (reversals net off). */
    public Map<String, MonetaryAmount> chargesByPeriod() {
        Map<String, MonetaryAmount> charges = new TreeMap<>();
        jdbc.query("""
                select j.period_id, sum(p.amount)
                from journal_entry j join posting p on p.entry_id = j.id and p.account = 'BUDGET'
                where j.period_id is not null group by j.period_id""", rs -> {
            charges.put(rs.getString(1), Gbp.of(rs.getBigDecimal(2)));
        });
        return charges;
    }

    /**
     * The ledger checked against itself: entries whose postings do not sum to zero, or that have none (at most
     * 50 listed), and how many entries there are.
     */
    public record SelfCheck(long entries, List<String> unbalanced) {
    }

    public SelfCheck checkEntries() {
        List<String> unbalanced = new ArrayList<>();
        jdbc.query("""
                select j.idempotency_key, coalesce(sum(p.amount), 0), count(p.entry_id)
                from journal_entry j left join posting p on p.entry_id = j.id
                group by j.id having coalesce(sum(p.amount), 0) <> 0 or count(p.entry_id) = 0
                order by j.id limit 50""", rs -> {
            unbalanced.add("entry " + rs.getString(1) + (rs.getLong(3) == 0 ? " has no postings"
                    : " does not balance: its postings sum to " + rs.getBigDecimal(2).toPlainString()));
        });
        return new SelfCheck(jdbc.queryForObject("select count(*) from journal_entry", Long.class), unbalanced);
    }

    /**
     * What a payslip still owes on one liability: its charge's credit to it, less what was settled. Negative when the
     * payslip refunded tax: HMRC owes the employer, which keeps it from what it pays HMRC.
     */
    public record Owed(long payslipId, long serviceUserId, Long employmentId, String periodId,
                       MonetaryAmount amount) {
    }

    /**
     * The amounts the payslips given still owe on a liability, refunds (negative) included; payslips whose charge was
     * reversed owe nothing.
     */
    public List<Owed> owed(Account liability, Collection<Long> payslipIds) {
        return jdbc.query("""
                select j.payslip_id, j.service_user_id, max(p.employment_id), max(j.period_id),
                       -sum(p.amount) filter (where j.kind = 'PAYSLIP')
                       - coalesce(sum(p.amount) filter (where j.kind = 'SETTLEMENT'), 0)
                from journal_entry j join posting p on p.entry_id = j.id and p.account = ?
                where j.payslip_id = any(?) and j.kind in ('PAYSLIP', 'SETTLEMENT')
                  and not exists (select 1 from journal_entry r where r.reverses = j.id)
                group by j.payslip_id, j.service_user_id
                having -sum(p.amount) filter (where j.kind = 'PAYSLIP')
                       - coalesce(sum(p.amount) filter (where j.kind = 'SETTLEMENT'), 0) <> 0
                order by j.payslip_id""", (rs, i) -> new Owed(rs.getLong(1), rs.getLong(2),
                (Long) rs.getObject(3), rs.getString(4), Gbp.of(rs.getBigDecimal(5))),
                liability.name(), payslipIds.toArray(Long[]::new));
    }

    /**
     * Breaches of the settlements: a settlement naming no payslip charge (or a reversed one), a payslip's liability
     * settled more than once, or settled for more than it owed (or the other way: a refund settled as a payment).
     */
    public List<String> settlementBreaches() {
        List<String> breaches = new ArrayList<>();
        jdbc.query("""
                select s.idempotency_key from journal_entry s
                where s.kind = 'SETTLEMENT' and not exists (
                    select 1 from journal_entry c where c.kind = 'PAYSLIP' and c.payslip_id = s.payslip_id
                      and not exists (select 1 from journal_entry r where r.reverses = c.id))
                order by s.id limit 50""", rs -> {
            breaches.add("settlement " + rs.getString(1) + " pays no liability: its payslip was never charged, or"
                    + " its charge was reversed");
        });
        jdbc.query("""
                select j.payslip_id, max(j.period_id), p.account,
                       count(*) filter (where j.kind = 'SETTLEMENT'),
                       coalesce(sum(p.amount) filter (where j.kind = 'SETTLEMENT'), 0),
                       coalesce(-sum(p.amount) filter (where j.kind = 'PAYSLIP'), 0)
                from journal_entry j join posting p on p.entry_id = j.id
                where j.kind in ('PAYSLIP', 'SETTLEMENT') and p.account in ('NET_PAY_OWED', 'HMRC_OWED', 'PENSION_OWED')
                group by j.payslip_id, p.account
                having count(*) filter (where j.kind = 'SETTLEMENT') > 1
                    or (count(*) filter (where j.kind = 'SETTLEMENT') = 1
                        and (sign(coalesce(sum(p.amount) filter (where j.kind = 'SETTLEMENT'), 0))
                             <> sign(coalesce(-sum(p.amount) filter (where j.kind = 'PAYSLIP'), 0))
                             or abs(coalesce(sum(p.amount) filter (where j.kind = 'SETTLEMENT'), 0))
                                > abs(coalesce(-sum(p.amount) filter (where j.kind = 'PAYSLIP'), 0))))
                order by 1, 3 limit 50""", rs -> {
            breaches.add("payslip " + rs.getLong(1) + " (" + rs.getString(2) + "): its " + rs.getString(3)
                    + " of " + Gbp.format(rs.getBigDecimal(6)) + " was settled " + rs.getInt(4) + " times, "
                    + Gbp.format(rs.getBigDecimal(5)) + " in all");
        });
        return breaches;
    }

    /** Settlements posted: how many, by liability. */
    public Map<Account, Integer> settlementCounts() {
        Map<Account, Integer> counts = new java.util.EnumMap<>(Account.class);
        jdbc.query("""
                select p.account, count(*) from journal_entry j join posting p on p.entry_id = j.id
                where j.kind = 'SETTLEMENT' and p.account <> 'BANK' group by p.account""", rs -> {
            counts.put(Account.valueOf(rs.getString(1)), rs.getInt(2));
        });
        return counts;
    }

    /** Posts the reversal of an entry: the same postings with their signs turned, dated today. */
    @Transactional
    public long reverse(long entryId, String reason) {
        Map<String, Object> original = jdbc.queryForMap(
                "select service_user_id, period_id, payslip_id, funding_id, description from journal_entry where id = ?",
                entryId);
        List<Posting> turned = jdbc.query("select account, service_user_id, employment_id, amount from posting"
                + " where entry_id = ? order by line_no", (rs, i) -> new Posting(Account.valueOf(rs.getString(1)),
                rs.getLong(2), (Long) rs.getObject(3), Gbp.of(rs.getBigDecimal(4).negate())), entryId);
        String key = "reversal:" + entryId;
        post(List.of(new JournalEntry(key, JournalEntry.Kind.REVERSAL, LocalDate.now(clock),
                ((Number) original.get("service_user_id")).longValue(), (String) original.get("period_id"),
                (Long) original.get("payslip_id"), (Long) original.get("funding_id"), entryId,
                "Reversal of " + original.get("description") + ": " + reason, turned)));
        return jdbc.queryForObject("select id from journal_entry where idempotency_key = ?", Long.class, key);
    }
}
