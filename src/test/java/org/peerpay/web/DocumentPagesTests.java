package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.audit.AuditLog;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.support.CouncilTest;
import org.peerpay.users.Role;
import org.peerpay.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Payslips and statements are downloaded one by one or zipped, by whoever may see them, each in the audit log. */
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class DocumentPagesTests extends CouncilTest {

    @Autowired
    MockMvc web;
    @Autowired
    Users users;
    @Autowired
    PeriodClose periodClose;
    @Autowired
    AuditLog audit;

    @BeforeEach
    void givenAPaidPeriod() {
        smallCouncil(true);
        importShifts("4w08.csv", """
                M1,SU1,2026-10-19,10:00,12:00,0,,
                M1,SU2,2026-10-20,10:00,13:00,0,,
                """);
        periodClose.closePeriod(PayPeriod.parse("2026-27/4W08"), AS_OF, OUT);
        users.add("cat", Role.COORDINATOR, "a long enough password".toCharArray());
        users.add("fin", Role.FINANCE, "a long enough password".toCharArray());
        users.setCaseload("cat", Set.of("SU1"));
    }

    @Test
    void financeListsAPeriodsPayslipsAndDownloadsOneOrAZipOfThemAll() throws Exception {
        String list = ok(get("/finance/payslips").param("period", "2026-27/4W08"), "fin").getContentAsString();
        assertThat(list).contains("Payslips for 2026-27/4W08").contains("Download all 2 payslips (zip)")
                .contains("SU1 Alex Morgan").contains("£33.62");
        long id = jdbc.queryForObject("select p.id from payslip p join service_user s on s.id = p.service_user_id"
                + " where s.ref = 'SU1'", Long.class);

        MockHttpServletResponse pdf = ok(get("/finance/payslips/" + id + ".pdf"), "fin");
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).contains("SU1-M1-2026-27-4W08.pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");

        assertThat(entries(ok(get("/finance/payslips.zip").param("period", "2026-27/4W08"), "fin")))
                .containsExactlyInAnyOrder("SU1/M1.pdf", "SU2/M1.pdf");
        assertThat(entries(ok(get("/finance/payslips.zip").param("period", "2026-27/4W08")
                .param("serviceUser", "SU2"), "fin"))).containsExactly("SU2/M1.pdf");
        assertThat(audit.newest("fin", "downloaded", 10)).extracting(org.peerpay.audit.AuditEvent::subject).containsExactly(
                "payslips of 2026-27/4W08 for SU2 (zip of 1 files)", "payslips of 2026-27/4W08 (zip of 2 files)",
                "payslip " + id + " (2026-27/4W08, SU1, M1)");
    }

    @Test
    void aCoordinatorDownloadsTheirCaseloadsStatementsOnlyAndNoPayslips() throws Exception {
        MockHttpServletResponse own = ok(get("/budgets/statements/SU1.pdf").param("period", "2026-27/4W08"), "cat");
        assertThat(new String(own.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        web.perform(get("/budgets/statements/SU2.pdf").param("period", "2026-27/4W08").with(user("cat").roles("COORDINATOR")))
                .andExpect(status().isNotFound());
        assertThat(entries(ok(get("/budgets/statements.zip").param("period", "2026-27/4W08"), "cat")))
                .containsExactly("SU1.pdf");
        assertThat(entries(ok(get("/budgets/statements.zip").param("period", "2026-27/4W08"), "fin")))
                .containsExactlyInAnyOrder("statements.csv", "SU1.pdf", "SU2.pdf");
        web.perform(get("/finance/payslips.zip").param("period", "2026-27/4W08").with(user("cat").roles("COORDINATOR")))
                .andExpect(status().isForbidden());
        web.perform(get("/finance/payslips.zip").param("period", "2026-27/4W09").with(user("fin").roles("FINANCE")))
                .andExpect(status().isNotFound());
    }

    private MockHttpServletResponse ok(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
                                               request, String username) throws Exception {
        Role role = username.equals("fin") ? Role.FINANCE : Role.COORDINATOR;
        return web.perform(request.with(user(username).roles(role.name()))).andExpect(status().isOk()).andReturn()
                .getResponse();
    }

    private static List<String> entries(MockHttpServletResponse zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getContentAsByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
