package org.peerpay.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.people.NiNumber;
import org.peerpay.people.PersonalDataCipher;
import org.peerpay.support.DatabaseTest;
import org.peerpay.support.SmallCouncil;
import org.springframework.beans.factory.annotation.Autowired;

class ReferenceDataLoaderTests extends DatabaseTest {

    @Autowired
    ReferenceDataLoader loader;
    @Autowired
    PersonalDataCipher cipher;

    @TempDir
    Path dir;

    @Test
    void loadsEveryFileAndLoadingAgainChangesNothing() {
        Path reference = SmallCouncil.writeReference(dir);

        List<FileLoad> first = loader.load(reference);
        List<FileLoad> second = loader.load(reference);

        assertThat(first).extracting(FileLoad::toString).containsExactly(
                "service-users.csv           2 rows: 2 new, 0 changed, 0 unchanged",
                "mentors.csv                 2 rows: 2 new, 0 changed, 0 unchanged",
                "employments.csv             4 rows: 4 new, 0 changed, 0 unchanged",
                "employment-rates.csv   not present, skipped",
                "budgets.csv                 2 rows: 2 new, 0 changed, 0 unchanged",
                "funding.csv                 2 rows: 2 new, 0 changed, 0 unchanged");
        assertThat(second).filteredOn(FileLoad::present).allSatisfy(load -> {
            assertThat(load.added()).isZero();
            assertThat(load.changed()).isZero();
        });
        assertThat(jdbc.queryForObject("select count(*) from employment_rate", Integer.class)).isEqualTo(4);
    }

    @Test
    void updatesWhatChangedAndAddsEffectiveDatedRates() {
        Path reference = SmallCouncil.writeReference(dir);
        loader.load(reference);
        SmallCouncil.write(dir.resolve("service-users.csv"), """
                service_user_ref,name,council,employer_paye_ref,accounts_office_ref,employment_allowance,retention_weeks,sort_code,account_number,account_name
                SU1,Alex Morgan,Leeds City Council,120/PB00001,123PG00012345,true,10,20-45-01,52000013,A MORGAN DP
                SU2,Sam Patel,Leeds City Council,,,false,12,,,
                """);
        SmallCouncil.write(dir.resolve("employment-rates.csv"), """
                employment_ref,effective_from,hourly_rate
                E3,2026-10-05,14.40
                """);

        List<FileLoad> loads = loader.load(reference);

        assertThat(loads.get(0)).extracting(FileLoad::added, FileLoad::changed).containsExactly(0, 1);
        assertThat(loads.get(3)).extracting(FileLoad::rows, FileLoad::added).containsExactly(1, 1);
        assertThat(jdbc.queryForObject("select retention_weeks from service_user where ref = 'SU1'", Integer.class))
                .isEqualTo(10);
        assertThat(jdbc.queryForList("select hourly_rate::text from employment_rate r join employment e"
                + " on e.id = r.employment_id where e.ref = 'E3' order by effective_from", String.class))
                .containsExactly("14.0000", "14.4000");
    }

