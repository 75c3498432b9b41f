package org.peerpay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A council small enough to reason about in a test: two service users, two mentors, four employments.
 * <ul>
 *   <li>M1 (born 1985) works for SU1 (E1, £15.00) and SU2 (E2, £14.50): two employers</li>
 *   <li>M2 (born 1 June 2006, so 20 in autumn 2026) works for SU1 (E3, £14.00, under the £14.38 floor) and
 *       worked for SU2 (E4, £14.50) until 31 October 2026</li>
 * </ul>
 */
public final class SmallCouncil {

    public static final String TIMESHEET_HEADER = "mentor_ref,service_user_ref,date,start,end,break_minutes,activity,notes\n";

    private SmallCouncil() {
    }

    public static Path writeReference(Path directory) {
        write(directory.resolve("service-users.csv"), """
                service_user_ref,name,council,employer_paye_ref,accounts_office_ref,employment_allowance,retention_weeks,sort_code,account_number,account_name
                SU1,Alex Morgan,Leeds City Council,120/PB00001,123PG00012345,true,8,20-45-01,52000013,A MORGAN DP
                SU2,Sam Patel,Leeds City Council,,,false,12,,,
                """);
        write(directory.resolve("mentors.csv"), """
                mentor_ref,forename,surname,date_of_birth,ni_number,gender,address_line_1,address_line_2,postcode,sort_code,account_number,account_name
                M1,Jo,Bloggs,1985-03-02,AB 12 34 56 C,F,1 Park Lane,Leeds,LS1 1AA,40-11-01,31000007,J BLOGGS
                M2,Kai,Young,2006-06-01,CE123457A,M,2 Park Lane,Leeds,LS1 1AA,,,
                """);
        write(directory.resolve("employments.csv"), """
                employment_ref,service_user_ref,mentor_ref,start_date,end_date,hourly_rate,pay_frequency,tax_code,week1_month1,ni_category,holiday_pay,pension
                E1,SU1,M1,2026-04-06,,15.00,four-weekly,1257L,false,A,rolled-up,assess
                E2,SU2,M1,2026-04-06,,14.50,four-weekly,BR,false,A,rolled-up,assess
                E3,SU1,M2,2026-04-06,,14.00,four-weekly,1257L,false,A,rolled-up,assess
                E4,SU2,M2,2026-04-06,2026-10-31,14.50,four-weekly,BR,false,A,rolled-up,opted-out
                """);
        write(directory.resolve("budgets.csv"), """
                service_user_ref,start_date,end_date,planned_hours_per_week,allocation
                SU1,2026-04-01,2027-03-31,3,3200.00
                SU2,2026-04-01,2027-03-31,2,2100.00
                """);
        write(directory.resolve("funding.csv"), """
                service_user_ref,date,amount,source
                SU1,2026-04-01,800.00,council
                SU2,2026-04-01,525.00,council
                """);
        return directory;
    }

    public static Path write(Path file, String content) {
        return write(file, content, StandardCharsets.UTF_8, false);
    }

    public static Path write(Path file, String content, Charset charset, boolean byteOrderMark) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] body = content.getBytes(charset);
            byte[] bytes = body;
            if (byteOrderMark) {
                bytes = new byte[body.length + 3];
                bytes[0] = (byte) 0xEF;
                bytes[1] = (byte) 0xBB;
                bytes[2] = (byte) 0xBF;
                System.arraycopy(body, 0, bytes, 3, body.length);
            }
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
