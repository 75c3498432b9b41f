package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.PdfText;
import org.peerpay.support.SmallCouncil;
import org.peerpay.timesheets.ImportResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A canary NI number and bank account, pushed through the paths that succeed and those that fail (a mentor's
 * details, a refused reference file, timesheet cells accepted, rejected and unknown, a pay run, its documents, the
 * pages and the API), never come out unmasked: not in the logs, a CSV, a PDF, the job repository, the database's
 * free text, an error message or an API response.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureMockMvc
@TestPropertySource(properties = {"spring.main.web-application-type=servlet", "logging.level.org.peerpay=DEBUG"})
class PersonalDataCanaryTests extends CouncilTest {

    static final List<String> CANARIES = List.of("JG103759A", "JG 10 37 59 A", "12-34-56", "12345678");

    @Autowired
    PeriodClose periodClose;
    @Autowired
    MockMvc web;

    @Test
    void aCanaryNiNumberAndBankAccountNeverComeOutUnmasked(CapturedOutput logs) throws Exception {
        Path files = SmallCouncil.writeReference(dir.resolve("reference"));
        Files.writeString(files.resolve("mentors.csv"), "M3,Pat,Canary,1990-01-01,JG103759A,M,3 Canary Row,Leeds,LS1 1AA,"
                + "12-34-56,12345678,P CANARY\n",
                StandardOpenOption.APPEND);
        Files.writeString(files.resolve("employments.csv"),
                "E5,SU1,M3,2026-04-06,,15.00,four-weekly,1257L,false,A,rolled-up,assess\n", StandardOpenOption.APPEND);
        reference.load(files);
        budgets.postFunding(java.time.LocalDate.of(2099, 12, 31));
        List<String> seen = new ArrayList<>();
        List<Path> filings = new ArrayList<>();

        Path again = Files.createDirectories(dir.resolve("again"));
        SmallCouncil.write(again.resolve("mentors.csv"), """
                mentor_ref,forename,surname,date_of_birth,ni_number,gender,address_line_1,postcode
                M4,Copy,Cat,1990-01-01,JG 10 37 59 A,F,4 Canary Row,LS1 1AA
                """);
        assertThatThrownBy(() -> reference.load(again)).satisfies(refused -> seen.add(refused.getMessage()));
        String bank = "sort code 12-34-56 account 12345678";
        ImportResult imported = importer.importFile(SmallCouncil.write(dir.resolve("canary.csv"),
                SmallCouncil.TIMESHEET_HEADER + """
                M3,SU1,2026-10-19,10:00,12:00,0,NI JG103759A,%s
                M3,SU1,2026-10-20,25:00,26:00,0,walk,NI JG 10 37 59 A and %s
                JG103759A,SU1,2026-10-21,10:00,11:00,0,walk,%s
                """.formatted(bank, bank, bank)), AS_OF, OUT);
        assertThat(imported.accepted()).isEqualTo(1);
        periodClose.closePeriod(PayPeriod.parse("2026-27/4W08"), AS_OF, OUT);

        seen.add(logs.getAll());
        try (Stream<Path> written = Files.walk(OUT)) {
            for (Path file : written.filter(Files::isRegularFile).toList()) {
                String text = file.toString().endsWith(".pdf") ? PdfText.of(file)
                        : Files.readString(file, StandardCharsets.UTF_8);
                Path relative = OUT.relativize(file);
                // the two exceptions, each readable by its owner alone: HMRC's FPS must carry the NI number, and the
                // bank's payment files the account numbers
                if (relative.startsWith("rti") && relative.toString().endsWith(".xml")
                        || relative.getFileName().toString().matches("(pain\\.001|bank-payments).*")) {
                    assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                    text = text.replace("<NINO>JG103759A</NINO>", "<NINO>(for HMRC)</NINO>")
                            .replace("12345678", "(for the bank)");
                    filings.add(file);
                }
                seen.add(file + ": " + text);
            }
        }
        for (String sql : List.of(
                "select string_agg(parameter_value, ' ') from batch_job_execution_params",
                "select string_agg(coalesce(exit_message, ''), ' ') from batch_job_execution",
                "select string_agg(coalesce(exit_message, ''), ' ') from batch_step_execution",
                "select string_agg(short_context || coalesce(serialized_context, ''), ' ') from batch_step_execution_context",
                "select string_agg(short_context || coalesce(serialized_context, ''), ' ') from batch_job_execution_context",
                "select string_agg(concat_ws(' ', activity, notes), ' ') from timesheet_line",
                "select string_agg(concat_ws(' ', detail, mentor_ref, activity, notes), ' ') from timesheet_reject",
                "select string_agg(detail, ' ') from payroll_exception",
                "select string_agg(concat_ws(' ', action, subject), ' ') from audit_event",
                "select string_agg(description, ' ') from journal_entry")) {
            seen.add(sql + ": " + jdbc.queryForObject(sql, String.class));
        }
        for (String path : List.of("/api/imports/" + imported.importId(), "/api/imports/" + imported.importId()
                        + "/rejects.csv", "/api/pay-periods", "/api/jobs", "/api/payslips?period=2026-27/4W08",
                "/api/budgets", "/api/budgets/SU1", "/api/statements?period=2026-27/4W08", "/api/exceptions",
                "/budgets/SU1", "/exceptions", "/finance/jobs")) {
            var response = web.perform(get(path).with(user("fin").roles("FINANCE"))).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            seen.add(path + ": " + response.getContentAsString(StandardCharsets.UTF_8));
        }

        for (String text : seen) {
            for (String canary : CANARIES) {
                assertThat(text).as("the canary " + canary).doesNotContain(canary);
            }
        }
        assertThat(filings).as("SU1's FPS and bank files, with M3's NI number and account number")
                .extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrder("SU1-FPS.xml", "SU1-EPS-employment-allowance.xml", "pain.001.xml",
                        "bank-payments.csv");
        assertThat(String.join("\n", seen)).as("the canary went through, masked")
                .contains("JG******A").contains("**-**-56").contains("****5678");
    }
}
