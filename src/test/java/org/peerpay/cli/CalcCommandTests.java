package org.peerpay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import com.opencsv.CSVReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.support.SmallCouncil;

class CalcCommandTests extends CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void calculatesClass1ContributionsAndCarriesOtherColumnsThrough() throws Exception {
        Path input = SmallCouncil.write(dir.resolve("cases.csv"), """
                case,tax_year,frequency,period,category,gross_pay_this_period
                peer mentor,2025-26,four-weekly,8,A,1012.50
                over pension age,2025-26,weekly,3,c,300.00
                under 21,2025-26,monthly,1,M,5000.00
                """);
        Path output = dir.resolve("out/results.csv");

        int exit = peerpay("calc", "nic", "--input", input.toString(), "--output", output.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(output)).isEqualTo("\uFEFFcase,tax_year,frequency,period,category,"
                + "gross_pay_this_period,employee_nic,employer_nic\r\n"
                // (1012.50 - 967) x 8% = 3.64; (1012.50 - 385) x 15% = 94.125 -> 94.12 (0.5p or less rounds down)
                + "peer mentor,2025-26,four-weekly,8,A,1012.50,3.64,94.12\r\n"
                // category C pays no employee NIC; (300 - 96) x 15% = 30.60
                + "over pension age,2025-26,weekly,3,c,300.00,0.00,30.60\r\n"
                // (4189 - 1048) x 8% + (5000 - 4189) x 2% = 251.28 + 16.22; employer only above the UST: 811 x 15%
                + "under 21,2025-26,monthly,1,M,5000.00,267.50,121.65\r\n");
        assertThat(out.toString()).contains("3 case(s) calculated");
    }

    @Test
    void refusesBadRowsNamingRowAndFieldAndWritesNothing() {
        Path input = SmallCouncil.write(dir.resolve("bad.csv"), """
                tax_year,frequency,period,category,gross_pay_this_period
                2025-26,weekly,1,A,100.00
                2031-32,weekly,1,A,100.00
                2025-26,fortnightly,1,A,100.00
                2025-26,weekly,53,A,100.00
                2025-26,weekly,1,Q,100.00
                2025-26,weekly,1,A,100.005
                """);
        Path output = dir.resolve("results.csv");

        int exit = peerpay("calc", "nic", "--input", input.toString(), "--output", output.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("bad.csv: 5 bad row(s); no output was written")
                .contains("bad.csv row 3, column tax_year: there is no data for tax year 2031-32")
                .contains("bad.csv row 4, column frequency: 'fortnightly' is not a pay frequency")
                .contains("bad.csv row 5, column period: must be 1 to 52 for weekly pay (was 53)")
                .contains("bad.csv row 6, column category: 'Q' is not an NI category letter")
                .contains("bad.csv row 7, column gross_pay_this_period: must be pounds and pence");
        assertThat(output).doesNotExist();
        assertThat(dir.resolve("results.csv.partial")).doesNotExist();
    }

    @Test
    void calculatesPayeIncludingRefundsAndCarriesOtherColumnsThrough() throws Exception {
        Path input = SmallCouncil.write(dir.resolve("paye.csv"), """
                tax_year,frequency,period,tax_code,week1_month1,gross_pay_this_period,\
                taxable_pay_to_date_before_this_period,tax_paid_to_date_before_this_period,note
                2025-26,monthly,1,S45L,true,3164.24,0.00,0.00,HMRC Scottish month 1
                2026-27,four-weekly,1,1257L,false,1500.00,0.00,0.00,peer mentor
                2026-27,monthly,2,1257L,false,0.00,3000.00,390.20,refund
                2026-27,monthly,1,K500,false,200.00,0.00,0.00,K code limit
                """);
        Path output = dir.resolve("paye-out.csv");

        int exit = peerpay("calc", "paye", "--input", input.toString(), "--output", output.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(output)).isEqualTo("\uFEFFtax_year,frequency,period,tax_code,week1_month1,"
                + "gross_pay_this_period,taxable_pay_to_date_before_this_period,tax_paid_to_date_before_this_period,"
                + "note,tax_this_period,tax_to_date\r\n"
                + "2025-26,monthly,1,S45L,true,3164.24,0.00,0.00,HMRC Scottish month 1,753.59,753.59\r\n"
                + "2026-27,four-weekly,1,1257L,false,1500.00,0.00,0.00,peer mentor,106.40,106.40\r\n"
                + "2026-27,monthly,2,1257L,false,0.00,3000.00,390.20,refund,-209.60,180.60\r\n"
                + "2026-27,monthly,1,K500,false,200.00,0.00,0.00,K code limit,100.00,100.00\r\n");
    }

    @Test
    void refusesBadPayeRowsNamingRowAndFieldAndWritesNothing() {
        Path input = SmallCouncil.write(dir.resolve("bad-paye.csv"), """
                tax_year,frequency,period,tax_code,week1_month1,gross_pay_this_period,\
                taxable_pay_to_date_before_this_period,tax_paid_to_date_before_this_period
                2026-27,monthly,1,1257L,false,100.00,0.00,0.00
                2026-27,monthly,13,1257L,false,100.00,0.00,0.00
                2026-27,monthly,1,1257,false,100.00,0.00,0.00
                2026-27,monthly,1,1257L,yes,100.00,0.00,0.00
                2026-27,monthly,1,1257L,false,-5.00,0.00,0.00
                2026-27,monthly,1,D2,false,100.00,0.00,0.00
                2026-27,monthly,1,1257L,false,100.00,0.00,
                """);
        Path output = dir.resolve("paye-out.csv");

        int exit = peerpay("calc", "paye", "--input", input.toString(), "--output", output.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("bad-paye.csv: 6 bad row(s); no output was written")
                .contains("bad-paye.csv row 3, column period: must be 1 to 12 for monthly pay (was 13)")
                .contains("bad-paye.csv row 4, column tax_code: '1257' is not a tax code")
                .contains("bad-paye.csv row 5, column week1_month1: must be true or false (was 'yes')")
                .contains("bad-paye.csv row 6, column gross_pay_this_period: must be pounds and pence, not negative")
                .contains("bad-paye.csv row 7, column tax_code: there is no D2 rate for rest-of-uk")
                .contains("bad-paye.csv row 8, column tax_paid_to_date_before_this_period: is not a number (was '')");
        assertThat(output).doesNotExist();
    }

    @ParameterizedTest(name = "calc {0} agrees with every HMRC case in {1}")
    @CsvSource({
            "paye, hmrc-paye-2025-26.csv, tax_this_period, hmrc_tax_this_period",
            "paye, hmrc-paye-2025-26.csv, tax_to_date, hmrc_tax_to_date",
            "nic, hmrc-nic-2025-26.csv, employee_nic, hmrc_employee_nic",
            "nic, hmrc-nic-2025-26.csv, employer_nic, hmrc_employer_nic"})
    void agreesWithHmrcsCasesInTheSampleFiles(String calculator, String file, String column, String hmrcColumn)
            throws Exception {
        Path output = dir.resolve("checked.csv");

        int exit = peerpay("calc", calculator, "--input", "sample-data/calc/" + file, "--output", output.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<String[]> rows = new CSVReader(Files.newBufferedReader(output)).readAll();
        List<String> header = Arrays.asList(rows.get(0));
        int calculated = header.indexOf(column);
        int expected = header.indexOf(hmrcColumn);
        assertThat(rows).hasSizeGreaterThan(100);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row ->
                assertThat(row[calculated]).as(row[0]).isEqualTo(row[expected]));
    }
}
