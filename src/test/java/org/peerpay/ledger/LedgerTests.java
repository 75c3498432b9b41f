package org.peerpay.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.money.Gbp;
import org.peerpay.budgets.Budgets;
import org.peerpay.payroll.LedgerCheck;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.support.DatabaseTest;
import org.peerpay.support.SmallCouncil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

class LedgerTests extends DatabaseTest {

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerCheck check;

    @Autowired
    Budgets budgets;

    @Autowired
    ReferenceDataLoader reference;

    long su1;

    @BeforeEach
    void smallCouncil() {
        reference.load(SmallCouncil.writeReference(OUT.resolve("reference")));
        su1 = jdbc.queryForObject("select id from service_user where ref = 'SU1'", Long.class);
    }

    BigDecimal budget(String ref) {
        return jdbc.queryForObject("select -coalesce(sum(p.amount), 0) from posting p join service_user s"
                + " on s.id = p.service_user_id where s.ref = ? and p.account = 'BUDGET'", BigDecimal.class, ref);
    }

    @Test
    void creditsEachBudgetWithItsFundingOnce() {
        assertThat(budgets.postFunding(LocalDate.of(2099, 12, 31))).isEqualTo(2);
        assertThat(budgets.postFunding(LocalDate.of(2099, 12, 31))).isZero();

        assertThat(budget("SU1")).isEqualByComparingTo("800.00");
        assertThat(budget("SU2")).isEqualByComparingTo("525.00");
        assertThat(check.run(LocalDate.of(2099, 12, 31)).reconciles()).isTrue();
    }

    @Test
    void correctsChangedFundingByReversingItsEntry() {
        budgets.postFunding(LocalDate.of(2099, 12, 31));
        jdbc.update("update funding set amount = 750.00 where service_user_id = ?", su1);

        assertThat(budgets.postFunding(LocalDate.of(2099, 12, 31))).isEqualTo(2);  // the reversal and the new amount

        assertThat(budget("SU1")).isEqualByComparingTo("750.00");
        assertThat(jdbc.queryForList("select kind from journal_entry where service_user_id = ? order by id",
                String.class, su1)).containsExactly("FUNDING", "REVERSAL", "FUNDING");
        assertThat(check.run(LocalDate.of(2099, 12, 31)).reconciles()).isTrue();
    }

    @Test
    void refusesToChangeOrRemoveWhatIsPosted() {
        budgets.postFunding(LocalDate.of(2099, 12, 31));

        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("peerpay_app");
        assertThatThrownBy(() -> jdbc.update("update posting set amount = 1"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied for table");
        assertThatThrownBy(() -> jdbc.update("delete from journal_entry"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied for table");
        assertThatThrownBy(() -> jdbc.execute("truncate posting"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied for table");
        assertThat(budget("SU1")).isEqualByComparingTo("800.00");
    }

    @Test
    void refusesAnEntryThatDoesNotBalance() {
        assertThatThrownBy(() -> new JournalEntry("x", JournalEntry.Kind.FUNDING, LocalDate.of(2026, 4, 1), su1, null,
                null, null, null, "lopsided", List.of(Posting.debit(Account.FUNDER, su1, null, Gbp.of("10.00")),
                Posting.credit(Account.BUDGET, su1, null, Gbp.of("1.00")))))
                .hasMessageContaining("does not balance: its postings sum to £9.00");
        // and the database refuses one that gets past the check
        assertThatThrownBy(() -> jdbc.execute("""
                with e as (insert into journal_entry (idempotency_key, kind, entry_date, service_user_id, description)
                           values ('bad', 'FUNDING', date '2026-04-01', %d, 'bad') returning id)
                insert into posting (entry_id, line_no, account, service_user_id, amount)
                select id, 1, 'BUDGET', %d, -5 from e""".formatted(su1, su1)))
                .hasStackTraceContaining("does not balance");
    }

    @Test
    void reportsFundingThatNeverReachedTheLedger() {
        budgets.postFunding(LocalDate.of(2099, 12, 31));
        jdbc.update("insert into funding (service_user_id, received_on, amount, source) values (?, ?, 100.00,"
                + " 'client-contribution')", su1, LocalDate.of(2026, 5, 1));

        LedgerCheck.Report report = check.run(LocalDate.of(2099, 12, 31));

        assertThat(report.reconciles()).isFalse();
        assertThat(report.breaches()).containsExactly("budget of SU1 stands at £800.00 but its funding £900.00 less"
                + " its charges £0.00 is £900.00");
        assertThat(report.checked()).contains("2 journal entries: each one's postings sum to zero");
    }
}
