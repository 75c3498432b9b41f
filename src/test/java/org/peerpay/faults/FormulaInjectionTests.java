package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.opencsv.CSVReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.PdfText;
import org.peerpay.support.SmallCouncil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Names, addresses and notes that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) come out of every CSV PeerPay writes neutralised: a leading apostrophe, so Excel shows them as text. In a
 * PDF and a page, where nothing runs them, they are shown as they were given, as plain text.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class FormulaInjectionTests extends CouncilTest {

    static final Pattern FORMULA = Pattern.compile("^[=+@\\t\\r]|^-(?!\\d+(\\.\\d+)?$)");

    @Autowired
    PeriodClose periodClose;
    @Autowired
    MockMvc web;

    @Test
    void everyCsvPeerPayWritesNeutralisesCellsThatWouldRunAsFormulas() throws Exception {
        Path files = SmallCouncil.writeReference(dir.resolve("reference"));
        Files.writeString(files.resolve("service-users.csv"), """
                service_user_ref,name,council,employer_paye_ref,accounts_office_ref,employment_allowance,retention_weeks
                SU1,"=HYPERLINK(""http://evil.example"",""Alex"")",@Council,120/PB00001,123PG00012345,true,8
                SU2,+Sam Patel,-Leeds,,,false,12
                """);
        Path mentors = SmallCouncil.write(dir.resolve("hostile-mentors/mentors.csv"), """
                mentor_ref,forename,surname,date_of_birth,ni_number,gender,address_line_1,address_line_2,postcode
                M1,=1+1,Bloggs,1985-03-02,AB 12 34 56 C,F,1 Park Lane,@SUM(A1:A9),LS1 1AA
                M2,"\tKai",Young,2006-06-01,CE123457A,M,-2 Park Lane,Leeds,LS1 1AA
                """);
        // a mentor's name and address are HMRC's (the FPS takes them only starting with a letter or digit): a formula
        // there is refused at the door (a leading tab is trimmed, as from every cell)
        assertThatThrownBy(() -> reference.load(mentors.getParent()))
                .hasMessageContaining("mentors.csv row 2, column forename: must be at most 35 characters and start"
                        + " with a letter")
                .hasMessageContaining("row 2, column address_line_2:")
                .hasMessageContaining("row 3, column address_line_1:");
        reference.load(files);
        budgets.postFunding(java.time.LocalDate.of(2099, 12, 31));
        importShifts("4w08.csv", """
                M1,SU1,2026-10-19,10:00,12:00,0,=cmd|' /C calc'!A0,+notes
                M2,SU1,2026-10-21,10:00,12:00,0,@walk,-5 minutes late
                M9,SU1,2026-10-22,10:00,12:00,0,=HYPERLINK("x"),@who
                M1,SU2,2026-10-20,10:00,13:00,0,,
                """);
        periodClose.closePeriod(PayPeriod.parse("2026-27/4W08"), AS_OF, OUT);

        List<Path> csvs;
        try (Stream<Path> walked = Files.walk(OUT)) {
            csvs = walked.filter(file -> file.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(csvs).extracting(file -> OUT.relativize(file).toString()).contains(
                "payslips/2026-27/4W08/payslips.csv", "statements/2026-27/4W08/statements.csv",
                "exceptions/2026-27/4W08.csv", "imports/4w08.csv.rejects.csv");
        List<String> formulas = new ArrayList<>();
        int hostileSeen = 0;
        for (Path csv : csvs) {
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 CSVReader rows = new CSVReader(in)) {
                for (String[] row : rows) {
                    for (String cell : row) {
                        String value = cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
                        if (FORMULA.matcher(value).find()) {
                            formulas.add(OUT.relativize(csv) + ": " + value);
                        }
                        if (value.startsWith("'")) {
                            hostileSeen++;
                        }
                    }
                }
            }
        }
        String exported = web.perform(get("/budgets.csv").with(user("fin").roles("FINANCE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        try (CSVReader rows = new CSVReader(new java.io.StringReader(exported))) {
            for (String[] row : rows) {
                for (String cell : row) {
                    if (FORMULA.matcher(cell.replace("\uFEFF", "")).find()) {
                        formulas.add("/budgets.csv: " + cell);
                    }
                }
            }
        }
        assertThat(formulas).isEmpty();
        assertThat(hostileSeen).as("the hostile cells were written, neutralised").isGreaterThan(0);
        assertThat(exported).contains("'=HYPERLINK(");

        assertThat(PdfText.of(OUT.resolve("payslips/2026-27/4W08/SU1/M1.pdf")))
                .contains("=HYPERLINK(\"http://evil.example\",\"Alex\")").doesNotContain("'=");
        assertThat(PdfText.of(OUT.resolve("statements/2026-27/4W08/SU1.pdf")))
                .contains("=HYPERLINK(\"http://evil.example\",\"Alex\")").contains("@Council");
        String page = web.perform(get("/budgets/SU1").with(user("fin").roles("FINANCE"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;Alex&quot;)")
                .doesNotContain("'=HYPERLINK");
    }
}
