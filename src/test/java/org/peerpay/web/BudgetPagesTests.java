package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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

    @Test
    void showsAllocationAndFundingToDateAndSortsFiltersAndExportsWhatItShows() throws Exception {
        // SU1: £3,200.00 allocated, £800.00 received, £33.62 spent; SU2: £2,100.00, £525.00, £48.75
        String page = page("fin");
        assertThat(page).contains("£3,200.00").contains("£800.00").contains("£766.38")
                .contains("£2,100.00").contains("£525.00").contains("£476.25")
                .contains("aria-sort=\"ascending\"");
        assertThat(page.indexOf("SU2 Sam Patel")).as("lowest balance first").isLessThan(page.indexOf("SU1 Alex"));
        String descending = page("fin", "sort", "balance", "order", "desc");
        assertThat(descending.indexOf("SU1 Alex Morgan")).isLessThan(descending.indexOf("SU2 Sam Patel"));
        assertThat(descending).contains("aria-sort=\"descending\"");
        assertThat(page("fin", "q", "patel")).contains("SU2 Sam Patel").doesNotContain("SU1 Alex Morgan");

        String csv = web.perform(get("/budgets.csv").param("sort", "ref").with(user("fin").roles("FINANCE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFperiod,service_user_ref,service_user_name,allocation,funding_to_date,"
                + "opening_balance,funding,spent,balance,weeks_of_funding_left,hours_delivered,hours_planned,flags\r\n"
                + "2026-27/4W08,SU1,Alex Morgan,3200.00,800.00,800.00,0.00,33.62,766.38,");
        assertThat(csv.lines()).hasSize(3).last().asString().startsWith("2026-27/4W08,SU2,Sam Patel,2100.00,525.00,");

        users.setCaseload("cat", Set.of("SU1"));
        String theirs = web.perform(get("/budgets.csv").with(user("cat").roles("COORDINATOR"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(theirs).contains("SU1").doesNotContain("SU2");
    }

    @Test
    void aServiceUsersPageShowsTheLedgersBalanceOverTimeTheirMentorsAndExceptionsToTheirCoordinatorOnly()
            throws Exception {
        users.setCaseload("cat", Set.of("SU1"));
        String page = web.perform(get("/budgets/SU1").with(user("cat").roles("COORDINATOR"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("SU1 Alex Morgan").contains("Leeds City Council").contains("£3,200.00")
                .contains("1 Apr 2026 to 31 Mar 2027").contains("3h 00m a week")
                .contains("id=\"balance-chart\"").contains("chart.umd.min.js")
                .contains("data-value=\"800.00\"").contains("data-value=\"766.38\"").contains("20 Nov 2026")
                .contains("data-value=\"33.62\"").contains("2026-27/4W08")
                .contains("E1").contains("M1 ").contains("£15.00 an hour").contains("E3").contains("£14.00 an hour")
                .contains("120/PB00001").contains("123PG00012345").contains("**-**-01 ****0013")
                .doesNotContain("52000013").doesNotContain("20-45-01");
        assertThat(page.indexOf("Balance now")).isLessThan(page.indexOf("£766.38"));

        web.perform(get("/budgets/SU2").with(user("cat").roles("COORDINATOR"))).andExpect(status().isNotFound());
        web.perform(get("/budgets/NOPE").with(user("fin").roles("FINANCE"))).andExpect(status().isNotFound());
        web.perform(get("/budgets/SU2").with(user("fin").roles("FINANCE"))).andExpect(status().isOk());
    }

    private String page(String username, String... parameters) throws Exception {
        var request = get("/budgets").with(signedIn(username));
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.param(parameters[i], parameters[i + 1]);
        }
        return web.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(String username) throws Exception {
        return web.perform(get("/budgets").with(signedIn(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    /** A signed-in user of the role their name says: fin is finance, the others coordinators. */
    static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String username) {
        return user(username).roles(username.equals("fin") ? "FINANCE" : "COORDINATOR");
    }
}
