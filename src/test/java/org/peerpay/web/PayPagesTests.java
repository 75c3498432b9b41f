package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

    @Test
    void paysAnEndedPeriodFromItsButtonAndListsTheRun() throws Exception {
        smallCouncil(true);
        importShifts("4w08.csv", """
                M1,SU1,2026-10-19,10:00,12:00,0,,
                M1,SU2,2026-10-20,10:00,13:00,0,,
                """);

        String before = page("/finance/pay");
        assertThat(before).contains("2026-27/4W08").contains("19 Oct 2026 to 15 Nov 2026").contains("Run")
                .contains("No pay run yet.");

        String after = web.perform(post("/finance/pay").param("period", "2026-27/4W08").with(csrf())
                        .with(user("fin").roles("FINANCE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // E1 2h at £15.00 and E2 3h at £14.50, with rolled-up holiday pay at 12.07%
        assertThat(after).contains("2026-27/4W08 paid: 2 payslips, gross £").contains("Paid")
                .contains("20 Nov 2026").doesNotContain("No pay run yet.").doesNotContain("There is a problem");
        assertThat(audit.newest("fin", "ran pay", 5)).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo("2026-27/4W08"));
        assertThat(jdbc.queryForObject("select count(*) from payslip", Integer.class)).isEqualTo(2);
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
