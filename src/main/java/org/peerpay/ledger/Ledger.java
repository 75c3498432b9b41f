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
import java.util.List;
import java.util.Map;
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
                amounts.add(p.amount());
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
     * Posts each funding row received by {@code asOf} that is not in the ledger as it now stands (funding dated
     * later waits for its day): a new row is posted (debit the funder,
     * credit the budget); a row whose amount changed since it was posted has its entry reversed and the new
     * amount posted.
     *
     * @return entries posted (reversals included)
     */
    @Transactional
    public int postFunding(LocalDate asOf) {
        record Row(long fundingId, long serviceUserId, LocalDate receivedOn, BigDecimal amount, String source,
                   Long postedEntry, BigDecimal postedAmount, int versions) {
        }
        List<Row> rows = jdbc.query("""
                select f.id, f.service_user_id, f.received_on, f.amount, f.source, e.id, e.amount,
                       (select count(*) from journal_entry v where v.funding_id = f.id and v.kind = 'FUNDING')
                from funding f
                left join lateral (
                    select j.id, -p.amount as amount
                    from journal_entry j
                    join posting p on p.entry_id = j.id and p.account = 'BUDGET'
                    where j.funding_id = f.id and j.kind = 'FUNDING'
                      and not exists (select 1 from journal_entry r where r.reverses = j.id)) e on true
                where f.received_on <= ? and (e.id is null and f.amount <> 0 or e.amount <> f.amount)
                order by f.id""", (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3,
                LocalDate.class), rs.getBigDecimal(4), rs.getString(5), (Long) rs.getObject(6),
                rs.getBigDecimal(7), rs.getInt(8)), asOf);
        int posted = 0;
        for (Row row : rows) {
            if (row.postedEntry() != null) {
                reverse(row.postedEntry(), "funding of " + row.receivedOn() + " corrected to £"
                        + row.amount().toPlainString());
                posted++;
            }
            if (row.amount().signum() != 0) {
                posted += post(List.of(new JournalEntry("funding:" + row.fundingId() + ":v" + (row.versions() + 1),
                        JournalEntry.Kind.FUNDING, row.receivedOn(), row.serviceUserId(), null, null, row.fundingId(), null,
                        "Funding received " + row.receivedOn() + " (" + row.source() + ")",
                        List.of(Posting.debit(Account.FUNDER, row.serviceUserId(), null, row.amount()),
                                Posting.credit(Account.BUDGET, row.serviceUserId(), null, row.amount())))));
            }
        }
        return posted;
    }

    /** Posts the reversal of an entry: the same postings with their signs turned, dated today. */
    @Transactional
    public long reverse(long entryId, String reason) {
        Map<String, Object> original = jdbc.queryForMap(
                "select service_user_id, period_id, payslip_id, funding_id, description from journal_entry where id = ?",
                entryId);
        List<Posting> turned = jdbc.query("select account, service_user_id, employment_id, amount from posting"
                + " where entry_id = ? order by line_no", (rs, i) -> new Posting(Account.valueOf(rs.getString(1)),
                rs.getLong(2), (Long) rs.getObject(3), rs.getBigDecimal(4).negate()), entryId);
        String key = "reversal:" + entryId;
        post(List.of(new JournalEntry(key, JournalEntry.Kind.REVERSAL, LocalDate.now(clock),
                ((Number) original.get("service_user_id")).longValue(), (String) original.get("period_id"),
                (Long) original.get("payslip_id"), (Long) original.get("funding_id"), entryId,
                "Reversal of " + original.get("description") + ": " + reason, turned)));
        return jdbc.queryForObject("select id from journal_entry where idempotency_key = ?", Long.class, key);
    }
}
