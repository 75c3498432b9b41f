package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpay.web.PayPagesTests.awaitBackground;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.peerpay.support.SmallCouncil;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The JSON API, endpoint by endpoint, against every role, no one signed in, another coordinator's service user, and
 * a missing CSRF token: each answers what the pages would let that person see or do, and refuses with an RFC 9457
 * problem. Run against the whole application and the embedded database (not mocks), so a rule missed in any layer
 * shows.
 */
class ApiTests extends PaidPeriodWebTest {

    record Expect(String name, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, Map<Who, Integer> status) {
    }

    private static Map<Who, Integer> statuses(int anonymous, int fin, int cat, int dan, int ada) {
        Map<Who, Integer> expected = new LinkedHashMap<>();
        expected.put(Who.ANONYMOUS, anonymous);
        expected.put(Who.FIN, fin);
        expected.put(Who.CAT, cat);
        expected.put(Who.DAN, dan);
        expected.put(Who.ADA, ada);
        return expected;
    }

    /** Every endpoint, read-only ones first; each changing one is asked with its CSRF token. */
    private List<Expect> endpoints() {
        MockMultipartFile file = new MockMultipartFile("files", "late.csv", "text/csv",
                (SmallCouncil.TIMESHEET_HEADER + "M1,SU1,2026-11-02,10:00,11:00,0,,\n").getBytes(StandardCharsets.UTF_8));
        return List.of(
                new Expect("session", () -> get("/api/session"), statuses(401, 200, 200, 200, 200)),
                new Expect("import result", () -> get("/api/imports/" + importId), statuses(401, 200, 403, 403, 200)),
                new Expect("pay periods", () -> get("/api/pay-periods"), statuses(401, 200, 403, 403, 200)),
                new Expect("jobs", () -> get("/api/jobs"), statuses(401, 200, 403, 403, 200)),
                new Expect("job", () -> get("/api/jobs/" + jobId), statuses(401, 200, 403, 403, 200)),
                new Expect("nightly", () -> get("/api/nightly"), statuses(401, 200, 403, 403, 200)),
                new Expect("payslips", () -> get("/api/payslips").param("period", PERIOD),
                        statuses(401, 200, 403, 403, 200)),
                new Expect("budgets", () -> get("/api/budgets"), statuses(401, 200, 200, 200, 200)),
                new Expect("service user SU1", () -> get("/api/budgets/SU1"), statuses(401, 200, 200, 404, 200)),
                new Expect("statements", () -> get("/api/statements").param("period", PERIOD),
                        statuses(401, 200, 200, 200, 200)),
                new Expect("exceptions", () -> get("/api/exceptions"), statuses(401, 200, 200, 200, 200)),
                new Expect("users", () -> get("/api/users"), statuses(401, 403, 403, 403, 200)),
                new Expect("audit", () -> get("/api/audit"), statuses(401, 403, 403, 403, 200)),
                new Expect("upload", () -> multipart("/api/imports").file(file), statuses(401, 200, 403, 403, 200)),
                new Expect("start pay run (not ended)", () -> json(post("/api/pay-runs"), "{\"period\":\"2026-27/4W09\"}"),
                        statuses(401, 400, 403, 403, 400)),
                new Expect("restart (completed)", () -> post("/api/jobs/" + jobId + "/restart"),
                        statuses(401, 400, 403, 403, 400)),
                new Expect("hold SU1's exception", () -> post("/api/exceptions/" + exceptionId + "/hold"),
                        statuses(401, 400, 400, 404, 400)),
                new Expect("release (nothing held)", () -> post("/api/exceptions/" + exceptionId + "/release"),
                        statuses(401, 404, 404, 404, 404)),
                new Expect("acknowledge without a note", () -> json(post("/api/exceptions/" + exceptionId
                        + "/acknowledge"), "{\"note\":\" \"}"), statuses(401, 400, 400, 400, 400)),
                new Expect("set caseload", () -> json(put("/api/users/dan/caseload"), "[\"SU2\"]"),
                        statuses(401, 403, 403, 403, 200)));
    }

