package org.peerpay.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerpay.support.CouncilTest;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run's claim rewrites each line it pays (status and run): V29 leaves room on each page so that the new version is
 * written beside the old one without new index entries (a HOT update). An index on either column, or full pages,
 * would make every claim touch every index again (three to four times the server time at 1,000,000 lines).
 */
class ClaimWritesInPlaceTests extends CouncilTest {

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PayableShifts shifts;

    @Test
    void claimingShiftsRewritesNoIndex() {
        smallCouncil(true);
        // four one-hour shifts a day from April to October: 836 lines, over many pages
        StringBuilder rows = new StringBuilder();
        for (LocalDate day = LocalDate.of(2026, 4, 6); day.isBefore(LocalDate.of(2026, 11, 1)); day = day.plusDays(1)) {
            for (int hour = 8; hour < 16; hour += 2) {
                rows.append("M1,SU1,").append(day).append(',').append(String.format("%02d:00,%02d:00", hour, hour + 1))
                        .append(",0,,\n");
            }
        }
        importShifts("shifts.csv", rows.toString());
        long run = jdbc.queryForObject("""
                insert into pay_run (period_id, run_number, pay_date, import_bound, status)
                values ('2026-27/4W08', 1, date '2026-11-20', (select max(id) from timesheet_import), 'RUNNING')
                returning id""", Long.class);
        long[] employments = jdbc.queryForList("select id from employment", Long.class).stream()
                .mapToLong(Long::longValue).toArray();

        Map<String, Object> updates = transaction.execute(status -> {
            int claimed = shifts.claim(new PayableShifts.Selection(employments,
                    LocalDate.of(2026, 11, 1), shifts.importBound(), null), run);
            assertThat(claimed).isEqualTo(836);
            return jdbc.queryForMap("select n_tup_upd, n_tup_hot_upd from pg_stat_xact_user_tables"
                    + " where relname = 'timesheet_line'");
        });

        assertThat(updates).containsEntry("n_tup_upd", 836L).containsEntry("n_tup_hot_upd", 836L);
    }
}
