package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpay.web.PayPagesTests.awaitBackground;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.peerpay.support.SmallCouncil;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Every page and download, asked by no one (sent to sign in), finance, a coordinator whose caseload holds SU1,
 * another coordinator, and an admin; and every form posted without its CSRF token. The whole application answers,
 * with the embedded database behind it.
 */
class PageAccessTests extends PaidPeriodWebTest {

    /** A page and what each of no one, fin, cat, dan and ada gets. */
    record Expect(String name, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, int... status) {
    }

    private List<Expect> pages() {
        MockMultipartFile file = new MockMultipartFile("files", "late.csv", "text/csv",
                (SmallCouncil.TIMESHEET_HEADER + "M1,SU1,2026-11-02,10:00,11:00,0,,\n").getBytes(StandardCharsets.UTF_8));
        return List.of(
                new Expect("start", () -> get("/"), 302, 200, 200, 200, 200),
                new Expect("upload form", () -> get("/finance/imports"), 302, 200, 403, 403, 200),
                new Expect("import result", () -> get("/finance/imports/" + importId), 302, 200, 403, 403, 200),
                new Expect("rejects", () -> get("/finance/imports/" + importId + "/rejects.csv"),
                        302, 200, 403, 403, 200),
                new Expect("pay periods", () -> get("/finance/pay"), 302, 200, 403, 403, 200),
                new Expect("job runs", () -> get("/finance/jobs"), 302, 200, 403, 403, 200),
                new Expect("job runs table", () -> get("/finance/jobs/runs"), 302, 200, 403, 403, 200),
                new Expect("payslips", () -> get("/finance/payslips").param("period", PERIOD), 302, 200, 403, 403, 200),
                new Expect("payslip", () -> get("/finance/payslips/" + payslipId + ".pdf"), 302, 200, 403, 403, 200),
                new Expect("payslips zip", () -> get("/finance/payslips.zip").param("period", PERIOD),
                        302, 200, 403, 403, 200),
                new Expect("budgets", () -> get("/budgets"), 302, 200, 200, 200, 200),
                new Expect("budgets csv", () -> get("/budgets.csv"), 302, 200, 200, 200, 200),
                new Expect("service user SU1", () -> get("/budgets/SU1"), 302, 200, 200, 404, 200),
                new Expect("statement of SU1", () -> get("/budgets/statements/SU1.pdf").param("period", PERIOD),
                        302, 200, 200, 404, 200),
                new Expect("statements zip", () -> get("/budgets/statements.zip").param("period", PERIOD),
                        302, 200, 200, 200, 200),
                new Expect("exceptions", () -> get("/exceptions"), 302, 200, 200, 200, 200),
                new Expect("users", () -> get("/admin/users"), 302, 403, 403, 403, 200),
                new Expect("caseload", () -> get("/admin/users/cat/caseload"), 302, 403, 403, 403, 200),
                new Expect("audit log", () -> get("/admin/audit"), 302, 403, 403, 403, 200),
                new Expect("upload", () -> multipart("/finance/imports").file(file), 302, 200, 403, 403, 200),
                new Expect("run pay (not ended)", () -> post("/finance/pay").param("period", "2026-27/4W09"),
                        302, 200, 403, 403, 200),
                new Expect("restart (completed)", () -> post("/finance/jobs/" + jobId + "/restart"),
                        302, 200, 403, 403, 200),
                new Expect("acknowledge without a note", () -> post("/exceptions/" + exceptionId + "/acknowledge"),
                        302, 200, 200, 200, 200),
                new Expect("release (nothing held)", () -> post("/exceptions/" + exceptionId + "/release"),
                        302, 404, 404, 404, 404),
                new Expect("add a user (too short a password)", () -> post("/admin/users").param("username", "eve")
                        .param("role", "FINANCE").param("password", "short"), 302, 403, 403, 403, 200),
                new Expect("set a caseload", () -> post("/admin/users/dan/caseload").param("refs", "SU2"),
                        302, 403, 403, 403, 302));
    }

    @Test
    void everyPageAnswersEachRoleAsItShould() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Expect page : pages()) {
            for (Who asking : Who.values()) {
                int who = asking.ordinal();
                AbstractMockHttpServletRequestBuilder<?> request = page.request().get().with(csrf());
                if (asking.as != null) {
                    request = request.with(asking.as);
                }
                MockHttpServletResponse response = web.perform(request).andReturn().getResponse();
                if (response.getStatus() != page.status()[who]) {
                    wrong.add(page.name() + " as " + asking + ": " + response.getStatus() + ", not "
                            + page.status()[who]);
                } else if (who == 0 && !String.valueOf(response.getRedirectedUrl()).endsWith("/sign-in")) {
                    wrong.add(page.name() + " as no one: sent to " + response.getRedirectedUrl());
                }
            }
        }
        awaitBackground(background);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyFormRefusesAPostWithoutItsCsrfToken() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (Expect page : pages()) {
            AbstractMockHttpServletRequestBuilder<?> request = page.request().get();
            if ("GET".equals(request.buildRequest(new MockServletContext()).getMethod())) {
                continue;
            }
            int status = web.perform(request.with(Who.ADA.as)).andReturn().getResponse().getStatus();
            if (status != 403) {
                accepted.add(page.name() + ": " + status);
            }
        }
        assertThat(accepted).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from timesheet_import", Integer.class)).isEqualTo(1);
        assertThat(users.find("dan").orElseThrow().caseload()).containsExactly("SU2");
    }
}
