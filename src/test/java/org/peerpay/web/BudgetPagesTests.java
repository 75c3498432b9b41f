package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.CouncilTest;
import org.peerpay.users.Role;
import org.peerpay.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The budgets dashboard: a coordinator sees their caseload's budgets and no one else's. */
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class BudgetPagesTests extends CouncilTest {

    @Autowired
    MockMvc web;
    @Autowired
    Users users;

    @BeforeEach
    void givenAPaidPeriod() {
        smallCouncil(true);
        importShifts("4w08.csv", """
                M1,SU1,2026-10-19,10:00,12:00,0,,
                M1,SU2,2026-10-20,10:00,13:00,0,,
                """);
        payRuns.pay(PayPeriod.parse("2026-27/4W08"), OUT);
        users.add("cat", Role.COORDINATOR, "a long enough password".toCharArray());
        users.add("fin", Role.FINANCE, "a long enough password".toCharArray());
    }

    @Test
    void aCoordinatorSeesOnlyTheirCaseload() throws Exception {
        users.setCaseload("cat", Set.of("SU1"));

        String page = page("cat");

        assertThat(page).contains("Budgets over 2026-27/4W08").contains("SU1 Alex Morgan").doesNotContain("SU2")
                .contains("2h 00m");
        assertThat(page("fin")).contains("SU1 Alex Morgan").contains("SU2 Sam Patel");
    }

    @Test
    void aCoordinatorWithNoCaseloadSeesNoBudgetAndNoOneAnonymousSeesAny() throws Exception {
        assertThat(page("cat")).doesNotContain("SU1").contains("No budgets to show");
        web.perform(get("/budgets")).andExpect(status().isFound());
    }

    private String page(String username) throws Exception {
        return web.perform(get("/budgets").with(user(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
