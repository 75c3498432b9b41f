package org.peerpay.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the ledger against itself and against what it records: every entry balances; every budget's balance
 * is its funding received by the day less its charges; every payslip is charged once; each period's charges equal its payslips'
 * employer costs. Read-only; reversed payslips count for neither side.
 */
@Component
public class LedgerCheck {

    private final JdbcTemplate jdbc;

    LedgerCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What was checked, and each breach found (none when the ledger reconciles). */
    public record Report(List<String> checked, List<String> breaches) {
        public boolean reconciles() {
            return breaches.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Report run(LocalDate asOf) {
        List<String> checked = new ArrayList<>();
        List<String> breaches = new ArrayList<>();

        long entries = jdbc.queryForObject("select count(*) from journal_entry", Long.class);
        jdbc.query("""
                select j.idempotency_key, coalesce(sum(p.amount), 0), count(p.entry_id)
                from journal_entry j left join posting p on p.entry_id = j.id
                group by j.id having coalesce(sum(p.amount), 0) <> 0 or count(p.entry_id) = 0
                order by j.id limit 50""", rs -> {
            breaches.add("entry " + rs.getString(1) + (rs.getLong(3) == 0 ? " has no postings"
                    : " does not balance: its postings sum to " + rs.getBigDecimal(2).toPlainString()));
        });
        checked.add(String.format("%,d journal entries: each one's postings sum to zero", entries));

        record Budget(String ref, BigDecimal balance, BigDecimal funding, BigDecimal charges) {
        }
        List<Budget> budgets = jdbc.query("""
                select s.ref,
                       -coalesce((select sum(p.amount) from posting p
                                  where p.service_user_id = s.id and p.account = 'BUDGET'), 0),
                       coalesce((select sum(f.amount) from funding f
                                 where f.service_user_id = s.id and f.received_on <= ?), 0),
                       coalesce((select sum(ps.employer_cost) from payslip ps
                                 where ps.service_user_id = s.id and not exists (
                                     select 1 from journal_entry c join journal_entry r on r.reverses = c.id
                                     where c.payslip_id = ps.id and c.kind = 'PAYSLIP')), 0)
                from service_user s order by s.ref""", (rs, i) -> new Budget(rs.getString(1), rs.getBigDecimal(2),
                rs.getBigDecimal(3), rs.getBigDecimal(4)), asOf);
        for (Budget b : budgets) {
            if (b.balance().compareTo(b.funding().subtract(b.charges())) != 0) {
                breaches.add("budget of " + b.ref() + " stands at £" + b.balance().toPlainString() + " but its funding £"
                        + b.funding().toPlainString() + " less its charges £" + b.charges().toPlainString() + " is £"
                        + b.funding().subtract(b.charges()).toPlainString());
            }
        }
        checked.add(String.format("%,d budgets: each balance equals funding received by %s less charges",
                budgets.size(), asOf));

        long payslips = jdbc.queryForObject("select count(*) from payslip", Long.class);
        jdbc.query("""
                select ps.period_id, e.ref, count(j.id)
                from payslip ps join employment e on e.id = ps.employment_id
                left join journal_entry j on j.payslip_id = ps.id and j.kind = 'PAYSLIP'
                group by ps.id, ps.period_id, e.ref having count(j.id) <> 1
                order by ps.id limit 50""", rs -> {
            breaches.add("payslip " + rs.getString(1) + " " + rs.getString(2) + " is charged " + rs.getLong(3)
                    + " times, not once");
        });
        checked.add(String.format("%,d payslips: each charged to its budget once", payslips));

        List<String> periods = new ArrayList<>();
        jdbc.query("""
                with charges as (
                    select j.period_id, sum(p.amount) as charged
                    from journal_entry j join posting p on p.entry_id = j.id and p.account = 'BUDGET'
                    where j.period_id is not null
                    group by j.period_id),
                costs as (
                    select ps.period_id, sum(ps.employer_cost) as cost
                    from payslip ps
                    where not exists (select 1 from journal_entry c join journal_entry r on r.reverses = c.id
                                      where c.payslip_id = ps.id and c.kind = 'PAYSLIP')
                    group by ps.period_id)
                select coalesce(c.period_id, k.period_id), coalesce(c.charged, 0), coalesce(k.cost, 0)
                from charges c full join costs k on k.period_id = c.period_id
                order by 1""", rs -> {
            periods.add(rs.getString(1));
            if (rs.getBigDecimal(2).compareTo(rs.getBigDecimal(3)) != 0) {
                breaches.add("period " + rs.getString(1) + ": budgets were charged £" + rs.getBigDecimal(2)
                        .toPlainString() + " but its payslips' employer costs are £" + rs.getBigDecimal(3)
                        .toPlainString());
            }
        });
        checked.add(String.format("%,d pay periods: charges equal the payslips' employer costs%s", periods.size(),
                periods.isEmpty() ? "" : " (" + String.join(", ", periods) + ")"));
        return new Report(checked, breaches);
    }
}
