package org.peerpay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReaderHeaderAware;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.support.SmallCouncil;

class NightlyCommandTests extends CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void runsTheMainJobOnTheSampleDataAndSaysWhatItDid() {
        int exit = peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("PeerPay nightly run as of 2026-11-23")
                .contains("service-users.csv          41 rows: 41 new")
                .contains("rejected by reason: MALFORMED 1, BAD_DATE 1, BAD_TIME 1, NOT_POSITIVE 1, TOO_LONG 1,"
                        + " FUTURE_DATE 1, UNKNOWN_MENTOR 1, UNKNOWN_SERVICE_USER 1, NO_EMPLOYMENT 1, OVERLAP 1\n")
                .containsPattern("total\\s+401\\s+390\\s+10\\s+1\\s+8")
                .contains("2026-27/4W07, paid 23 October 2026: 46 payslip(s)")
                .contains("2026-27/4W08, paid 20 November 2026: 45 payslip(s)")
                .contains("Ledger reconciles")
                .contains("Done.");
        assertThat(OUT.resolve("imports/2026-11-15-fortnight-4.csv.rejects.csv")).exists();
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line", Integer.class)).isEqualTo(390);
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line where status = 'PAID'", Integer.class))
                .isEqualTo(390);
        assertThat(OUT.resolve("payslips/2026-27/4W08/SU001/M001.pdf")).exists();
        assertThat(OUT.resolve("statements/2026-27/4W08/SU014.pdf")).exists();
        assertThat(OUT.resolve("exceptions/2026-27/4W08.csv")).exists();
    }

    @Test
    void theSampleNightlyFilesAnFpsForEachRegisteredEmployerAndPayDateThatPassesHmrcsChecks() throws Exception {
        peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());
        List<Map<String, Object>> paid = jdbc.queryForList("""
                select p.period_id, s.ref from payslip p join service_user s on s.id = p.service_user_id
                where s.employer_paye_ref is not null group by p.period_id, s.ref order by 1, 2""");

        List<Path> messages;
        try (var walk = Files.walk(OUT.resolve("rti"))) {
            messages = walk.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        List<Path> files = messages.stream().filter(f -> f.toString().endsWith("-FPS.xml")).toList();

        assertThat(files).extracting(f -> OUT.relativize(f).toString()).containsExactlyElementsOf(paid.stream()
                .map(row -> "rti/" + row.get("period_id") + "/" + row.get("ref") + "-FPS.xml").toList());
        long filedFor4W07 = paid.stream().filter(row -> row.get("period_id").equals("2026-27/4W07")).count();
        assertThat(out.toString()).contains("HMRC FPS:   " + filedFor4W07 + " in " + OUT.resolve("rti/2026-27/4W07"))
                .contains("not registered with HMRC (no PAYE reference), nothing to file: SU005");
        out.getBuffer().setLength(0);
        assertThat(messages).filteredOn(f -> f.toString().contains("-EPS-")).isNotEmpty();
        assertThat(peerpay(Stream.concat(Stream.of("rti", "validate"), messages.stream().map(Path::toString))
                .toArray(String[]::new))).as(out.toString()).isZero();
        assertThat(out.toString()).contains(files.get(0) + ": passes (FullPaymentSubmission 26-27, checked against"
                + " HMRC's 25-26 schema and business rules, mapped forward to 26-27");

        Path altered = Files.writeString(dir.resolve("altered.xml"), Files.readString(files.get(0))
                .replace("<PeriodsCovered>1<", "<PeriodsCovered>2<"));
        out.getBuffer().setLength(0);
        assertThat(peerpay("rti", "validate", altered.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(altered + ": FAILS (1 problem(s)").contains("IRmark: the message carries");
    }

    @Test
    void aLateTimesheetFromTheSampleIsPaidAsArrearsInTheNextPeriod() throws Exception {
        peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());
        Path inbox = Files.createDirectories(dir.resolve("late"));
        Files.copy(Path.of("sample-data/late/2026-12-01-late-timesheet.csv"),
                inbox.resolve("2026-12-01-late-timesheet.csv"));
        out.getBuffer().setLength(0);

        assertThat(peerpay("nightly", "--as-of", "2026-12-14", "--inbox", inbox.toString(), "--out",
                OUT.toString())).as(out.toString()).isZero();

        // 2 hours on 12 November (period 8, paid already) at E001's £15.60: £31.20 of arrears in period 9
        assertThat(jdbc.queryForMap("""
                select p.arrears, l.description from payslip p join employment e on e.id = p.employment_id
                join payslip_line l on l.payslip_id = p.id and l.kind = 'ARREARS'
                where e.ref = 'E001' and p.period_id = '2026-27/4W09'"""))
                .containsEntry("arrears", new BigDecimal("31.20"));
        assertThat(jdbc.queryForList("select detail from payroll_exception where type = 'LATE_HOURS'", String.class))
                .singleElement().asString().contains("12 November 2026");
        Path fps = OUT.resolve("rti/2026-27/4W09/SU001-FPS.xml");
        assertThat(new org.peerpay.filing.RtiValidator().check(Files.readAllBytes(fps)).problems()).isEmpty();
    }

    @Test
    void theSummaryTellsWhatHappenedInTheOrderItHappened() {
        peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());

        String said = out.toString();
        assertThat(said)
                .contains("8 accepted shift(s) are at a rate under the wage floor (BELOW_FLOOR raised for the"
                        + " coordinator): the pay run will pay them at the floor (an uplift line)")
                .doesNotContain("paid under the wage floor")
                .containsPattern("funding entries posted \\(funding received by 23 November 2026");
        assertThat(List.of("Wage floors:", "Reference data from", "Timesheets from", "Ledger\n",
                "funding entries posted", "Pay runs (periods that ended before 23 November 2026)", "2026-27/4W07, paid",
                "2026-27/4W08, paid", "Ledger reconciles", "Done."))
                .allSatisfy(heading -> assertThat(said).contains(heading))
                .isSortedAccordingTo((a, b) -> Integer.compare(said.indexOf(a), said.indexOf(b)));
    }

    @Test
    void theSampleRunsPaymentFilesPassTheirSchemaAndItsStatementsFollowTheMoneyToTheLedger() throws Exception {
        peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());
        // finance confirms the bank paid period 7's net pay on its pay date, then rewrites period 8's statements
        assertThat(peerpay("payments", "confirm", "--period", "2026-27/4W07", "--paid-on", "2026-10-23"))
                .as(err.toString()).isZero();
        beans.getBean(org.peerpay.budgets.BudgetStatements.class).write(org.peerpay.calendar.PayPeriod.parse(
                "2026-27/4W08"), OUT);

        for (String period : new String[] {"4W07", "4W08"}) {
            Path pain = OUT.resolve("payments/2026-27/" + period + "/pain.001.xml");
            var schema = javax.xml.validation.SchemaFactory.newDefaultInstance().newSchema(
                    new java.io.File("src/main/resources/iso20022/pain.001.001.03.xsd"));
            schema.newValidator().validate(new javax.xml.transform.stream.StreamSource(pain.toFile()));
            assertThat(rows(OUT.resolve("payments/2026-27/" + period + "/pension-contributions.csv")))
                    .hasSize(rows(OUT.resolve("payslips/2026-27/" + period + "/payslips.csv")).size());
        }
        BigDecimal netPaid = sum(rows(OUT.resolve("payslips/2026-27/4W07/payslips.csv")), "net_pay");
        List<Map<String, String>> statements = rows(OUT.resolve("statements/2026-27/4W08/statements.csv"));
        assertThat(sum(statements, "wages_paid")).isEqualByComparingTo(netPaid);
        for (Map<String, String> s : statements) {
            String ref = s.get("service_user_ref");
            BigDecimal owed = money(s, "owed_to_mentors").add(money(s, "owed_to_hmrc"))
                    .add(money(s, "owed_to_pension_scheme"));
            assertThat(money(s, "bank_closing").subtract(owed)).as(ref)
                    .isEqualByComparingTo(money(s, "closing_balance"));
            assertThat(money(s, "bank_opening").add(money(s, "funds_in")).subtract(money(s, "wages_paid"))
                    .subtract(money(s, "paid_to_hmrc")).subtract(money(s, "paid_to_pension_scheme"))).as(ref)
                    .isEqualByComparingTo(money(s, "bank_closing"));
            // the bank by the period's end, straight from the ledger's postings: funding received less paid out
            assertThat(jdbc.queryForObject("""
                    select coalesce(sum(x.amount), 0) from posting x join journal_entry j on j.id = x.entry_id
                    join service_user u on u.id = x.service_user_id
                    where u.ref = ? and x.account in ('FUNDER', 'BANK') and j.entry_date <= date '2026-11-15'""",
                    BigDecimal.class, ref)).as(ref).isEqualByComparingTo(money(s, "bank_closing"));
        }
    }

    @Test
    void theSampleRunsPayslipsAndStatementsReconcile() throws Exception {
        peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());

        Map<String, BigDecimal> closing07 = new HashMap<>();
        for (String period : new String[] {"4W07", "4W08"}) {
            List<Map<String, String>> payslips = rows(OUT.resolve("payslips/2026-27/" + period + "/payslips.csv"));
            List<Map<String, String>> statements = rows(OUT.resolve("statements/2026-27/" + period
                    + "/statements.csv"));
            assertThat(sum(statements, "employer_cost")).as(period).isEqualByComparingTo(sum(payslips, "employer_cost"));
            for (Map<String, String> s : statements) {
                assertThat(money(s, "opening_balance").add(money(s, "funding")).subtract(money(s, "employer_cost")))
                        .as(period + " " + s.get("service_user_ref")).isEqualByComparingTo(money(s, "closing_balance"));
                if (period.equals("4W07")) {
                    closing07.put(s.get("service_user_ref"), money(s, "closing_balance"));
                } else {
                    assertThat(money(s, "opening_balance")).as("4W08 opens where 4W07 closed")
                            .isEqualByComparingTo(closing07.get(s.get("service_user_ref")));
                }
            }
            for (Map<String, String> p : payslips) {
                assertThat(money(p, "basic_pay").add(money(p, "floor_uplift")).add(money(p, "arrears"))
                        .add(money(p, "holiday_pay"))).isEqualByComparingTo(money(p, "gross_pay"));
                assertThat(money(p, "gross_pay").subtract(money(p, "tax")).subtract(money(p, "employee_nic"))
                        .subtract(money(p, "employee_pension"))).isEqualByComparingTo(money(p, "net_pay"));
            }
        }
        assertThat(rows(OUT.resolve("statements/2026-27/4W08/statements.csv")))
                .filteredOn(s -> s.get("service_user_ref").equals("SU014")).singleElement()
                .satisfies(s -> assertThat(s.get("flags")).isEqualTo("OVERSPEND"));
    }

    @Test
    void everyBudgetWithMoneyGetsAStatementAndAnIdleOneIsFlaggedForTheCoordinator() throws Exception {
        peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());

        // SU036's only employment ended on 9 October: nobody was paid from its budget in 4W08 (19 Oct - 15 Nov)
        List<Map<String, String>> statements = rows(OUT.resolve("statements/2026-27/4W08/statements.csv"));
        assertThat(statements).hasSize(41);
        assertThat(statements).filteredOn(s -> s.get("service_user_ref").equals("SU036")).singleElement()
                .satisfies(s -> {
                    assertThat(money(s, "funding")).isEqualByComparingTo("164.00");
                    assertThat(money(s, "employer_cost")).isEqualByComparingTo("0.00");
                    assertThat(money(s, "closing_balance")).isPositive();
                    assertThat(s.get("flags")).isEqualTo("IDLE_BUDGET");
                });
        BigDecimal received = new BigDecimal(0);
        for (Map<String, String> f : rows(Path.of("sample-data/reference/funding.csv"))) {
            java.time.LocalDate on = java.time.LocalDate.parse(f.get("date"));
            if (!on.isBefore(java.time.LocalDate.of(2026, 10, 19)) && !on.isAfter(java.time.LocalDate.of(2026, 11, 15))) {
                received = received.add(money(f, "amount"));
            }
        }
        assertThat(sum(statements, "funding")).as("every pound received in 4W08 is on a statement")
                .isEqualByComparingTo(received);
        assertThat(jdbc.queryForObject("select detail from payroll_exception where type = 'IDLE_BUDGET'"
                + " and period_id = '2026-27/4W08'", String.class))
                .startsWith("no support was paid from this budget in 2026-27/4W08 but it holds £");
    }

    static List<Map<String, String>> rows(Path csv) throws Exception {
        try (CSVReaderHeaderAware reader = new CSVReaderHeaderAware(new StringReader(Files.readString(csv)
                .replace("\uFEFF", "")))) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, String> row; (row = reader.readMap()) != null; ) {
                rows.add(row);
            }
            return rows;
        }
    }

    static BigDecimal money(Map<String, String> row, String column) {
        return new BigDecimal(row.get(column));
    }

    static BigDecimal sum(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> money(r, column)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void paysAPeriodOnceWritesItsStatementsAndChecksTheLedger() {
        peerpay("reference", "load", SmallCouncil.writeReference(dir.resolve("reference")).toString());
        peerpay("import", "--as-of", "2026-11-23", SmallCouncil.write(dir.resolve("shifts.csv"),
                SmallCouncil.TIMESHEET_HEADER + "M1,SU1,2026-10-19,10:00,13:00,0,walk,\n").toString());

        assertThat(peerpay("payroll", "--period", "2026-27/4W08")).as(err.toString()).isZero();
        assertThat(peerpay("payroll", "--period", "2026-27/4W08")).isZero();
        assertThat(peerpay("statements", "--period", "2026-27/4W08")).isZero();
        assertThat(peerpay("ledger", "check")).isZero();

        assertThat(out.toString())
                .contains("2026-27/4W08, paid 20 November 2026: 1 payslip(s), gross £50.43")
                .contains("2026-27/4W08 was paid on")
                .contains("2 budget statement(s) for 2026-27/4W08")
                .contains("The ledger reconciles.");
        assertThat(peerpay("payroll", "--period", "2099-01/4W08")).isEqualTo(2);
        assertThat(err.toString()).contains("'2099-01/4W08' is not a pay period");
        assertThat(peerpay("payroll", "--period", "2098-99/4W08")).isEqualTo(2);
        assertThat(err.toString()).contains("2098-99/4W08 has not ended yet (it ends on 2098-11-");
        assertThat(peerpay("payroll", "--period", "4W08")).isEqualTo(2);
        assertThat(err.toString()).contains("'4W08' is not a pay period: write it like 2026-27/4W08");
    }

    @Test
    void ledgerCheckExitsOneOnABreach() {
        peerpay("reference", "load", SmallCouncil.writeReference(dir.resolve("reference")).toString());
        jdbc.update("insert into funding (service_user_id, received_on, amount, source) select id, date '2026-05-01',"
                + " 10.00, 'other' from service_user where ref = 'SU2'");

        assertThat(peerpay("ledger", "check")).isEqualTo(1);
        assertThat(out.toString()).contains("BREACH: budget of SU2 stands at £525.00 but its funding £535.00 less its"
                + " charges £0.00 is £535.00").contains("1 breach(es) found.");
    }

    @Test
    void importsNothingTwice() {
        peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());
        out.getBuffer().setLength(0);

        int exit = peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("2026-10-04-fortnight-1.csv       already imported on")
                .contains("41 rows: 0 new, 0 changed, 41 unchanged");
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line", Integer.class)).isEqualTo(390);
    }

    @Test
    void aMistakenPastAsOfDateRefusesTheFilesWholeAndRecordsNothingSoTheRightRunLaterPaysThem() {
        int exit = peerpay("nightly", "--as-of", "2026-09-20", "--out", OUT.toString());

        assertThat(exit).as(out + "\n" + err).isEqualTo(2);
        assertThat(out.toString())
                .contains("REFUSED 2026-10-04-fortnight-1.csv: 96 of its 96 rows are dated after the as-of date"
                        + " 2026-09-20, so that date is probably wrong")
                .contains("REFUSED 2026-11-15-fortnight-4.csv: ")
                .contains("no new funding posted (funding received by 20 September 2026")
                .contains("Ledger reconciles");
        assertThat(count("timesheet_import")).isZero();
        assertThat(count("timesheet_line")).isZero();
        assertThat(count("timesheet_reject")).isZero();
        assertThat(count("payroll_exception")).isZero();
        assertThat(count("batch_job_instance where job_name = 'timesheetImportJob'")).isZero();
        assertThat(count("journal_entry")).isZero();
        assertThat(OUT.resolve("imports")).doesNotExist();
        out.getBuffer().setLength(0);

        assertThat(peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString())).isZero();

        assertThat(out.toString()).doesNotContain("already imported").contains("130 funding entries posted");
        assertThat(count("timesheet_line where status = 'PAID'")).isEqualTo(390);
    }

    @Test
    void aFileWithAFewRowsAfterTheAsOfDateIsImportedWithThoseRowsRejected() {
        peerpay("reference", "load", SmallCouncil.writeReference(dir.resolve("reference")).toString());
        Path file = SmallCouncil.write(dir.resolve("mostly-past.csv"), SmallCouncil.TIMESHEET_HEADER
                + "M1,SU1,2026-11-02,10:00,12:00,0,walk,\n"
                + "M1,SU1,2026-11-03,10:00,12:00,0,walk,\n"
                + "M1,SU1,2026-11-30,10:00,12:00,0,walk,\n");

        assertThat(peerpay("import", "--as-of", "2026-11-23", file.toString())).isZero();

        assertThat(out.toString()).containsPattern("mostly-past.csv\\s+3\\s+2\\s+1").contains("FUTURE_DATE 1");
    }

    private int count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }

    @Test
    void importExitsTwoForARefusedFileAndStillImportsTheOthers() {
        peerpay("reference", "load", SmallCouncil.writeReference(dir.resolve("reference")).toString());
        Path good = SmallCouncil.write(dir.resolve("good.csv"), SmallCouncil.TIMESHEET_HEADER
                + "M1,SU1,2026-11-02,10:00,12:00,0,walk,\n");
        Path empty = SmallCouncil.write(dir.resolve("empty.csv"), "");

        int exit = peerpay("import", "--as-of", "2026-11-23", empty.toString(), good.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("REFUSED empty.csv is empty").containsPattern("good.csv\\s+1\\s+1\\s+0");
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line", Integer.class)).isEqualTo(1);
    }

    @Test
    void referenceLoadExitsTwoNamingTheBadCell() {
        SmallCouncil.writeReference(dir);
        SmallCouncil.write(dir.resolve("funding.csv"), "service_user_ref,date,amount,source\nSU1,2026-04-01,12.345,council\n");

        int exit = peerpay("reference", "load", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("funding.csv row 2, column amount: has more than two decimal places");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(peerpay("import")).isEqualTo(2);
        assertThat(peerpay("nightly", "--as-of", "yesterday")).isEqualTo(2);
        assertThat(Files.exists(OUT.resolve("imports"))).isFalse();
    }
}
