package org.peerpay.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerpay.support.DatabaseTest;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Whatever logs an NI number, a bank detail or a password, the log shows it masked. */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTests extends DatabaseTest {

    @Test
    void masksNiNumbersBankDetailsAndPasswordsInEveryLogLine(CapturedOutput output) {
        LoggerFactory.getLogger("org.peerpay.canary").warn("mentor M1 has NI number AB 12 34 56 C and QQ123456A,"
                + " bank 12-34-56 account 87654321; login with password=hunter2secret and \"password\": \"s3cr3t\"");
        LoggerFactory.getLogger("com.example.driver").error("row failed: (ni_number)=(CE123457A)");

        assertThat(output.getAll()).contains("AB******C").contains("QQ******A").contains("**-**-56")
                .contains("****4321").contains("password=********").contains("(CE******A)")
                .doesNotContain("12 34 56").doesNotContain("123456A").doesNotContain("87654321")
                .doesNotContain("hunter2").doesNotContain("s3cr3t").doesNotContain("123457");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "AB123456C|AB******C", "ni=(CE123457A).|ni=(CE******A).", "NI AB 12 34 56 C ok|NI AB******C ok",
            "sort code 12-34-56, account 12345678|sort code **-**-56, account ****5678",
            "acct:87654321|acct:****4321", "PASSWORD=hunter2|PASSWORD=********",
            "2026-11-02|2026-11-02", "SYN-M000123|SYN-M000123", "10:00|10:00", "123456789|123456789",
            "ab123456c|ab123456c", "12-34-567|12-34-567", "Met Pat at 3 Canary Row|Met Pat at 3 Canary Row"})
    void masksEachShapeWhereverItStandsAndNothingElse(String text, String masked) {
        assertThat(PersonalData.mask(text)).isEqualTo(masked);
    }

    @Test
    void leavesOrdinaryMessagesAlone() {
        assertThat(PersonalData.mask("2026-27/4W08 paid: 42 payslips, gross £7,108.32"))
                .isEqualTo("2026-27/4W08 paid: 42 payslips, gross £7,108.32");
    }
}
