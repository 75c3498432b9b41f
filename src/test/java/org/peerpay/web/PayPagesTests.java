package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.peerpay.audit.AuditLog;
import org.peerpay.support.CouncilTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Finance staff see the periods that have ended unpaid, pay one, and see the run with its totals. */
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class PayPagesTests extends CouncilTest {

    @Autowired
    MockMvc web;
    @Autowired
    AuditLog audit;
    @Autowired
    BackgroundWork background;

    @Test
    void paysAnEndedPeriodFromItsButtonInTheBackgroundAndFollowsTheRunToItsEnd() throws Exception {
        smallCouncil(true);
        importShifts("4w08.csv", """
                M1,SU1,2026-10-19,10:00,12:00,0,,
                M1,SU2,2026-10-20,10:00,13:00,0,,
                """);

        String before = page("/finance/pay");
        assertThat(before).contains("2026-27/4W08").contains("19 Oct 2026 to 15 Nov 2026").contains("Run")
                .contains("No pay run yet.");

        web.perform(post("/finance/pay").param("period", "2026-27/4W08").with(csrf())
                        .with(user("fin").roles("FINANCE")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/finance/jobs"))
                .andExpect(flash().attribute("started", "The pay run of 2026-27/4W08 has started. This page follows"
                        + " it to its end."));
        awaitBackground(background);

        // E1 2h at £15.00 and E2 3h at £14.50 with rolled-up holiday pay at 12.07%: £33.62 + £48.75
        String jobs = web.perform(get("/finance/jobs/runs").with(user("fin").roles("FINANCE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(jobs).contains("Pay run of 2026-27/4W08").contains("by fin")
                .contains("2026-27/4W08 paid: 2 payslips, gross £82.37").contains("Pay run").contains("Completed")
                .contains("5 of 5: complete pay run").doesNotContain("hx-trigger").doesNotContain("Restart");
        assertThat(page("/finance/pay")).contains("Paid").contains("20 Nov 2026").doesNotContain("No pay run yet.");
        assertThat(audit.newest("fin", "ran pay", 5)).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo("2026-27/4W08"));
        assertThat(jdbc.queryForObject("select count(*) from payslip", Integer.class)).isEqualTo(2);
    }

    @Test
    void aPeriodNotEndedIsRefusedOnThePageAndNothingStarts() throws Exception {
        smallCouncil(true);
        String page = web.perform(post("/finance/pay").param("period", "2026-27/4W09").with(csrf())
                        .with(user("fin").roles("FINANCE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem").contains("2026-27/4W09 has not ended yet");
        assertThat(background.tasks()).isEmpty();
    }

    /** Waits for the work the pages started to end. */
    static void awaitBackground(BackgroundWork background) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (background.anyOngoing() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(background.anyOngoing()).as("background work ended").isFalse();
    }


    @Test
    void onlyFinanceAndAdminsMayPayAndOnlyWithTheFormsToken() throws Exception {
        smallCouncil(true);
        web.perform(get("/finance/pay").with(user("cat").roles("COORDINATOR"))).andExpect(status().isForbidden());
        web.perform(post("/finance/pay").param("period", "2026-27/4W08").with(user("fin").roles("FINANCE")))
                .andExpect(status().isForbidden());
        web.perform(post("/finance/pay").param("period", "2026-27/4W08").with(csrf())
                .with(user("cat").roles("COORDINATOR"))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from pay_run", Integer.class)).isZero();
    }

    private String page(String path) throws Exception {
        return web.perform(get(path).with(user("fin").roles("FINANCE"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