    @Test
    void refusesAFileWithBadRowsNamingFileRowAndColumnAndChangesNothingFromIt() {
        Path reference = SmallCouncil.writeReference(dir);
        loader.load(reference);
        SmallCouncil.write(dir.resolve("mentors.csv"), """
                mentor_ref,forename,surname,date_of_birth,ni_number,gender,address_line_1,postcode,sort_code,account_number,account_name
                M1,Jo,Bloggs-Renamed,1985-03-02,AB 12 34 56 C,F,1 Park Lane,LS1 1AA,40-11-01,31000007,J BLOGGS
                M3,New,Mentor,31/02/1990,QQ 12 34 56 C,X,3 Park Lane,LS1,40-11-0,31000007,N MENTOR
                M4,,Mentor,1990-01-01,AB123456,M,,LS1 1AA,,31000007,
                """);

        assertThatThrownBy(() -> loader.mentors(dir.resolve("mentors.csv")))
                .isInstanceOf(CsvFileRefusedException.class)
                .hasMessageContaining("mentors.csv was not loaded: 8 problem(s). Nothing from this file was changed")
                .hasMessageContaining("mentors.csv row 3, column date_of_birth: is not a date: write it as yyyy-MM-dd"
                        + " or dd/MM/yyyy (was '31/02/1990')")
                .hasMessageContaining("mentors.csv row 3, column ni_number: is not a valid National Insurance number")
                .hasMessageContaining("mentors.csv row 3, column gender: must be M or F, as recorded with HMRC")
                .hasMessageContaining("mentors.csv row 3, column postcode: is not a UK postcode like LS1 1AA")
                .hasMessageContaining("mentors.csv row 3, column sort_code: is not a sort code: six digits")
                .hasMessageContaining("mentors.csv row 4, column forename: is blank; it is required")
                .hasMessageContaining("mentors.csv row 4, column address_line_1: is blank; it is required")
                .hasMessageContaining("mentors.csv row 4, column sort_code: is empty, but a bank account needs its"
                        + " sort code, account number and the name on the account: give all three, or none")
                .hasMessageNotContaining("31000007");
        assertThat(jdbc.queryForList("select name from mentor order by ref", String.class))
                .containsExactly("Jo Bloggs", "Kai Young");
    }

    @Test
    void refusesEmploymentsOfUnknownPeopleAndUnknownWords() {
        SmallCouncil.writeReference(dir);
        loader.serviceUsers(dir.resolve("service-users.csv"));
        loader.mentors(dir.resolve("mentors.csv"));
        SmallCouncil.write(dir.resolve("employments.csv"), """
                employment_ref,service_user_ref,mentor_ref,start_date,end_date,hourly_rate,pay_frequency,tax_code,week1_month1,ni_category,holiday_pay,pension
                E1,SU7,M1,2026-04-06,2026-01-01,15.001,fortnightly,1257Q,maybe,Q,sometimes,assess
                """);

        assertThatThrownBy(() -> loader.employments(dir.resolve("employments.csv")))
                .hasMessageContaining("row 2, column service_user_ref: 'SU7' is not known: add it to service-users.csv")
                .hasMessageContaining("column end_date: is before start_date")
                .hasMessageContaining("column pay_frequency: must be one of four-weekly, monthly, two-weekly, weekly"
                        + " (was 'fortnightly')")
                .hasMessageContaining("column tax_code: is not a tax code")
                .hasMessageContaining("column week1_month1: must be true or false")
                .hasMessageContaining("column ni_category: must be one of")
                .hasMessageContaining("column holiday_pay: must be one of accrued, none, rolled-up");
        assertThat(jdbc.queryForObject("select count(*) from employment", Integer.class)).isZero();
    }

    @Test
    void storesNiNumbersEncryptedAndBoundToTheirMentor() {
        loader.load(SmallCouncil.writeReference(dir));

        byte[] stored = jdbc.queryForObject("select ni_number_encrypted from mentor where ref = 'M1'", byte[].class);

        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("AB123456C");
        assertThat(cipher.decrypt(stored, "M1")).isEqualTo(NiNumber.parse("AB123456C"));
        assertThatThrownBy(() -> cipher.decrypt(stored, "M2")).hasMessageContaining("cannot be decrypted");
        assertThat(jdbc.queryForObject("select count(*) from mentor where ni_number_encrypted::text like '%AB12%'",
                Integer.class)).isZero();
    }

