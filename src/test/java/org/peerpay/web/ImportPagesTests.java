package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.audit.AuditLog;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.support.DatabaseTest;
import org.peerpay.support.SmallCouncil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Finance staff upload timesheet files and read what was imported and what was rejected, row by row. */
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class ImportPagesTests extends DatabaseTest {

    static final MockMultipartFile WEEK = new MockMultipartFile("files", "week-47.csv", "text/csv",
            (SmallCouncil.TIMESHEET_HEADER + """
                    M1,SU1,2026-11-02,10:00,12:00,0,walk,fine
                    M9,SU1,2026-11-03,10:00,12:00,0,walk,who is M9
                    M1,SU1,2026-11-02,10:00,12:00,0,walk,the same again
                    """).getBytes(StandardCharsets.UTF_8));

    @Autowired
    MockMvc web;
    @Autowired
    ReferenceDataLoader referenceLoader;
    @Autowired
    AuditLog audit;

    @TempDir
    Path dir;

    @BeforeEach
    void givenASmallCouncil() {
        referenceLoader.load(SmallCouncil.writeReference(dir));
    }

    @Test
    void twoUploadsAtTheSameMomentWithOverlappingShiftsOfOneMentorAcceptExactlyOne() throws Exception {
        MockMultipartFile first = new MockMultipartFile("files", "su1.csv", "text/csv",
                (SmallCouncil.TIMESHEET_HEADER + "M1,SU1,2026-11-03,10:00,12:00,0,,\n").getBytes(StandardCharsets.UTF_8));
        MockMultipartFile second = new MockMultipartFile("files", "su2.csv", "text/csv",
                (SmallCouncil.TIMESHEET_HEADER + "M1,SU2,2026-11-03,11:00,13:00,0,,\n").getBytes(StandardCharsets.UTF_8));
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> pages = new java.util.ArrayList<>();
            for (MockMultipartFile file : List.of(first, second)) {
                pages.add(two.submit(() -> {
                    together.await();
                    return web.perform(multipart("/finance/imports").file(file).with(csrf())
                                    .with(user("fin").roles("FINANCE")))
                            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                }));
            }
            for (java.util.concurrent.Future<String> page : pages) {
                assertThat(page.get(2, java.util.concurrent.TimeUnit.MINUTES)).contains("Import result");
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line where work_date = '2026-11-03'",
                Integer.class)).as("exactly one of the two shifts accepted").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from timesheet_reject where reason = 'OVERLAP'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void showsWhatWasAcceptedAndEachRejectedRowWithWhatToDo() throws Exception {
        String page = web.perform(multipart("/finance/imports").file(WEEK).with(csrf())
                        .with(user("fin").roles("FINANCE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("week-47.csv").contains("UNKNOWN_MENTOR: 1").contains("DUPLICATE: 1")
                .contains("mentor M9 is not in the reference data").contains("Download")
                .containsPattern("(?s)Accepted</dt>\\s*<dd class=\"govuk-summary-list__value\">1</dd>");
        assertThat(audit.newest("fin", "uploaded", 5)).singleElement()
                .satisfies(e -> assertThat(e.subject()).startsWith("week-47.csv (import ")
                        .endsWith(": 1 accepted, 2 rejected)"));
    }

    @Test
    void letsFinanceDownloadTheRejectsAndNoOneElseUpload() throws Exception {
        web.perform(multipart("/finance/imports").file(WEEK).with(csrf()).with(user("fin").roles("FINANCE")));
        long importId = jdbc.queryForObject("select max(id) from timesheet_import", Long.class);

        web.perform(get("/finance/imports/{id}/rejects.csv", importId).with(user("fin").roles("FINANCE")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("M9,SU1,2026-11-03,10:00,12:00,0,walk,who is M9,3,"
                        + "UNKNOWN_MENTOR")));
        web.perform(multipart("/finance/imports").file(WEEK).with(csrf()).with(user("cat").roles("COORDINATOR")))
                .andExpect(status().isForbidden());
        web.perform(multipart("/finance/imports").file(WEEK).with(user("fin").roles("FINANCE")))
                .andExpect(status().isForbidden());
        web.perform(get("/finance/imports/{id}", importId + 1).with(user("fin").roles("FINANCE")))
                .andExpect(status().isNotFound());
        assertThat(audit.newest("fin", "downloaded", 5)).hasSize(1);
    }
}
