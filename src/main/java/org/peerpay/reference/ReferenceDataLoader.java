package org.peerpay.reference;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.csv.CsvRow;
import org.peerpay.csv.CsvTable;
import org.peerpay.people.NiNumber;
import org.peerpay.people.NiNumberCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Upserts the reference files of a directory, in dependency order, each file in its own transaction: a file
 * with any bad row changes nothing and names every bad cell; loading the same files again changes nothing.
 */
@Service
public class ReferenceDataLoader {

    static final Set<String> PAY_FREQUENCIES = Set.of("weekly", "two-weekly", "four-weekly", "monthly");
    static final Set<String> HOLIDAY_PAY = Set.of("rolled-up", "accrued", "none");
    static final Set<String> PENSION = Set.of("assess", "opted-out");
    static final Set<String> NI_CATEGORIES = Set.of("a", "b", "c", "h", "j", "m", "v", "z",
            "f", "i", "l", "s", "d", "e", "k", "n");
    static final Set<String> FUNDING_SOURCES = Set.of("council", "client-contribution", "health", "other");
    private static final Pattern TAX_CODE = Pattern.compile(
            "[SC]?(\\d{1,6}[LMNT]|BR|D[0-5]|NT|0T|K\\d{1,6})(W1|M1|X)?");
    private static final Pattern PAYE_REF = Pattern.compile("\\d{3}/[A-Z0-9]{1,10}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final NiNumberCipher cipher;

    ReferenceDataLoader(JdbcTemplate jdbc, TransactionTemplate transaction, NiNumberCipher cipher) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.cipher = cipher;
    }

