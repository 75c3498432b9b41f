package org.peerpay.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.support.CouncilTest;
import org.peerpay.users.Role;
import org.peerpay.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Base of the tests that ask the web application as each kind of user: the small council with 2026-27/4W08 paid
 * (statements and payslip PDFs written; a shift of an unknown mentor rejected; a shift under the floor at SU1), and
 * fin (finance), cat (coordinator of SU1), dan (coordinator of SU2) and ada (admin).
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
abstract class PaidPeriodWebTest extends CouncilTest {

    static final String PERIOD = "2026-27/4W08";

    @Autowired
    MockMvc web;
    @Autowired
    Users users;
    @Autowired
    PeriodClose periodClose;
    @Autowired
    BackgroundWork background;

    /** Who asks: no one, or a user of a role (cat's caseload is SU1; dan's SU2). */
    enum Who {
        ANONYMOUS(null), FIN(user("fin").roles("FINANCE")), CAT(user("cat").roles("COORDINATOR")),
        DAN(user("dan").roles("COORDINATOR")), ADA(user("ada").roles("ADMIN"));

        final RequestPostProcessor as;

        Who(RequestPostProcessor as) {
            this.as = as;
        }
    }

    long importId;
    long payslipId;
    long exceptionId;
    long jobId;

    @BeforeEach
    void givenAPaidPeriodAndOneOfEachUser() {
        smallCouncil(true);
        importShifts("4w08.csv", """
                M1,SU1,2026-10-19,10:00,12:00,0,,
                M9,SU1,2026-10-19,10:00,12:00,0,,
                M1,SU2,2026-10-20,10:00,13:00,0,,
                M2,SU1,2026-10-21,10:00,12:00,0,,
                """);
        importId = jdbc.queryForObject("select max(id) from timesheet_import", Long.class);
        periodClose.closePeriod(PayPeriod.parse(PERIOD), AS_OF, OUT);
        payslipId = jdbc.queryForObject("select min(id) from payslip", Long.class);
        exceptionId = jdbc.queryForObject("select min(id) from payroll_exception where service_user_id ="
                + " (select id from service_user where ref = 'SU1')", Long.class);
        jobId = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);
        users.add("fin", Role.FINANCE, "a long enough password".toCharArray());
        users.add("cat", Role.COORDINATOR, "a long enough password".toCharArray());
        users.add("dan", Role.COORDINATOR, "a long enough password".toCharArray());
        users.add("ada", Role.ADMIN, "a long enough password".toCharArray());
        users.setCaseload("cat", Set.of("SU1"));
        users.setCaseload("dan", Set.of("SU2"));
    }
}
