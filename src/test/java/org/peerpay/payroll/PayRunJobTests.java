package org.peerpay.payroll;

import org.peerpay.money.Gbp;
import org.peerpay.exceptions.ExceptionType;
import org.peerpay.calendar.PayPeriod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.peerpay.support.SmallCouncil.TIMESHEET_HEADER;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.SmallCouncil;

/**
 * The small council paid by hand. 4W07 (21 Sep – 18 October 2026) is paid on 23 October, tax period 8 (tax week
 * 29); 4W08 (19 Oct – 15 Nov) on 20 November, tax period 9 (tax week 33).
 */
class PayRunJobTests extends CouncilTest {

    static final PayPeriod P07 = PayPeriod.parse("2026-27/4W07");
    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @org.springframework.beans.factory.annotation.Autowired
    org.peerpay.budgets.BudgetStatements statements;

    @BeforeEach
    void fundedSmallCouncil() {
        smallCouncil(true);
    }

    /** Period 8's shifts, and one of period 7's that arrives late (12 October). */
    void periodEightShifts() {
        importShifts("4w08.csv", """
                M1,SU1,2026-10-19,10:00,19:30,30,,
                M1,SU1,2026-10-26,10:00,19:30,30,,
                M1,SU1,2026-11-02,10:00,19:30,30,,
                M1,SU1,2026-11-09,10:00,19:30,30,,
                M1,SU1,2026-10-12,10:00,12:00,0,,late
                M1,SU2,2026-10-20,10:00,20:00,0,,
                M1,SU2,2026-10-21,10:00,20:00,0,,
                M1,SU2,2026-10-27,10:00,20:00,0,,
                M1,SU2,2026-10-28,10:00,20:00,0,,
                M1,SU2,2026-11-03,10:00,20:00,0,,
                M1,SU2,2026-11-04,10:00,20:00,0,,
                M1,SU2,2026-11-10,10:00,20:00,0,,
                M1,SU2,2026-11-11,10:00,20:00,0,,
                M2,SU1,2026-10-20,10:00,12:30,0,,
                M2,SU1,2026-10-27,10:00,12:30,0,,
                M2,SU2,2026-10-22,10:00,11:30,0,,
                """);
    }

    List<String> csv(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(line -> line.replace("\uFEFF", "")).toList();
    }

    @Test
    void paysTheSmallCouncilToThePenny() throws Exception {
        importShifts("4w07.csv", "M1,SU1,2026-10-05,10:00,12:00,0,,\n");
        PayRuns.Summary seven = payRuns.pay(P07);
        periodEightShifts();

        PayRuns.Summary eight = payRuns.pay(P08);

        // 4W07, E1: 2h at £15 = 30.00; holiday 12.07% = 3.62; no tax (free pay to week 32 is 32 x 241.92), no NIC
        assertThat(seven.payslips()).isEqualTo(1);
        assertThat(seven.employerCost()).isEqualTo(Gbp.of("33.62"));
        assertThat(seven.payDate()).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(csv(OUT.resolve("payslips/2026-27/4W08/payslips.csv"))).containsExactly(
                String.join(",", PayRunFiles.PAYSLIP_COLUMNS),
                // E1: 36h at £15 = 540.00 (four 9h shifts); arrears 2h = 30.00; holiday 12.07% of 570 = 68.80;
                // employer NIC (638.80 - 385) x 15% = 38.07, all met by SU1's Employment Allowance; the pension
                // assessment finds a non-eligible jobholder (over £480, not over £768): nothing deducted
                "2026-27/4W08,SU1,M1,E1,2280,540.00,0.00,30.00,68.80,638.80,0.00,0.00,0.00,638.80,38.07,38.07,0.00,638.80",
                // E3: 5h at £14.00 = 70.00, uplift to the £14.38 floor 5h x 0.38 = 1.90; holiday 8.68
                "2026-27/4W08,SU1,M2,E3,300,70.00,1.90,0.00,8.68,80.58,0.00,0.00,0.00,80.58,0.00,0.00,0.00,80.58",
                // E2: 80h at £14.50 = 1160.00, holiday 140.01; enrolled: qualifying 820.01, employer 3% up 24.61,
                // 8% up 65.61, employee 41.00 less 20% relief at source = 32.80; BR 1300 x 20% = 260.00; NIC
                // employee (1300.01 - 967) x 8% = 26.64, employer (1300.01 - 385) x 15% = 137.25; SU2 has no
                // Employment Allowance
                "2026-27/4W08,SU2,M1,E2,4800,1160.00,0.00,0.00,140.01,1300.01,260.00,26.64,32.80,980.57,137.25,0.00,24.61,1461.87",
                // E4: 1h30 at £14.50 = 21.75, holiday 2.63; BR 24 x 20% = 4.80; opted out of the pension
                "2026-27/4W08,SU2,M2,E4,90,21.75,0.00,0.00,2.63,24.38,4.80,0.00,0.00,19.58,0.00,0.00,0.00,24.38");
        assertThat(eight.payDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(eight.gross()).isEqualTo(Gbp.of("2043.77"));
        assertThat(eight.net()).isEqualTo(Gbp.of("1719.53"));
        assertThat(eight.employerCost()).isEqualTo(Gbp.of("2205.63"));
        assertThat(eight.budgetsCharged()).isEqualTo(2);
        assertThat(jdbc.queryForList("select description from payslip_line l join payslip p on p.id = l.payslip_id"
                + " join employment e on e.id = p.employment_id where e.ref = 'E3' and p.period_id = ? order by line_no",
                String.class, P08.id())).containsExactly("Basic pay at £14.00", "Floor uplift to the £14.38 floor",
                "Holiday pay, 12.07% of £71.90");
        assertThat(jdbc.queryForObject("select pension_note from payslip where period_id = ? and employment_id ="
                + " (select id from employment where ref = 'E2')", String.class, P08.id()))
                .isEqualTo("Eligible jobholder: enrolled in the workplace pension this period");

        // the budgets: SU1 800.00 - 33.62 - 638.80 - 80.58 = 47.00; SU2 525.00 - 1461.87 - 24.38 = -961.25
        assertThat(budget("SU1")).isEqualByComparingTo("47.00");
        assertThat(budget("SU2")).isEqualByComparingTo("-961.25");
        assertThat(owed("HMRC_OWED", "SU2")).isEqualByComparingTo("428.69"); // 260 + 26.64 + 137.25 + 4.80
        assertThat(owed("PENSION_OWED", "SU2")).isEqualByComparingTo("57.41");
        assertThat(owed("NET_PAY_OWED", "SU2")).isEqualByComparingTo("1000.15");
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).breaches()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line where status = 'PAID'", Integer.class))
                .isEqualTo(17);

        assertThat(csv(OUT.resolve("exceptions/2026-27/4W08.csv"))).containsExactly(
                "period,type,service_user_ref,mentor_ref,employment_ref,detail",
                "2026-27/4W08,BELOW_FLOOR,SU1,M2,E3,2026-10-20: paid at the floor: £14.00/h is under the Council"
                        + " living-wage floor of £14.38/h on 20 October 2026 (floor uplift £0.38/h)",
                "2026-27/4W08,BELOW_FLOOR,SU1,M2,E3,2026-10-27: paid at the floor: £14.00/h is under the Council"
                        + " living-wage floor of £14.38/h on 27 October 2026 (floor uplift £0.38/h)",
                "2026-27/4W08,LATE_HOURS,SU1,M1,E1,1 shift(s) worked before 19 October 2026 (the earliest on 12 October 2026)"
                        + " paid as arrears",
                "2026-27/4W08,OVERSPEND,SU2,,,\"the budget is £961.25 overdrawn after £1,486.25 of pay was charged;"
                        + " the mentor was paid; ask the council about funding\"",
                "2026-27/4W08,PLAN_EXCEEDED,SU1,,,43.00 hours paid against 12.00 planned (3.00 a week)",
                "2026-27/4W08,PLAN_EXCEEDED,SU2,,,81.50 hours paid against 8.00 planned (2.00 a week)");
        assertThat(eight.exceptions()).containsExactly(entry(ExceptionType.BELOW_FLOOR, 2), entry(ExceptionType.LATE_HOURS, 1),
                entry(ExceptionType.OVERSPEND, 1), entry(ExceptionType.PLAN_EXCEEDED, 2));
    }

