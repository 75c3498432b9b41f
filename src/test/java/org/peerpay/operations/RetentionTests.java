package org.peerpay.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.payroll.PayslipFiles;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.SmallCouncil;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention: a mentor and a service user whose every record is past the rules (M3 and SU3, whose employment ended in
 * October 2026) are anonymised; everyone still employed is kept; every figure and the ledger stay as they were.
 */
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@org.springframework.test.context.TestPropertySource(properties = {"spring.main.web-application-type=servlet",
        "peerpay.nightly.inbox=target/retention-inbox"})
class RetentionTests extends CouncilTest {

    static final PayPeriod OCTOBER = PayPeriod.parse("2026-27/4W07");
    static final LocalDate LONG_AFTER = LocalDate.of(2034, 6, 1);

    @Autowired
    Retention retention;
    @Autowired
    PeriodClose periodClose;
    @Autowired
    org.peerpay.system.PeerPayProperties places;
    @Autowired
    org.springframework.test.web.servlet.MockMvc web;

    Path referenceDir;

    @BeforeEach
    void givenACouncilWithAnEmploymentThatEndedInOctober2026PaidWithItsDocuments() throws Exception {
        referenceDir = SmallCouncil.writeReference(dir.resolve("reference"));
        append("service-users.csv", "SU3,Chris Lane,Leeds City Council,120/PB00003,123PG00012345,false,8,,,\n");
        append("mentors.csv", "M3,Pat,Canary,1990-01-01,JG103759A,M,3 Canary Row,Leeds,LS2 2BB,12-34-56,12345678,"
                + "P CANARY\n");
        append("employments.csv", "E5,SU3,M3,2026-04-06,2026-10-31,15.00,four-weekly,1257L,false,A,rolled-up,assess\n");
        append("budgets.csv", "SU3,2026-04-01,2027-03-31,2,1500.00\n");
        append("funding.csv", "SU3,2026-04-01,400.00,council\n");
        reference.load(referenceDir);
        budgets.postFunding(LocalDate.of(2099, 12, 31));
        importShifts("october.csv", """
                M3,SU3,2026-10-05,10:00,13:00,0,walk,Met Pat at 3 Canary Row
                M1,SU1,2026-10-06,10:00,12:00,0,walk,Coffee with Jo
                M3,SU3,2026-10-31,25:00,26:00,0,walk,a row with a bad time
                """);
        periodClose.closePeriod(OCTOBER, LocalDate.of(2026, 11, 1), OUT);
        assertThat(PayslipFiles.directory(OUT, OCTOBER)).isDirectory();
    }