    @Test
    void everyEndpointAnswersEachRoleAsThePagesWouldAndRefusesAsAProblem() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Expect endpoint : endpoints()) {
            for (Map.Entry<Who, Integer> expected : endpoint.status().entrySet()) {
                AbstractMockHttpServletRequestBuilder<?> request = endpoint.request().get().with(csrf());
                if (expected.getKey().as != null) {
                    request = request.with(expected.getKey().as);
                }
                MockHttpServletResponse response = web.perform(request).andReturn().getResponse();
                if (response.getStatus() != expected.getValue()) {
                    wrong.add(endpoint.name() + " as " + expected.getKey() + ": " + response.getStatus() + ", not "
                            + expected.getValue() + " " + response.getContentAsString());
                } else if (response.getStatus() >= 400 && !"application/problem+json".equals(
                        MediaType.parseMediaType(response.getContentType()).getType() + "/"
                                + MediaType.parseMediaType(response.getContentType()).getSubtype())) {
                    wrong.add(endpoint.name() + " as " + expected.getKey() + ": " + response.getStatus()
                            + " is not a problem+json but " + response.getContentType());
                }
            }
        }
        awaitBackground(background);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyChangingEndpointRefusesARequestWithoutItsCsrfToken() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (Expect endpoint : endpoints()) {
            AbstractMockHttpServletRequestBuilder<?> request = endpoint.request().get();
            if ("GET".equals(request.buildRequest(new org.springframework.mock.web.MockServletContext()).getMethod())) {
                continue;
            }
            MockHttpServletResponse response = web.perform(request.with(Who.ADA.as)).andReturn().getResponse();
            if (response.getStatus() != 403 || !response.getContentAsString().contains("CSRF")) {
                accepted.add(endpoint.name() + ": " + response.getStatus());
            }
        }
        assertThat(accepted).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from timesheet_import", Integer.class)).isEqualTo(1);
    }

    @Test
    void answersMoneyAsStringsOfPoundsWithTheCurrencyAndACoordinatorOnlyTheirCaseload() throws Exception {
        String budgets = body(get("/api/budgets").param("sort", "ref"), Who.CAT);
        assertThat(budgets).contains("\"period\":\"2026-27/4W08\"").contains("\"serviceUserRef\":\"SU1\"")
                .doesNotContain("SU2").contains("\"allocation\":{\"amount\":\"3200.00\",\"currency\":\"GBP\"}");
        String su1 = body(get("/api/budgets/SU1"), Who.CAT);
        assertThat(su1).contains("\"balanceByDay\":[{\"on\":\"2026-04-01\",\"balance\":{\"amount\":\"800.00\"")
                .contains("\"mentorName\":\"Jo Bloggs\"");
        String statements = body(get("/api/statements").param("period", PERIOD), Who.DAN);
        assertThat(statements).contains("SU2").doesNotContain("\"SU1\"");
        String payslips = body(get("/api/payslips").param("period", PERIOD), Who.FIN);
        assertThat(payslips).contains("\"gross\":{\"amount\":\"33.62\",\"currency\":\"GBP\"}");
        String exceptions = body(get("/api/exceptions"), Who.DAN);
        assertThat(exceptions).doesNotContain("\"SU1\"");
    }

    @Test
    void noResponseCarriesAnNiNumberADateOfBirthOrAnAddress() throws Exception {
        for (Expect endpoint : endpoints()) {
            if (!"GET".equals(endpoint.request().get().buildRequest(new org.springframework.mock.web.MockServletContext())
                    .getMethod())) {
                continue;
            }
            String answer = web.perform(endpoint.request().get().with(Who.ADA.as)).andReturn().getResponse()
                    .getContentAsString();
            assertThat(answer).as(endpoint.name()).doesNotContain("AB 12 34 56 C").doesNotContain("AB123456C")
                    .doesNotContain("CE123457A").doesNotContain("1985-03-02").doesNotContain("Park Lane");
        }
    }

    @Test
    void financeStartsAPayRunAndFollowsItToTheEndThroughTheApi() throws Exception {
        importShifts("4w07.csv", "M1,SU1,2026-10-01,10:00,12:00,0,,\n");
        MockHttpServletResponse started = web.perform(json(post("/api/pay-runs"), "{\"period\":\"2026-27/4W07\"}")
                .with(csrf()).with(Who.FIN.as)).andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(202);
        assertThat(started.getHeader("Location")).isEqualTo("/api/jobs");
        assertThat(started.getContentAsString()).contains("\"what\":\"Pay run of 2026-27/4W07\"");
        awaitBackground(background);

        String jobs = body(get("/api/jobs"), Who.FIN);
        assertThat(jobs).contains("\"outcome\":\"2026-27/4W07 paid: 1 payslips, gross £33.62");
        long run = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);
        assertThat(body(get("/api/jobs/" + run), Who.FIN)).contains("\"subject\":\"2026-27/4W07\"")
                .contains("\"status\":\"COMPLETED\"").contains("\"stepNumber\":5").contains("\"steps\":5")
                .contains("\"stepDone\":1.000");

        String refused = web.perform(json(post("/api/pay-runs"), "{\"period\":\"nonsense\"}").with(csrf())
                .with(Who.FIN.as)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("\"status\":400").contains("\"title\":\"Refused\"").contains("nonsense");
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpointForASignedInUser() throws Exception {
        String docs = body(get("/v3/api-docs"), Who.CAT);
        assertThat(docs).contains("\"/api/budgets\"").contains("\"/api/budgets/{ref}\"").contains("\"/api/imports\"")
                .contains("\"/api/pay-runs\"").contains("\"/api/jobs/{id}/restart\"")
                .contains("\"/api/exceptions/{id}/hold\"").contains("\"/api/users/{username}/caseload\"")
                .doesNotContain("\"/finance/pay\"");
        assertThat(web.perform(get("/v3/api-docs")).andReturn().getResponse().getStatus()).isEqualTo(302);

        MockHttpServletResponse swagger = web.perform(get("/swagger-ui/index.html").with(Who.CAT.as)).andReturn()
                .getResponse();
        assertThat(swagger.getStatus()).isEqualTo(200);
        assertThat(swagger.getHeader("Content-Security-Policy")).contains("style-src 'self' 'unsafe-inline';")
                .contains("script-src 'self';");
        assertThat(web.perform(get("/budgets").with(Who.CAT.as)).andReturn().getResponse()
                .getHeader("Content-Security-Policy")).contains("style-src 'self';").doesNotContain("unsafe");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String body(MockHttpServletRequestBuilder request, Who who) throws Exception {
        MockHttpServletResponse response = web.perform(request.with(who.as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
