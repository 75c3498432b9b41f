package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.audit.AuditLog;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.CouncilTest;
import org.peerpay.users.Role;
import org.peerpay.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The exceptions queue: a coordinator sees and acknowledges their caseload's exceptions, and only theirs. */
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class ExceptionPagesTests extends CouncilTest {

    @Autowired
    MockMvc web;
    @Autowired
    Users users;
    @Autowired
    AuditLog audit;

    long exceptionId;

    @BeforeEach
    void givenAShiftBelowTheFloorAtSu1() {
        smallCouncil(true);
        // E3 pays M2 £14.00 an hour at SU1, under the £14.38 floor
        importShifts("week.csv", "M2,SU1,2026-10-20,10:00,12:00,0,,\n");
        exceptionId = jdbc.queryForObject("select id from payroll_exception where type = 'BELOW_FLOOR'", Long.class);
        users.add("cat", Role.COORDINATOR, "a long enough password".toCharArray());
        users.add("dan", Role.COORDINATOR, "a long enough password".toCharArray());
        users.setCaseload("cat", Set.of("SU1"));
        users.setCaseload("dan", Set.of("SU2"));
    }

    @Test
    void aCoordinatorAcknowledgesTheirCaseloadsExceptionWithANote() throws Exception {
        assertThat(page("cat")).contains("Below floor").contains("SU1").contains("Acknowledge");
        assertThat(page("dan")).contains("No exceptions.");

        web.perform(post("/exceptions/{id}/acknowledge", exceptionId).param("note", "").with(csrf())
                .with(user("cat").roles("COORDINATOR"))).andExpect(status().isOk());
        web.perform(post("/exceptions/{id}/acknowledge", exceptionId).param("note", "rate goes up next month")
                .with(csrf()).with(user("cat").roles("COORDINATOR"))).andExpect(redirectedUrl("/exceptions"));

        assertThat(page("cat")).contains("cat, ").contains(": rate goes up next month");
        assertThat(audit.newest("cat", "acknowledged", 5)).extracting(e -> e.subject())
                .containsExactly("exception " + exceptionId + ": rate goes up next month");
    }

    @Test
    void noOneAcknowledgesAnotherCaseloadsExceptionOrWithoutTheFormsToken() throws Exception {
        web.perform(post("/exceptions/{id}/acknowledge", exceptionId).param("note", "not mine").with(csrf())
                .with(user("dan").roles("COORDINATOR"))).andExpect(status().isNotFound());
        web.perform(post("/exceptions/{id}/acknowledge", exceptionId).param("note", "no token")
                .with(user("cat").roles("COORDINATOR"))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select acknowledged_at is null from payroll_exception where id = ?",
                Boolean.class, exceptionId)).isTrue();
    }

    @Test
    void aHeldShiftIsLeftOutOfThePayRunAndPaidByTheNextRunOnceReleased() throws Exception {
        web.perform(post("/exceptions/{id}/hold", exceptionId).with(csrf()).with(user("dan").roles("COORDINATOR")))
                .andExpect(status().isNotFound());
        web.perform(post("/exceptions/{id}/hold", exceptionId).with(user("cat").roles("COORDINATOR"))).andExpect(status().isForbidden());

        web.perform(post("/exceptions/{id}/hold", exceptionId).with(csrf()).with(user("cat").roles("COORDINATOR")))
                .andExpect(redirectedUrl("/exceptions"));
        assertThat(page("cat")).contains("1 shift(s) held by cat").contains("Release");
        // held twice is refused: nothing is left unpaid to hold
        web.perform(post("/exceptions/{id}/hold", exceptionId).with(csrf()).with(user("cat").roles("COORDINATOR")))
                .andExpect(status().isNotFound());

        payRuns.pay(PayPeriod.parse("2026-27/4W08"), OUT);
        assertThat(jdbc.queryForObject("select count(*) from payslip", Integer.class)).isZero();

        web.perform(post("/exceptions/{id}/release", exceptionId).with(csrf()).with(user("cat").roles("COORDINATOR")))
                .andExpect(redirectedUrl("/exceptions"));
        assertThat(page("cat")).doesNotContain("shift(s) held by").contains("Hold");
        payRuns.pay(PayPeriod.parse("2026-27/4W09"), OUT);
        assertThat(jdbc.queryForObject("select count(*) from payslip where period_id = '2026-27/4W09'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line where status = 'PAID'", Integer.class))
                .isEqualTo(1);
        assertThat(audit.newest("cat", "", 5)).extracting(e -> e.action() + " " + e.subject()).containsExactly(
                "released a hold exception " + exceptionId + ": 1 shift(s)",
                "held shifts exception " + exceptionId + ": 1 shift(s)");
    }

    @Test
    void holdingAnExceptionWhoseShiftsArePaidSaysSoOnThePage() throws Exception {
        payRuns.pay(PayPeriod.parse("2026-27/4W08"), OUT);
        String page = web.perform(post("/exceptions/{id}/hold", exceptionId).with(csrf()).with(user("cat").roles("COORDINATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem").contains("Nothing to hold for exception " + exceptionId
                + ": every shift it is about has been paid or is held already.");
    }

    private String page(String username) throws Exception {
        return web.perform(get("/exceptions").with(signedIn(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    /** A signed-in user of the role their name says: fin is finance, the others coordinators. */
    static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String username) {
        return user(username).roles(username.equals("fin") ? "FINANCE" : "COORDINATOR");
    }
}