    @Test
    void paysAPeriodOnceAndChargesNothingTwice() {
        periodEightShifts();
        payRuns.pay(P08);
        BigDecimal charged = charged();

        PayRuns.Summary again = payRuns.pay(P08);

        assertThat(again.ran()).isFalse();
        assertThat(again.note()).startsWith("2026-27/4W08 was paid on ").endsWith("nothing to pay");
        assertThat(charged()).isEqualByComparingTo(charged);
        assertThat(jdbc.queryForObject("select count(*) from payslip", Integer.class)).isEqualTo(4);
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).reconciles()).isTrue();
    }

    BigDecimal budget(String ref) {
        return jdbc.queryForObject("select -coalesce(sum(p.amount), 0) from posting p join service_user s"
                + " on s.id = p.service_user_id where s.ref = ? and p.account = 'BUDGET'", BigDecimal.class, ref);
    }

    BigDecimal owed(String account, String ref) {
        return jdbc.queryForObject("select -coalesce(sum(p.amount), 0) from posting p join service_user s"
                + " on s.id = p.service_user_id where s.ref = ? and p.account = ?", BigDecimal.class, ref, account);
    }

    BigDecimal charged() {
        return jdbc.queryForObject("select sum(amount) from posting where account = 'BUDGET' and amount > 0",
                BigDecimal.class);
    }

    @Test
    void writesPayslipsAndStatementsUnderTheOutputDirectoryWhateverARefStoredEarlierSays() throws Exception {
        smallCouncil(true);
        importShifts("shifts.csv", "M1,SU1,2026-10-20,10:00,12:00,0,,\n");
        asOwner().update("update service_user set ref = '../../../../ESCAPED-SU' where ref = 'SU1'");
        Path escaped = OUT.toAbsolutePath().getParent().resolve("ESCAPED-SU");
        deleteTree(escaped);

        payRuns.pay(P08);
        statements.write(P08, OUT);

        assertThat(escaped).doesNotExist();
        try (var written = java.nio.file.Files.walk(OUT)) {
            assertThat(written.filter(f -> f.toString().endsWith(".pdf")).map(f -> OUT.relativize(f).toString()))
                    .contains("payslips/2026-27/4W08/ESCAPED-SU-" + escapedName() + "/M1.pdf",
                            "statements/2026-27/4W08/ESCAPED-SU-" + escapedName() + ".pdf");
        }
    }

    static String escapedName() {
        return org.peerpay.system.OutputPaths.name("../../../../ESCAPED-SU").substring("ESCAPED-SU-".length());
    }
}
