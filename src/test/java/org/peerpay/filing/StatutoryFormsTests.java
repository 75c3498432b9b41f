package org.peerpay.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.PdfText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P45 and P60. E1 (Jo Bloggs, AB123456C) works 80 hours for SU1 in 4W08, paid 20 November 2026 (tax week 33):
 * 1344.84 taxable (the pension is relief at source), tax 0.00 on 1257L cumulative; NI letter A: at the LEL 516.00,
 * LEL to PT 451.00, PT to UEL 377.84, employee NIC 30.23.
 */
class StatutoryFormsTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @Autowired
    StatutoryForms forms;

    @BeforeEach
    void eightyHours() {
        smallCouncil(true);
        importEightyHoursOfE1();
    }

    @Test
    void aLeaversFinalPayRunGivesThemAP45() throws Exception {
        jdbc.update("update employment set end_date = '2026-10-31' where ref = 'E1'");
        payRuns.pay(P08, OUT);

        Path p45 = OUT.resolve("p45/2026-27/4W08/E1-P45.pdf");
        assertThat(forms.writeP45s(P08, OUT)).containsExactly(p45);

        assertThat(Files.getPosixFilePermissions(p45)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String text = PdfText.of(p45);
        assertThat(text).contains("Part 1A", "Part 2", "Part 3", "120/PB00001", "AB123456C", "Bloggs",
                "31 October 2026", "1257L", "7 Last entries: week33", "Total pay to date£1,344.84",
                "Total tax to date£0.00", "8 This employment: pay£1,344.84", "E1", "1 Park Lane, Leeds, LS1 1AA");
    }

    @Test
    void noP45WhileTheEmploymentGoesOn() {
        payRuns.pay(P08, OUT);

        assertThat(forms.writeP45s(P08, OUT)).isEmpty();
    }

    @Test
    void afterTheYearsLastPayDateEachEmploymentStillGoingGetsAP60() throws Exception {
        payRuns.pay(P08, OUT);

        assertThat(forms.writeP60s("2026-27", LocalDate.of(2027, 4, 1), OUT)).as("weekly pay is still due on 2"
                + " April").isEmpty();
        Path p60 = OUT.resolve("p60/2026-27/E1-P60.pdf");
        assertThat(forms.writeP60s("2026-27", LocalDate.of(2027, 4, 20), OUT)).containsExactly(p60);

        String text = PdfText.of(p60);
        assertThat(text).contains("P60", "5 April 2027", "Bloggs", "AB123456C", "In this employment£1,344.84£0.00",
                "Total for year£1,344.84£0.00", "A £516.00 £451.00 £377.84 £30.23", "120/PB00001");
    }
}
