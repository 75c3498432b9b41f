package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpay.web.PayPagesTests.awaitBackground;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.peerpay.audit.AuditLog;
import org.peerpay.support.CouncilTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A pay run that failed is shown with why, and restarted from the page: it finishes, and pays nothing twice. */
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class JobPagesTests extends CouncilTest {

    @Autowired
    MockMvc web;
    @Autowired
    BackgroundWork background;
    @Autowired
    AuditLog audit;
    @Autowired
    org.peerpay.operations.Nightly nightly;

    @Test
    void aFailedPayRunIsRestartedFromThePageAndPaysEachShiftOnce() throws Exception {
        smallCouncil(true);
        importShifts("4w08.csv", """
                M1,SU1,2026-10-19,10:00,12:00,0,,
                M1,SU2,2026-10-20,10:00,13:00,0,,
                """);
        // the fault: where the period's payslip files go is taken by a file, so writing them fails
        Path blocked = OUT.resolve("payslips");
        Files.createDirectories(OUT);
        Files.writeString(blocked, "not a folder");

        web.perform(post("/finance/pay").param("period", "2026-27/4W08").with(csrf()).with(finance()))
                .andExpect(redirectedUrl("/finance/jobs"));
        awaitBackground(background);

        String failed = runs();
        assertThat(failed).contains("Failed").contains("3 of 5: write pay run files").contains("Restart")
                .contains("restart it from the job runs on this page")
                .doesNotContain("run the same command again");
        long runId = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);

        Files.delete(blocked);
        web.perform(post("/finance/jobs/" + runId + "/restart").with(csrf()).with(finance()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/finance/jobs"));
        awaitBackground(background);

        String restarted = runs();
        assertThat(restarted).contains("2026-27/4W08 paid: 2 payslips").contains("Completed")
                .contains("5 of 5: complete pay run");
        assertThat(jdbc.queryForObject("select count(*) from payslip", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from pay_run", Integer.class)).isEqualTo(1);
        assertThat(Files.isRegularFile(OUT.resolve("payslips/2026-27/4W08/payslips.csv"))).isTrue();
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).breaches()).isEmpty();
        assertThat(audit.newest("fin", "restarted a job run", 5)).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo("pay run run " + runId + " (2026-27/4W08)"));

        // a completed run cannot be restarted again
        String again = web.perform(post("/finance/jobs/" + (runId + 1) + "/restart").with(csrf()).with(finance()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("cannot be restarted: it completed");
    }

    @Test
    void showsTheNightlyRunsAndWhetherThisServerSchedulesThem() throws Exception {
        smallCouncil(true);
        java.nio.file.Path inbox = java.nio.file.Files.createDirectories(dir.resolve("inbox"));
        org.peerpay.support.SmallCouncil.write(inbox.resolve("week.csv"), org.peerpay.support.SmallCouncil
                .TIMESHEET_HEADER + "M1,SU1,2026-10-19,10:00,12:00,0,,\n");
        nightly.runIfFree(org.peerpay.operations.NightlyRun.Trigger.COMMAND, null, new org.peerpay.operations
                .Nightly.Places(AS_OF, inbox, dir.resolve("reference"), OUT)).orElseThrow();

        assertThat(runs()).contains("Nightly run").contains("This server does not run the nightly run on a"
                        + " schedule").contains("peerpay nightly").contains("Succeeded")
                .contains("1 file(s) imported (1 rows accepted, 0 rejected), 0 refused; 1 period(s) paid"
                        + " 2026-27/4W08 (1 payslips); ledger reconciles");
        String api = web.perform(get("/api/nightly").with(finance())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(api).contains("\"next\":null").contains("\"trigger\":\"COMMAND\"")
                .contains("\"outcome\":\"SUCCEEDED\"");
    }

    @Test
    void aRunThatDoesNotExistIsNotFoundAndCoordinatorsMayNotSeeRuns() throws Exception {
        web.perform(post("/finance/jobs/999999/restart").with(csrf()).with(finance()))
                .andExpect(status().isNotFound());
        web.perform(get("/finance/jobs").with(user("cat").roles("COORDINATOR"))).andExpect(status().isForbidden());
        web.perform(post("/finance/jobs/1/restart").with(finance())).andExpect(status().isForbidden());
    }

    private String runs() throws Exception {
        return web.perform(get("/finance/jobs").with(finance())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor finance() {
        return user("fin").roles("FINANCE");
    }
}