    /** Loads every reference file found in a directory; at least one must be there. */
    public List<FileLoad> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CsvFileRefusedException("Reference directory " + directory + " does not exist or is not a"
                    + " directory.");
        }
        List<FileLoad> loads = List.of(
                serviceUsers(directory.resolve("service-users.csv")),
                mentors(directory.resolve("mentors.csv")),
                employments(directory.resolve("employments.csv")),
                employmentRates(directory.resolve("employment-rates.csv")),
                budgets(directory.resolve("budgets.csv")),
                funding(directory.resolve("funding.csv")));
        if (loads.stream().noneMatch(FileLoad::present)) {
            throw new CsvFileRefusedException(directory + " holds none of the reference files (service-users.csv,"
                    + " mentors.csv, employments.csv, employment-rates.csv, budgets.csv, funding.csv).");
        }
        return loads;
    }

    record ServiceUserRow(String ref, String name, String council, String payeRef, boolean allowance,
                          int retentionWeeks) {
    }

    FileLoad serviceUsers(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        List<ServiceUserRow> rows = CsvTable.read(file,
                List.of("service_user_ref", "name", "council", "employment_allowance", "retention_weeks"),
                Set.of("service_user_ref", "name", "council", "employer_paye_ref", "employment_allowance",
                        "retention_weeks"),
                row -> {
                    String payeRef = row.optionalText("employer_paye_ref");
                    if (payeRef != null && !PAYE_REF.matcher(payeRef.toUpperCase(Locale.ROOT)).matches()) {
                        row.problem("employer_paye_ref", "is not an employer PAYE reference like 123/AB45678");
                    }
                    return new ServiceUserRow(row.text("service_user_ref"), row.text("name"), row.text("council"),
                            payeRef == null ? null : payeRef.toUpperCase(Locale.ROOT),
                            Boolean.TRUE.equals(row.yesNo("employment_allowance")),
                            orZero(row.wholeNumber("retention_weeks", 0, 520)));
                });
        requireUnique(file, rows, ServiceUserRow::ref, "service_user_ref");
        return upsert(file, rows, "select ref from service_user", ServiceUserRow::ref, """
                insert into service_user (ref, name, council, employer_paye_ref, employment_allowance, retention_weeks)
                values (?, ?, ?, ?, ?, ?)
                on conflict (ref) do update set name = excluded.name, council = excluded.council,
                    employer_paye_ref = excluded.employer_paye_ref,
                    employment_allowance = excluded.employment_allowance, retention_weeks = excluded.retention_weeks
                where (service_user.name, service_user.council, service_user.employer_paye_ref,
                       service_user.employment_allowance, service_user.retention_weeks)
                    is distinct from (excluded.name, excluded.council, excluded.employer_paye_ref,
                       excluded.employment_allowance, excluded.retention_weeks)
                """, r -> new Object[] {r.ref(), r.name(), r.council(), r.payeRef(), r.allowance(), r.retentionWeeks()});
    }

    record MentorRow(String ref, String name, LocalDate dateOfBirth, NiNumber niNumber, String address) {
    }

    FileLoad mentors(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        LocalDate today = LocalDate.now();
        List<MentorRow> rows = CsvTable.read(file, List.of("mentor_ref", "name", "date_of_birth", "ni_number",
                "address"), Set.of("mentor_ref", "name", "date_of_birth", "ni_number", "address"), row -> {
                    LocalDate born = row.date("date_of_birth");
                    if (born != null && (born.isAfter(today.minusYears(13)) || born.isBefore(today.minusYears(110)))) {
                        row.problem("date_of_birth", "gives an age outside 13 to 110 (" + born + ")");
                    }
                    NiNumber ni = null;
                    String niText = row.text("ni_number");
                    if (niText != null) {
                        try {
                            ni = NiNumber.parse(niText);
                        } catch (IllegalArgumentException e) {
                            row.problem("ni_number", e.getMessage());
                        }
                    }
                    return new MentorRow(row.text("mentor_ref"), row.text("name"), born, ni, row.text("address"));
                });
        requireUnique(file, rows, MentorRow::ref, "mentor_ref");
        Map<String, NiNumber> known = new HashMap<>();
        jdbc.query("select ref, ni_number_encrypted from mentor", rs -> {
            known.put(rs.getString(1), cipher.decrypt(rs.getBytes(2), rs.getString(1)));
        });
        // A fresh IV makes every ciphertext differ, so an unchanged number keeps its stored ciphertext.
        return upsert(file, rows, "select ref from mentor", MentorRow::ref, """
                insert into mentor (ref, name, date_of_birth, ni_number_encrypted, address)
                values (?, ?, ?, coalesce((select m.ni_number_encrypted from mentor m where m.ref = ? and ?), ?), ?)
                on conflict (ref) do update set name = excluded.name, date_of_birth = excluded.date_of_birth,
                    ni_number_encrypted = excluded.ni_number_encrypted, address = excluded.address
                where (mentor.name, mentor.date_of_birth, mentor.ni_number_encrypted, mentor.address)
                    is distinct from (excluded.name, excluded.date_of_birth, excluded.ni_number_encrypted,
                       excluded.address)
                """, r -> new Object[] {r.ref(), r.name(), Date.valueOf(r.dateOfBirth()), r.ref(),
                        r.niNumber().equals(known.get(r.ref())), cipher.encrypt(r.niNumber(), r.ref()), r.address()});
    }

    record EmploymentRow(String ref, long serviceUserId, long mentorId, LocalDate start, LocalDate end,
                         BigDecimal rate, String frequency, String taxCode, boolean week1Month1, String niCategory,
                         String holidayPay, String pension) {
    }

    FileLoad employments(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        Map<String, Long> serviceUsers = ids("service_user");
        Map<String, Long> mentors = ids("mentor");
        List<EmploymentRow> rows = CsvTable.read(file,
                List.of("employment_ref", "service_user_ref", "mentor_ref", "start_date", "hourly_rate",
                        "pay_frequency", "ni_category", "holiday_pay", "pension"),
                Set.of("employment_ref", "service_user_ref", "mentor_ref", "start_date", "end_date", "hourly_rate",
                        "pay_frequency", "tax_code", "week1_month1", "ni_category", "holiday_pay", "pension"),
                row -> {
                    Long serviceUser = known(row, "service_user_ref", serviceUsers, "service-users.csv");
                    Long mentor = known(row, "mentor_ref", mentors, "mentors.csv");
                    LocalDate start = row.date("start_date");
                    LocalDate end = row.optionalDate("end_date");
                    if (start != null && end != null && end.isBefore(start)) {
                        row.problem("end_date", "is before start_date (" + end + " < " + start + ")");
                    }
                    String taxCode = row.optionalText("tax_code");
                    if (taxCode != null) {
                        taxCode = taxCode.replace(" ", "").toUpperCase(Locale.ROOT);
                        if (!TAX_CODE.matcher(taxCode).matches()) {
                            row.problem("tax_code", "is not a tax code such as 1257L, BR, D0, NT, 0T, K475 or"
                                    + " S1257L (was '" + row.raw("tax_code") + "')");
                        }
                    }
                    boolean week1Month1 = !row.raw("week1_month1").isEmpty()
                            && Boolean.TRUE.equals(row.yesNo("week1_month1"));
                    String category = row.oneOf("ni_category", NI_CATEGORIES);
                    return new EmploymentRow(row.text("employment_ref"), orZero(serviceUser), orZero(mentor), start,
                            end, row.hourlyRate("hourly_rate"), row.oneOf("pay_frequency", PAY_FREQUENCIES),
                            taxCode, week1Month1, category == null ? null : category.toUpperCase(Locale.ROOT),
                            row.oneOf("holiday_pay", HOLIDAY_PAY), row.oneOf("pension", PENSION));
                });
        requireUnique(file, rows, EmploymentRow::ref, "employment_ref");
        return transaction.execute(status -> {
            FileLoad load = upsert(file, rows, "select ref from employment", EmploymentRow::ref, """
                    insert into employment (ref, service_user_id, mentor_id, start_date, end_date, pay_frequency,
                        tax_code, week1_month1, ni_category, holiday_pay, pension)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (ref) do update set service_user_id = excluded.service_user_id,
                        mentor_id = excluded.mentor_id, start_date = excluded.start_date, end_date = excluded.end_date,
                        pay_frequency = excluded.pay_frequency, tax_code = excluded.tax_code,
                        week1_month1 = excluded.week1_month1, ni_category = excluded.ni_category,
                        holiday_pay = excluded.holiday_pay, pension = excluded.pension
                    where (employment.service_user_id, employment.mentor_id, employment.start_date,
                           employment.end_date, employment.pay_frequency, employment.tax_code,
                           employment.week1_month1, employment.ni_category, employment.holiday_pay,
                           employment.pension)
                        is distinct from (excluded.service_user_id, excluded.mentor_id, excluded.start_date,
                           excluded.end_date, excluded.pay_frequency, excluded.tax_code, excluded.week1_month1,
                           excluded.ni_category, excluded.holiday_pay, excluded.pension)
                    """, r -> new Object[] {r.ref(), r.serviceUserId(), r.mentorId(), Date.valueOf(r.start()),
                            r.end() == null ? null : Date.valueOf(r.end()), r.frequency(), r.taxCode(),
                            r.week1Month1(), r.niCategory(), r.holidayPay(), r.pension()});
            int ratesChanged = upsertRates(rows.stream()
                    .map(r -> new RateRow(r.ref(), r.start(), r.rate())).toList());
            return new FileLoad(load.file(), true, load.rows(), load.added(),
                    Math.min(load.rows() - load.added(), load.changed() + ratesChanged));
        });
    }

    record RateRow(String employmentRef, LocalDate effectiveFrom, BigDecimal rate) {
    }

    FileLoad employmentRates(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        Map<String, Long> employments = ids("employment");
        List<RateRow> rows = CsvTable.read(file, List.of("employment_ref", "effective_from", "hourly_rate"),
                Set.of("employment_ref", "effective_from", "hourly_rate"), row -> {
                    known(row, "employment_ref", employments, "employments.csv");
                    return new RateRow(row.text("employment_ref"), row.date("effective_from"),
                            row.hourlyRate("hourly_rate"));
                });
        requireUnique(file, rows, r -> r.employmentRef() + " from " + r.effectiveFrom(),
                "employment_ref and effective_from");
        Set<String> existing = new HashSet<>(jdbc.queryForList("""
                select e.ref || ' from ' || r.effective_from from employment_rate r join employment e on e.id = r.employment_id
                """, String.class));
        int added = (int) rows.stream().filter(r -> !existing.contains(r.employmentRef() + " from " + r.effectiveFrom()))
                .count();
        int touched = transaction.execute(status -> upsertRates(rows));
        return new FileLoad(file.getFileName().toString(), true, rows.size(), added, touched - added);
    }

    private int upsertRates(List<RateRow> rows) {
        int[] counts = jdbc.batchUpdate("""
                insert into employment_rate (employment_id, effective_from, hourly_rate)
                select id, ?, ? from employment where ref = ?
                on conflict (employment_id, effective_from) do update set hourly_rate = excluded.hourly_rate
                where employment_rate.hourly_rate <> excluded.hourly_rate
                """, rows.stream().map(r -> new Object[] {Date.valueOf(r.effectiveFrom()), r.rate(),
                r.employmentRef()}).toList());
        return sum(counts);
    }

    record BudgetRow(String serviceUserRef, long serviceUserId, LocalDate start, LocalDate end, BigDecimal hours,
                     BigDecimal allocation) {
    }

    FileLoad budgets(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        Map<String, Long> serviceUsers = ids("service_user");
        List<BudgetRow> rows = CsvTable.read(file,
                List.of("service_user_ref", "start_date", "end_date", "planned_hours_per_week", "allocation"),
                Set.of("service_user_ref", "start_date", "end_date", "planned_hours_per_week", "allocation"), row -> {
                    Long serviceUser = known(row, "service_user_ref", serviceUsers, "service-users.csv");
                    LocalDate start = row.date("start_date");
                    LocalDate end = row.date("end_date");
                    if (start != null && end != null && end.isBefore(start)) {
                        row.problem("end_date", "is before start_date (" + end + " < " + start + ")");
                    }
                    BigDecimal hours = row.pounds("planned_hours_per_week");
                    if (hours != null && (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(168)) > 0)) {
                        row.problem("planned_hours_per_week", "must be between 0 and 168");
                    }
                    BigDecimal allocation = row.pounds("allocation");
                    if (allocation != null && allocation.signum() < 0) {
                        row.problem("allocation", "cannot be negative");
                    }
                    return new BudgetRow(row.raw("service_user_ref"), orZero(serviceUser), start, end, hours,
                            allocation);
                });
        requireNoOverlap(file, rows);
        return upsert(file, rows, """
                select su.ref || ' from ' || b.start_date from budget_period b join service_user su on su.id = b.service_user_id
                """, r -> r.serviceUserRef() + " from " + r.start(), """
                insert into budget_period (service_user_id, start_date, end_date, planned_hours_per_week, allocation)
                values (?, ?, ?, ?, ?)
                on conflict (service_user_id, start_date) do update set end_date = excluded.end_date,
                    planned_hours_per_week = excluded.planned_hours_per_week, allocation = excluded.allocation
                where (budget_period.end_date, budget_period.planned_hours_per_week, budget_period.allocation)
                    is distinct from (excluded.end_date, excluded.planned_hours_per_week, excluded.allocation)
                """, r -> new Object[] {r.serviceUserId(), Date.valueOf(r.start()), Date.valueOf(r.end()), r.hours(),
                        r.allocation()});
    }

    record FundingRow(String serviceUserRef, long serviceUserId, LocalDate date, BigDecimal amount, String source) {
    }

    FileLoad funding(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        Map<String, Long> serviceUsers = ids("service_user");
        List<FundingRow> rows = CsvTable.read(file, List.of("service_user_ref", "date", "amount", "source"),
                Set.of("service_user_ref", "date", "amount", "source"), row -> {
                    Long serviceUser = known(row, "service_user_ref", serviceUsers, "service-users.csv");
                    BigDecimal amount = row.pounds("amount");
                    if (amount != null && amount.signum() == 0) {
                        row.problem("amount", "is zero: leave the row out instead");
                    }
                    return new FundingRow(row.raw("service_user_ref"), orZero(serviceUser), row.date("date"), amount,
                            row.oneOf("source", FUNDING_SOURCES));
                });
        requireUnique(file, rows, r -> r.serviceUserRef() + " " + r.date() + " " + r.source(),
                "service_user_ref, date and source");
        return upsert(file, rows, """
                select su.ref || ' ' || f.received_on || ' ' || f.source from funding f join service_user su on su.id = f.service_user_id
                """, r -> r.serviceUserRef() + " " + r.date() + " " + r.source(), """
                insert into funding (service_user_id, received_on, amount, source) values (?, ?, ?, ?)
                on conflict (service_user_id, received_on, source) do update set amount = excluded.amount
                where funding.amount <> excluded.amount
                """, r -> new Object[] {r.serviceUserId(), Date.valueOf(r.date()), r.amount(), r.source()});
    }

    private <T> FileLoad upsert(Path file, List<T> rows, String existingKeysSql, Function<T, String> key,
                                String upsertSql, Function<T, Object[]> values) {
        return transaction.execute(status -> {
            Set<String> existing = new HashSet<>(jdbc.queryForList(existingKeysSql, String.class));
            int added = (int) rows.stream().filter(row -> !existing.contains(key.apply(row))).count();
            int touched = sum(jdbc.batchUpdate(upsertSql, rows.stream().map(values).toList()));
            return new FileLoad(file.getFileName().toString(), true, rows.size(), added, touched - added);
        });
    }

    private Map<String, Long> ids(String table) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select ref, id from " + table, rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    private static Long known(CsvRow row, String column, Map<String, Long> ids, String whereDefined) {
        String ref = row.text(column);
        if (ref == null) {
            return null;
        }
        Long id = ids.get(ref);
        if (id == null) {
            row.problem(column, "'" + ref + "' is not known: add it to " + whereDefined + " and load that first");
        }
        return id;
    }

    private static <T> void requireUnique(Path file, List<T> rows, Function<T, String> key, String columns) {
        Set<String> seen = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (T row : rows) {
            if (!seen.add(key.apply(row))) {
                repeated.add(key.apply(row));
            }
        }
        if (!repeated.isEmpty()) {
            throw new CsvFileRefusedException(file.getFileName() + " was not loaded: " + columns
                    + " must be unique, but these appear more than once: "
                    + String.join(", ", repeated.stream().limit(25).toList()) + ". Nothing was changed.");
        }
    }

    private static void requireNoOverlap(Path file, List<BudgetRow> rows) {
        List<BudgetRow> sorted = rows.stream()
                .sorted(Comparator.comparing(BudgetRow::serviceUserRef).thenComparing(BudgetRow::start)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            BudgetRow previous = sorted.get(i - 1);
            BudgetRow next = sorted.get(i);
            if (previous.serviceUserRef().equals(next.serviceUserRef()) && !next.start().isAfter(previous.end())) {
                throw new CsvFileRefusedException(file.getFileName() + " was not loaded: the budget periods of "
                        + next.serviceUserRef() + " overlap (" + previous.start() + " to " + previous.end() + " and "
                        + next.start() + " to " + next.end() + "). Nothing was changed.");
            }
        }
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += Math.max(count, 0);
        }
        return total;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