    @Test
    void anonymisesWhoeverHasNothingKeptAndLeavesEveryFigureAsItWas() throws Exception {
        Map<String, Object> figuresBefore = figures();
        Path inbox = Path.of("target/retention-inbox");
        List<Path> old = List.of(places.uploadsDir().resolve("2026-10-05-abc123/october.csv"),
                inbox.resolve("processed/2026-10-05/october.csv"), inbox.resolve("failed/2026-10-05/bad.csv"));
        List<Path> recent = List.of(places.uploadsDir().resolve("2034-05-30-def456/may.csv"),
                inbox.resolve("processed/2034-05-30/may.csv"));
        for (Path file : Stream.concat(old.stream(), recent.stream()).toList()) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "kept upload");
        }

        Retention.Summary done = retention.apply(LONG_AFTER, "test");

        assertThat(done.cutoff()).isEqualTo(LocalDate.of(2028, 5, 31));
        assertThat(done.mentors()).isEqualTo(1);
        assertThat(done.serviceUsers()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select name, date_of_birth, ni_number_encrypted, address, anonymised_on"
                + " from mentor where ref = 'M3'")).containsEntry("name", "Anonymised")
                .containsEntry("date_of_birth", null).containsEntry("ni_number_encrypted", null)
                .containsEntry("address", null).containsEntry("anonymised_on", java.sql.Date.valueOf(LONG_AFTER));
        assertThat(jdbc.queryForMap("select name, employer_paye_ref from service_user where ref = 'SU3'"))
                .containsEntry("name", "Anonymised").containsEntry("employer_paye_ref", null);
        assertThat(jdbc.queryForList("select ref from mentor where anonymised_on is null", String.class))
                .containsExactlyInAnyOrder("M1", "M2");
        assertThat(jdbc.queryForObject("select name from service_user where ref = 'SU1'", String.class))
                .isEqualTo("Alex Morgan");

        assertThat(jdbc.queryForList("select notes from timesheet_line where notes is not null", String.class))
                .as("free text of shifts past the rules").isEmpty();
        assertThat(jdbc.queryForList("select concat(mentor_ref, notes, start_time) from timesheet_reject",
                String.class)).containsOnly("");
        assertThat(jdbc.queryForList("select reason from timesheet_reject", String.class)).isNotEmpty();
        assertThat(PayslipFiles.directory(OUT, OCTOBER)).doesNotExist();
        assertThat(OUT.resolve("statements/2026-27/4W07")).doesNotExist();
        assertThat(OUT.resolve("imports/october.csv.rejects.csv")).doesNotExist();
        assertThat(done.files()).isPositive();
        assertThat(old).allSatisfy(file -> assertThat(file.getParent()).doesNotExist());
        assertThat(recent).allSatisfy(file -> assertThat(file).exists());

        assertThat(figures()).isEqualTo(figuresBefore);
        assertThat(ledgerCheck.run(LONG_AFTER).breaches()).isEmpty();
        assertThat(jdbc.queryForObject("select subject from audit_event where action = 'applied the retention rules'",
                String.class)).contains("1 mentor(s) and 1 service user(s) anonymised");
        assertThat(jdbc.queryForList("select concat_ws(',', name, address) from mentor", String.class).toString()
                + jdbc.queryForList("select detail from payroll_exception", String.class))
                .doesNotContain("Pat", "Canary", "Chris Lane");
    }

    @Test
    void thePagesAndTheApiShowAnAnonymisedPersonByRefAndNothingElse() throws Exception {
        retention.apply(LONG_AFTER, "test");

        for (String path : List.of("/budgets/SU3", "/budgets", "/finance/payslips?period=" + OCTOBER.id(),
                "/api/budgets/SU3", "/api/payslips?period=" + OCTOBER.id(), "/exceptions")) {
            String body = web.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.user("fin").roles("FINANCE")))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).as(path).doesNotContain("Pat Canary", "Chris Lane", "Canary Row");
        }
        assertThat(web.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/budgets/SU3")
                        .with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user("fin").roles("FINANCE")))
                .andReturn().getResponse().getContentAsString()).contains("SU3").contains("Anonymised");
    }

    @Test
    void keepsEverythingOfSomeoneWhoseRecordsAreStillWithinTheRules() {
        Retention.Summary done = retention.apply(LocalDate.of(2032, 6, 1), "test");

        assertThat(done.cutoff()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(done.mentors() + done.serviceUsers()).isZero();
        assertThat(jdbc.queryForObject("select name from mentor where ref = 'M3'", String.class))
                .isEqualTo("Pat Canary");
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line where notes is not null", Integer.class))
                .isEqualTo(2);
        assertThat(PayslipFiles.directory(OUT, OCTOBER)).isDirectory();
    }

    @Test
    void theCutOffIsTheEarlierOfTheTwoRules() {
        // PAYE: the tax year ending 5 April 2030 is kept until 5 April 2033; NMW: six years
        assertThat(retention.cutoff(LocalDate.of(2033, 4, 6))).isEqualTo(LocalDate.of(2027, 4, 5));
        assertThat(retention.cutoff(LocalDate.of(2029, 4, 5))).isEqualTo(LocalDate.of(2023, 4, 4));
        assertThat(retention.cutoff(LocalDate.of(2029, 4, 6))).isEqualTo(LocalDate.of(2023, 4, 5));
    }

    @Test
    void anAnonymisedPersonsDetailsAreNotLoadedAgainAndApplyingTheRulesAgainChangesNothingMore() {
        retention.apply(LONG_AFTER, "test");

        assertThatThrownBy(() -> reference.load(referenceDir)).isInstanceOf(CsvFileRefusedException.class)
                .hasMessageContaining("service_user_ref").hasMessageContaining("anonymised on 2034-06-01")
                .hasMessageContaining("Remove the row");
        assertThat(jdbc.queryForObject("select name from service_user where ref = 'SU3'", String.class))
                .isEqualTo("Anonymised");
        assertThat(jdbc.queryForObject("select name from mentor where ref = 'M3'", String.class))
                .isEqualTo("Anonymised");

        Retention.Summary again = retention.apply(LONG_AFTER, "test");
        assertThat(List.of(again.mentors(), again.serviceUsers(), again.notes(), again.rejectedRows(),
                again.exceptionDetails(), again.files())).containsOnly(0);
    }

    /** Every figure an auditor adds up: payslips, journal entries, postings and each budget's balance. */
    private Map<String, Object> figures() {
        return jdbc.queryForMap("""
                select (select count(*) from payslip) as payslips, (select sum(gross_pay) from payslip) as gross,
                       (select sum(employer_cost) from payslip) as cost, (select count(*) from journal_entry) as entries,
                       (select string_agg(service_user_id || ':' || amount, ',' order by entry_id, line_no) from posting) as postings,
                       (select count(*) from timesheet_line) as lines, (select sum(minutes) from timesheet_line) as minutes
                """);
    }

    private void append(String file, String rows) throws Exception {
        Files.writeString(referenceDir.resolve(file), rows, StandardOpenOption.APPEND);
    }
}
