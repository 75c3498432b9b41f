package org.peerpay.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.wagefloor.WageFloors;

/**
 * A synthetic council for benchmarks: service users {@code SYN-S…}, mentors {@code SYN-M…} each employed by two
 * service users, budgets and funding, and a timesheet file of valid shifts (no overlaps, no duplicates) ending
 * the day before the as-of date. One employment in a hundred pays under the £14.38 floor. Plain, every employment is
 * paid four-weekly on 1257L or BR with NI letter A; {@code mixed}, a tenth each are paid weekly, two-weekly and
 * monthly, tax codes vary (Scottish, Welsh, K, D, 0T, NT) and a tenth of the mentors are over State Pension age
 * (letter C) or under 21 (letter M).
 */
public record SyntheticCouncil(int employments, LocalDate asOf, boolean mixed) {

    private static final String[] MIXED_CODES = {"1257L", "BR", "S1257L", "C1257L", "K475", "1257L", "0T", "D0",
            "1100L", "NT"};

    public SyntheticCouncil(int employments, LocalDate asOf) {
        this(employments, asOf, false);
    }

    PayFrequency frequency(int employment) {
        if (!mixed) {
            return PayFrequency.FOUR_WEEKLY;
        }
        return switch (employment % 10) {
            case 0 -> PayFrequency.WEEKLY;
            case 1 -> PayFrequency.TWO_WEEKLY;
            case 2 -> PayFrequency.MONTHLY;
            default -> PayFrequency.FOUR_WEEKLY;
        };
    }

    private String taxCode(int employment) {
        return mixed ? MIXED_CODES[employment / 10 % MIXED_CODES.length] : employment < mentors() ? "1257L" : "BR";
    }

    private char niLetter(int mentor) {
        return !mixed ? 'A' : switch (mentor % 20) {
            case 0 -> 'C';
            case 1 -> 'M';
            default -> 'A';
        };
    }

    private LocalDate bornOn(int mentor) {
        return switch (niLetter(mentor)) {
            case 'C' -> LocalDate.of(1955, 6, 1);
            case 'M' -> LocalDate.of(2007, 3, 1);
            default -> LocalDate.of(1960, 1, 1).plusDays(mentor % 12000);
        };
    }

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
                        + "40-00-%02d,%08d,M NUMBER %d\n").formatted(m, m, bornOn(m), m, m % 2 == 0 ? "F" : "M",
                                m, m % 100, 10_000_000 + m, m % 1_000_000));
            }
        });
        write(directory.resolve("employments.csv"), out -> {
            out.write("employment_ref,service_user_ref,mentor_ref,start_date,end_date,hourly_rate,pay_frequency,"
                    + "tax_code,week1_month1,ni_category,holiday_pay,pension\n");
            for (int e = 0; e < employments; e++) {
                out.write("SYN-E%06d,SYN-S%06d,SYN-M%06d,%s,,%s,%s,%s,false,%c,rolled-up,assess\n"
                        .formatted(e, e % serviceUsers(), e % mentors(), start, e % 100 == 0 ? "12.50" : "14.50",
                                frequency(e).word(), taxCode(e), niLetter(e % mentors())));
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

    /**
     * Writes a timesheet file of {@code rows} shifts, each employment's in the last period of its pay frequency
     * that ended before the as-of date, as many for each employment as the rows allow (employment by employment):
     * 25 minutes in each half hour of a day from 08:00 for a mentor's first employment and from 14:00 for the
     * second (twelve a day each), so no shifts overlap.
     *
     * @return the periods the shifts are in, one per pay frequency used
     */
    public java.util.Set<PayPeriod> writeLastPeriodShifts(Path file, int rows) {
        java.util.Set<PayPeriod> periods = new java.util.TreeSet<>();
        write(file, out -> {
            out.write("mentor_ref,service_user_ref,date,start,end,break_minutes,activity,notes\n");
            StringBuilder line = new StringBuilder(96);
            for (int e = 0; e < employments; e++) {
                PayPeriod period = PayPeriod.containing(frequency(e), asOf).previous();
                periods.add(period);
                int days = (int) (period.end().toEpochDay() - period.start().toEpochDay()) + 1;
                int shifts = rows / employments + (e < rows % employments ? 1 : 0);
                if (shifts > days * 12) {
                    throw new IllegalArgumentException(shifts + " shifts do not fit in " + period.id() + " without"
                            + " overlapping: give more employments for this many rows");
                }
                int firstMinute = (e >= mentors() ? 14 : 8) * 60;
                for (int k = 0; k < shifts; k++) {
                    int from = firstMinute + 30 * (k / days);
                    line.setLength(0);
                    line.append("SYN-M").append(pad(e % mentors())).append(",SYN-S").append(pad(e % serviceUsers()))
                            .append(',').append(period.start().plusDays(k % days)).append(',').append(clock(from))
                            .append(',').append(clock(from + 25)).append(",0,peer support,\n");
                    out.write(line.toString());
                }
            }
        });
        return periods;
    }

    private static String clock(int minuteOfDay) {
        return "%02d:%02d".formatted(minuteOfDay / 60, minuteOfDay % 60);
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
