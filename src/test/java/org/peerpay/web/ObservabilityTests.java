package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Health: UP or DOWN for anyone, with its parts for admins; the Prometheus metrics for admins only, with the
 * imports' rows by outcome and reason, the payslips, the batch jobs' and steps' durations and the ledger check.
 */
class ObservabilityTests extends PaidPeriodWebTest {

    @Test
    void healthSaysUpToAnyoneAndItsPartsToAdminsOnly() throws Exception {
        MockHttpServletResponse anyone = web.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(anyone.getStatus()).isEqualTo(200);
        assertThat(anyone.getContentAsString()).contains("\"status\":\"UP\"").doesNotContain("components");

        String finance = web.perform(get("/actuator/health").with(Who.FIN.as)).andReturn().getResponse()
                .getContentAsString();
        assertThat(finance).doesNotContain("components");

        String admin = web.perform(get("/actuator/health").with(Who.ADA.as)).andReturn().getResponse()
                .getContentAsString();
        assertThat(admin).contains("\"db\"").contains("\"dataDiskSpace\"").contains("\"outDiskSpace\"")
                .contains("\"lastNightly\"").contains("\"scheduled\":false").contains("\"failedJobs\"")
                .contains("\"awaitingRestart\":0").contains("test-data");
    }

    @Test
    void metricsForPrometheusAreForAdminsOnly() throws Exception {
        assertThat(web.perform(get("/actuator/prometheus").with(Who.FIN.as)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(web.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(302);

        String metrics = web.perform(get("/actuator/prometheus").with(Who.ADA.as)).andReturn().getResponse()
                .getContentAsString();
        assertThat(metrics).contains("peerpay_timesheets_rows_total{outcome=\"accepted\"")
                .contains("peerpay_timesheets_rows_total{outcome=\"rejected\",reason=\"UNKNOWN_MENTOR\"")
                .contains("peerpay_payroll_payslips_total{frequency=\"four-weekly\"")
                .containsPattern("peerpay_ledger_breaches(\\{[^}]*})? 0")
                .contains("spring_batch_job").contains("spring_batch_step");
    }
}