    @Test
    void storesBankAccountsEncryptedAndBoundToTheirOwnerAndChecksTheAccountsOfficeReference() {
        loader.load(SmallCouncil.writeReference(dir));

        byte[] mentor = jdbc.queryForObject("select bank_account_encrypted from mentor where ref = 'M1'", byte[].class);
        byte[] employer = jdbc.queryForObject("select bank_account_encrypted from service_user where ref = 'SU1'",
                byte[].class);
        assertThat(new String(mentor, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("31000007");
        assertThat(new String(employer, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("52000013");
        assertThat(jdbc.queryForList("select ref || ' ' || coalesce(forename, '-') || ' ' || surname || ' ' || gender"
                + " || ' ' || array_to_string(address_lines, '|') || ' ' || postcode || ' ' || address from mentor"
                + " order by ref", String.class)).containsExactly(
                "M1 Jo Bloggs F 1 Park Lane|Leeds LS1 1AA 1 Park Lane, Leeds, LS1 1AA",
                "M2 Kai Young M 2 Park Lane|Leeds LS1 1AA 2 Park Lane, Leeds, LS1 1AA");
        assertThat(jdbc.queryForList("select ref || ' ' || coalesce(accounts_office_ref, '-') from service_user"
                + " order by ref", String.class)).containsExactly("SU1 123PG00012345", "SU2 -");
        assertThat(loader.load(dir)).allSatisfy(load -> assertThat(load.changed()).as(load.file()).isZero());

        SmallCouncil.write(dir.resolve("service-users.csv"), """
                service_user_ref,name,council,employer_paye_ref,accounts_office_ref,employment_allowance,retention_weeks,sort_code,account_number,account_name
                SU1,Alex Morgan,Leeds City Council,120/PB00001,123PA00012345,true,8,20-45-01,52000013,A MORGAN DP
                SU2,Sam Patel,Leeds City Council,120/PB00002,,false,12,20-45-02,5200001,S PATEL DP
                """);
        assertThatThrownBy(() -> loader.serviceUsers(dir.resolve("service-users.csv")))
                .hasMessageContaining("service-users.csv row 2, column accounts_office_ref: is not an Accounts Office"
                        + " reference: its check letter (the fifth character) does not match the rest")
                .hasMessageContaining("row 3, column accounts_office_ref: is empty, but an employer's PAYE reference"
                        + " and Accounts Office reference come together")
                .hasMessageContaining("row 3, column account_number: is not a UK account number: eight digits")
                .hasMessageNotContaining("5200001");
    }

    @Test
    void refusesOverlappingBudgetPeriodsAndRepeatedRefs() {
        SmallCouncil.writeReference(dir);
        loader.serviceUsers(dir.resolve("service-users.csv"));
        SmallCouncil.write(dir.resolve("budgets.csv"), """
                service_user_ref,start_date,end_date,planned_hours_per_week,allocation
                SU1,2026-04-01,2027-03-31,3,3200.00
                SU1,2027-03-01,2028-03-31,3,3200.00
                """);
        SmallCouncil.write(dir.resolve("service-users-twice.csv"), """
                service_user_ref,name,council,employment_allowance,retention_weeks
                SU1,A,Leeds,true,8
                SU1,B,Leeds,true,8
                """);

        assertThatThrownBy(() -> loader.budgets(dir.resolve("budgets.csv")))
                .hasMessageContaining("budgets.csv row 3, column start_date: the budget period 2027-03-01 to"
                        + " 2028-03-31 of SU1 overlaps the one in row 2 (2026-04-01 to 2027-03-31)");
        assertThatThrownBy(() -> loader.serviceUsers(dir.resolve("service-users-twice.csv")))
                .hasMessageContaining("service_user_ref must be unique, but these appear more than once: SU1");
    }

    @Test
    void refusesRefsThatCouldNameAPathOutsideTheOutputFolder() {
        SmallCouncil.writeReference(dir);
        SmallCouncil.write(dir.resolve("service-users.csv"), """
                service_user_ref,name,council,employer_paye_ref,employment_allowance,retention_weeks
                ../../../../ESCAPED-SU,Alex Morgan,Leeds City Council,,true,8
                /etc/cron.d,Sam Patel,Leeds City Council,,false,12
                @SU3,Kim Lee,Leeds City Council,,false,8
                -SU4,Jo Kerr,Leeds City Council,,false,8
                """);

        // nor can a ref begin as a formula does (= + - @), so the ' that neutralises a formula in a rejects file
        // never has to be taken off a ref for a corrected file to match
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("service-users.csv row 2, column"
                + " service_user_ref: '../../../../ESCAPED-SU' may hold only letters, digits, '-' and '_'")
                .hasMessageContaining("row 3, column service_user_ref: '/etc/cron.d' may hold only")
                .hasMessageContaining("row 4, column service_user_ref: '@SU3' may hold only")
                .hasMessageContaining("row 5, column service_user_ref: '-SU4' may hold only");
        assertThat(jdbc.queryForObject("select count(*) from service_user", Integer.class)).isZero();
    }

    @Test
    void refusesTwoMentorsWithOneNiNumberWithoutPrintingIt() {
        Path reference = SmallCouncil.writeReference(dir);
        loader.load(reference);
        SmallCouncil.write(dir.resolve("mentors.csv"), """
                mentor_ref,forename,surname,date_of_birth,ni_number,gender,address_line_1,postcode
                M3,Sam,Other,1990-01-01,AB 12 34 56 C,M,3 Park Lane,LS1 1AA
                """);
        assertThatThrownBy(() -> loader.load(dir)).hasMessage("Mentor M3 has the NI number of mentor M1 (******56C):"
                + " two mentors cannot have one NI number. Correct mentors.csv; nothing was changed.");

        SmallCouncil.write(dir.resolve("mentors.csv"), """
                mentor_ref,forename,surname,date_of_birth,ni_number,gender,address_line_1,postcode
                M5,Sam,One,1990-01-01,JT 12 34 56 A,M,5 Park Lane,LS1 1AA
                M6,Sam,Two,1990-01-01,JT123456A,F,6 Park Lane,LS1 1AA
                """);
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("two mentors cannot have one NI number, but M5"
                + " and M6 (******56A) do").hasMessageNotContaining("JT123456A");
        assertThat(jdbc.queryForObject("select count(*) from mentor", Integer.class)).isEqualTo(2);
    }

    @Test
    void refusesAmountsTooLargeToBeMoneyZeroFundingAndNegativeFundingThatIsNotAClawback() {
        SmallCouncil.writeReference(dir);
        SmallCouncil.write(dir.resolve("funding.csv"), """
                service_user_ref,date,amount,source
                SU1,2026-05-01,1000000000000.00,council
                SU1,2026-05-02,-50.00,council
                SU1,2026-05-03,40.00,clawback
                SU2,2026-05-04,-25.00,clawback
                SU2,2026-05-05,0.00,council
                """);

        assertThatThrownBy(() -> loader.load(dir))
                .hasMessageContaining("funding.csv row 2, column amount: is more than £999,999,999.99")
                .hasMessageContaining("funding.csv row 3, column amount: is negative: money taken back from a budget"
                        + " is source 'clawback'")
                .hasMessageContaining("funding.csv row 4, column amount: is positive, but a clawback takes money"
                        + " back")
                .hasMessageContaining("funding.csv row 6, column amount: is zero: leave the row out instead")
                .hasMessageNotContaining("row 5");
    }

    @Test
    void reportsOverlappingBudgetPeriodsTogetherWithTheFilesOtherProblems() {
        loader.load(SmallCouncil.writeReference(dir));
        SmallCouncil.write(dir.resolve("budgets.csv"), """
                service_user_ref,start_date,end_date,planned_hours_per_week,allocation
                SU1,2026-04-01,2027-03-31,3,3200.00
                SU1,2026-10-01,2027-09-30,3,-5.00
                SU2,2026-04-01,2027-03-31,500,2100.00
                """);

        assertThatThrownBy(() -> loader.budgets(dir.resolve("budgets.csv")))
                .hasMessageContaining("3 problem(s)")
                .hasMessageContaining("row 3, column start_date: the budget period 2026-10-01 to 2027-09-30 of SU1"
                        + " overlaps the one in row 2")
                .hasMessageContaining("row 3, column allocation: cannot be negative")
                .hasMessageContaining("row 4, column planned_hours_per_week: must be between 0 and 168");
    }
}
