package org.peerpay.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.wagefloor.WageFloors;

/**
 * A synthetic council for benchmarks: service users {@code SYN-S…}, mentors {@code SYN-M…} each employed by two
 * service users, budgets and funding, and a timesheet file of valid shifts (no overlaps, no duplicates) ending
 * the day before the as-of date. One employment in a hundred pays under the £14.38 floor.
 */
public record SyntheticCouncil(int employments, LocalDate asOf) {

    int mentors() {
        return Math.max(1, employments / 2);
    }

    int serviceUsers() {
        return Math.max(1, employments * 2 / 5);
    }

    /** Writes the council's reference files into a directory and loads them, with the wage floors afresh. */
    void load(Path directory, WageFloors wageFloors, ReferenceDataLoader loader) {
        writeReference(directory);
        wageFloors.reload();
        loader.load(directory);
    }

    public void writeReference(Path directory) {
        LocalDate start = asOf.minusDays(800);
        write(directory.resolve("service-users.csv"), out -> {
            out.write("service_user_ref,name,council,employer_paye_ref,employment_allowance,retention_weeks\n");
            for (int s = 0; s < serviceUsers(); s++) {
                out.write("SYN-S%06d,Service User %d,Synthetic Council,,true,8\n".formatted(s, s));
            }
        });
        write(directory.resolve("mentors.csv"), out -> {
            out.write("mentor_ref,forename,surname,date_of_birth,ni_number,gender,address_line_1,address_line_2,"
                    + "postcode,sort_code,account_number,account_name\n");
            for (int m = 0; m < mentors(); m++) {
                out.write(("SYN-M%06d,Mentor,Number %d,%s,AB%06dC,%s,%d Example Street,Leeds,LS1 1AA,"
                        + "40-00-%02d,%08d,M NUMBER %d\n").formatted(m, m, LocalDate.of(1960, 1, 1).plusDays(m % 12000), m, m % 2 == 0 ? "F" : "M",
                                m, m % 100, 10_000_000 + m, m % 1_000_000));
            }
        });
        write(directory.resolve("employments.csv"), out -> {
            out.write("employment_ref,service_user_ref,mentor_ref,start_date,end_date,hourly_rate,pay_frequency,"
                    + "tax_code,week1_month1,ni_category,holiday_pay,pension\n");
            for (int e = 0; e < employments; e++) {
                out.write("SYN-E%06d,SYN-S%06d,SYN-M%06d,%s,,%s,four-weekly,%s,false,A,rolled-up,assess\n"
                        .formatted(e, e % serviceUsers(), e % mentors(), start, e % 100 == 0 ? "12.50" : "14.50",
                                e < mentors() ? "1257L" : "BR"));
            }
        });
        write(directory.resolve("budgets.csv"), out -> {
            out.write("service_user_ref,start_date,end_date,planned_hours_per_week,allocation\n");
            for (int s = 0; s < serviceUsers(); s++) {
                out.write("SYN-S%06d,%s,%s,6,9000.00\n".formatted(s, start, asOf.plusDays(365)));
            }
        });
        write(directory.resolve("funding.csv"), out -> {
            out.write("service_user_ref,date,amount,source\n");
            for (int s = 0; s < serviceUsers(); s++) {
                out.write("SYN-S%06d,%s,2250.00,council\n".formatted(s, start));
            }
        });
    }

    /** A file of {@code rows} valid shifts, ending the day before the as-of date: see the overload. */
    public void writeTimesheets(Path file, int rows, String runId) {
        writeTimesheets(file, rows, runId, 1, 1);
    }

    /**
     * Shift s is worked under employment s mod E, on the (s div E + {@code firstDayBack})th day before the as-of
     * date; a mentor's first employment works mornings and the second afternoons, so no shifts overlap. Each shift
     * is written {@code copies} times, the copies a whole file's shifts apart (row i holds shift i mod rows/copies),
     * so that all but the first copy are in-file duplicates.
     *
     * @return the days back of the earliest shift written
     */
    public int writeTimesheets(Path file, int rows, String runId, int firstDayBack, int copies) {
        int shifts = (rows + copies - 1) / copies;
        write(file, out -> {
            out.write("mentor_ref,service_user_ref,date,start,end,break_minutes,activity,notes\n");
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                int shift = i % shifts;
                int e = shift % employments;
                LocalDate date = asOf.minusDays(firstDayBack + shift / employments);
                boolean afternoon = e >= mentors();
                line.setLength(0);
                line.append("SYN-M").append(pad(e % mentors())).append(",SYN-S").append(pad(e % serviceUsers()))
                        .append(',').append(date).append(afternoon ? ",14:00,17:15,15," : ",09:00,12:15,15,")
                        .append("peer support,run ").append(runId).append('\n');
                out.write(line.toString());
            }
        });
        return firstDayBack + (shifts - 1) / employments;
    }

    /**
     * Writes a timesheet file of shifts in one period, for benchmarks of the pay run: {@code perEmployment}
     * 45-minute shifts for each employment (employment by employment), spread over the period's days, on the hour
     * from 08:00 for a mentor's first employment and from 14:00 for the second, so no shifts overlap.
     *
     * @return shifts written
     */
    public int writeShifts(Path file, LocalDate periodStart, int days, int perEmployment) {
        write(file, out -> {
            out.write("mentor_ref,service_user_ref,date,start,end,break_minutes,activity,notes\n");
            StringBuilder line = new StringBuilder(96);
            for (int e = 0; e < employments; e++) {
                int firstHour = e >= mentors() ? 14 : 8;
                for (int k = 0; k < perEmployment; k++) {
                    int hour = firstHour + k / days;
                    line.setLength(0);
                    line.append("SYN-M").append(pad(e % mentors())).append(",SYN-S").append(pad(e % serviceUsers()))
                            .append(',').append(periodStart.plusDays(k % days)).append(',')
                            .append(hour < 10 ? "0" : "").append(hour).append(":00,")
                            .append(hour < 10 ? "0" : "").append(hour).append(":45,0,peer support,\n");
                    out.write(line.toString());
                }
            }
        });
        return employments * perEmployment;
    }

    private static String pad(int n) {
        String digits = Integer.toString(n);
        return "000000".substring(digits.length()) + digits;
    }

    private interface Body {
        void write(BufferedWriter out) throws IOException;
    }

    private static void write(Path file, Body body) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
