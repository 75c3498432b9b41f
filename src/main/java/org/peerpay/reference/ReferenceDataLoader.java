package org.peerpay.reference;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.csv.CsvRow;
import org.peerpay.csv.CsvTable;
import org.peerpay.budgets.Budgets;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.money.Gbp;
import org.peerpay.money.HourlyRate;
import org.peerpay.people.AccountsOfficeReference;
import org.peerpay.people.BankAccount;
import org.peerpay.people.NiNumber;
import org.peerpay.payroll.BackPay;
import org.peerpay.people.People;
import org.peerpay.statutory.StarterDeclaration;
import org.peerpay.system.Saved;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the reference files of a directory, in dependency order, and hands each file's rows to the module that
 * owns them (people, employment, budgets), each file in its own transaction: a file with any bad row changes
 * nothing and names every bad cell; loading the same files again changes nothing.
 */
@Service
public class ReferenceDataLoader {

    static final Set<String> PAY_FREQUENCIES = Set.of("weekly", "two-weekly", "four-weekly", "monthly");
    static final Set<String> HOLIDAY_PAY = Set.of("rolled-up", "accrued", "none");
    static final Set<String> PENSION = Set.of("assess", "opted-out");
    static final Set<String> STARTER_DECLARATIONS = Set.of("a", "b", "c");
    static final Set<String> NI_CATEGORIES = Set.of("a", "b", "c", "h", "j", "m", "v", "z",
            "f", "i", "l", "s", "d", "e", "k", "n");
    static final Set<String> FUNDING_SOURCES = Set.of("council", "client-contribution", "health", "other",
            "clawback");
    private static final Pattern TAX_CODE = Pattern.compile(
            "[SC]?(\\d{1,6}[LMNT]|BR|D[0-5]|NT|0T|K\\d{1,6})(W1|M1|X)?");
    private static final Pattern PAYE_REF = Pattern.compile("\\d{3}/[A-Z0-9]{1,10}");

    private final TransactionTemplate transaction;
    private final People people;
    private final Employments employments;
    private final Budgets budgets;
    private final BackPay backPay;

    ReferenceDataLoader(TransactionTemplate transaction, People people, Employments employments, Budgets budgets,
                        BackPay backPay) {
        this.backPay = backPay;
        this.transaction = transaction;
        this.people = people;
        this.employments = employments;
        this.budgets = budgets;
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
                backPay.betweenPayRuns(() -> employments(directory.resolve("employments.csv"))),
                backPay.betweenPayRuns(() -> employmentRates(directory.resolve("employment-rates.csv"))),
                budgets(directory.resolve("budgets.csv")),
                funding(directory.resolve("funding.csv")));
        if (loads.stream().noneMatch(FileLoad::present)) {
            throw new CsvFileRefusedException(directory + " holds none of the reference files (service-users.csv,"
                    + " mentors.csv, employments.csv, employment-rates.csv, budgets.csv, funding.csv).");
        }
        return loads;
    }

    FileLoad serviceUsers(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        Map<String, LocalDate> anonymised = people.anonymised(true);
        List<People.ServiceUserDetails> rows = CsvTable.read(file,
                List.of("service_user_ref", "name", "council", "employment_allowance", "retention_weeks"),
                Set.of("service_user_ref", "name", "council", "employer_paye_ref", "accounts_office_ref",
                        "employment_allowance", "retention_weeks", "sort_code", "account_number", "account_name"),
                row -> {
                    String payeRef = row.optionalText("employer_paye_ref");
                    if (payeRef != null && !PAYE_REF.matcher(payeRef.toUpperCase(Locale.ROOT)).matches()) {
                        row.problem("employer_paye_ref", "is not an employer PAYE reference like 123/AB45678");
                    }
                    AccountsOfficeReference office = accountsOfficeReference(row);
                    if ((payeRef == null) != (row.optionalText("accounts_office_ref") == null)) {
                        row.problem(payeRef == null ? "employer_paye_ref" : "accounts_office_ref", "is empty, but an"
                                + " employer's PAYE reference and Accounts Office reference come together (both are"
                                + " on HMRC's letter that set up the PAYE scheme): give both, or neither");
                    }
                    refuseAnonymised(row, "service_user_ref", anonymised, "service user");
                    return new People.ServiceUserDetails(row.ref("service_user_ref"), row.text("name"),
                            row.text("council"),
                            payeRef == null ? null : payeRef.toUpperCase(Locale.ROOT), office, bankAccount(row),
                            Boolean.TRUE.equals(row.yesNo("employment_allowance")),
                            orZero(row.wholeNumber("retention_weeks", 0, 520)));
                });
        requireUnique(file, rows, People.ServiceUserDetails::ref, "service_user_ref");
        return save(file, rows, () -> people.saveServiceUsers(rows));
    }

    FileLoad mentors(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        LocalDate today = LocalDate.now();
        Map<String, LocalDate> anonymised = people.anonymised(false);
        List<People.MentorDetails> rows = CsvTable.read(file, List.of("mentor_ref", "forename", "surname",
                "date_of_birth", "ni_number", "gender", "address_line_1", "postcode"), Set.of("mentor_ref",
                "forename", "surname", "date_of_birth", "ni_number", "gender", "address_line_1", "address_line_2",
                "address_line_3", "address_line_4", "postcode", "sort_code", "account_number", "account_name"), row -> {
                    refuseAnonymised(row, "mentor_ref", anonymised, "mentor");
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
                    List<String> lines = new ArrayList<>();
                    for (int line = 1; line <= 4; line++) {
                        String text = line == 1 ? row.text("address_line_1") : row.optionalText("address_line_" + line);
                        if (text != null) {
                            lines.add(hmrcText(row, "address_line_" + line, text, true));
                        }
                    }
                    return new People.MentorDetails(row.ref("mentor_ref"),
                            hmrcText(row, "forename", row.text("forename"), false),
                            hmrcText(row, "surname", row.text("surname"), false), born, ni, gender(row),
                            lines, postcode(row), bankAccount(row));
                });
        requireUnique(file, rows, People.MentorDetails::ref, "mentor_ref");
        Map<NiNumber, String> niOwners = new HashMap<>();
        List<String> shared = new ArrayList<>();
        for (People.MentorDetails mentor : rows) {
            String owner = niOwners.putIfAbsent(mentor.niNumber(), mentor.ref());
            if (owner != null) {
                shared.add(owner + " and " + mentor.ref() + " (" + mentor.niNumber().masked() + ")");
            }
        }
        if (!shared.isEmpty()) {
            throw new CsvFileRefusedException(file.getFileName() + " was not loaded: two mentors cannot have one NI"
                    + " number, but " + String.join(", ", shared) + " do. Nothing was changed.");
        }
        return save(file, rows, () -> people.saveMentors(rows));
    }

    FileLoad employments(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        Map<String, Long> serviceUsers = people.serviceUserIds();
        Map<String, Long> mentors = people.mentorIds();
        Map<String, Long> employmentIds = employments.ids();
        Map<Long, Employment> existing = employments.all();
        BackPay.RateChanges rateChanges = backPay.rateChanges();
        List<Employments.EmploymentDetails> rows = CsvTable.read(file,
                List.of("employment_ref", "service_user_ref", "mentor_ref", "start_date", "hourly_rate",
                        "pay_frequency", "ni_category", "holiday_pay", "pension"),
                Set.of("employment_ref", "service_user_ref", "mentor_ref", "start_date", "end_date", "hourly_rate",
                        "pay_frequency", "tax_code", "week1_month1", "ni_category", "holiday_pay", "pension",
                        "starter_declaration", "p45_pay_to_date", "p45_tax_to_date"),
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
                    HourlyRate rate = hourlyRate(row);
                    Long known = employmentIds.get(row.raw("employment_ref"));
                    if (known != null && start != null && rate != null) {
                        refuseARateChangeBehindPaidPay(row, "start_date", rateChanges.refusal(existing.get(known),
                                start, rate));
                    }
                    String starter = row.raw("starter_declaration").isEmpty() ? null
                            : row.oneOf("starter_declaration", STARTER_DECLARATIONS);
                    Employment.P45 p45 = p45(row, taxCode);
                    return new Employments.EmploymentDetails(row.ref("employment_ref"), orZero(serviceUser),
                            orZero(mentor), start,
                            end, rate, row.oneOf("pay_frequency", PAY_FREQUENCIES),
                            taxCode, week1Month1, category == null ? null : category.toUpperCase(Locale.ROOT),
                            row.oneOf("holiday_pay", HOLIDAY_PAY), row.oneOf("pension", PENSION),
                            starter == null ? null : StarterDeclaration.valueOf(starter.toUpperCase(Locale.ROOT)),
                            p45);
                });
        requireUnique(file, rows, Employments.EmploymentDetails::ref, "employment_ref");
        return saveRates(file, rows, existing, () -> employments.saveEmployments(rows));
    }

    FileLoad employmentRates(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        Map<String, Long> employmentIds = employments.ids();
        Map<Long, Employment> existing = employments.all();
        BackPay.RateChanges rateChanges = backPay.rateChanges();
        List<Employments.RateDetails> rows = CsvTable.read(file, List.of("employment_ref", "effective_from", "hourly_rate"),
                Set.of("employment_ref", "effective_from", "hourly_rate"), row -> {
                    Long employment = known(row, "employment_ref", employmentIds, "employments.csv");
                    LocalDate from = row.date("effective_from");
                    HourlyRate rate = hourlyRate(row);
                    if (employment != null && from != null && rate != null) {
                        refuseARateChangeBehindPaidPay(row, "effective_from", rateChanges.refusal(
                                existing.get(employment), from, rate));
                    }
                    return new Employments.RateDetails(row.text("employment_ref"), from, rate);
                });
        requireUnique(file, rows, r -> r.employmentRef() + " from " + r.effectiveFrom(),
                "employment_ref and effective_from");
        return saveRates(file, rows, existing, () -> employments.saveRates(rows));
    }

    record BudgetRow(String serviceUserRef, long serviceUserId, LocalDate start, LocalDate end, BigDecimal hours,
                     BigDecimal allocation) {
    }

    FileLoad budgets(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        Map<String, Long> serviceUsers = people.serviceUserIds();
        Map<String, List<long[]>> periodsSeen = new HashMap<>(); // by service user: start and end epoch day, row
        List<BudgetRow> rows = CsvTable.read(file,
                List.of("service_user_ref", "start_date", "end_date", "planned_hours_per_week", "allocation"),
                Set.of("service_user_ref", "start_date", "end_date", "planned_hours_per_week", "allocation"), row -> {
                    Long serviceUser = known(row, "service_user_ref", serviceUsers, "service-users.csv");
                    LocalDate start = row.date("start_date");
                    LocalDate end = row.date("end_date");
                    if (start != null && end != null && end.isBefore(start)) {
                        row.problem("end_date", "is before start_date (" + end + " < " + start + ")");
                    } else if (start != null && end != null) {
                        List<long[]> seen = periodsSeen.computeIfAbsent(row.raw("service_user_ref"),
                                ref -> new ArrayList<>());
                        for (long[] other : seen) {
                            if (start.toEpochDay() <= other[1] && other[0] <= end.toEpochDay()) {
                                row.problem("start_date", "the budget period " + start + " to " + end + " of "
                                        + row.raw("service_user_ref") + " overlaps the one in row " + other[2] + " ("
                                        + LocalDate.ofEpochDay(other[0]) + " to " + LocalDate.ofEpochDay(other[1])
                                        + ")");
                            }
                        }
                        seen.add(new long[] {start.toEpochDay(), end.toEpochDay(), row.rowNumber()});
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
        return save(file, rows, () -> budgets.saveBudgetPeriods(rows.stream()
                .map(r -> new Budgets.BudgetPeriodDetails(r.serviceUserId(), r.start(), r.end(), r.hours(),
                        Gbp.of(r.allocation()))).toList()));
    }

    record FundingRow(String serviceUserRef, long serviceUserId, LocalDate date, BigDecimal amount, String source) {
    }

    FileLoad funding(Path file) {
        if (Files.notExists(file)) {
            return FileLoad.absent(file.getFileName().toString());
        }
        Map<String, Long> serviceUsers = people.serviceUserIds();
        List<FundingRow> rows = CsvTable.read(file, List.of("service_user_ref", "date", "amount", "source"),
                Set.of("service_user_ref", "date", "amount", "source"), row -> {
                    Long serviceUser = known(row, "service_user_ref", serviceUsers, "service-users.csv");
                    BigDecimal amount = row.pounds("amount");
                    if (amount != null && amount.signum() == 0) {
                        row.problem("amount", "is zero: leave the row out instead");
                    }
                    String source = row.raw("source");
                    if (amount != null && amount.signum() < 0 && !"clawback".equalsIgnoreCase(source)) {
                        row.problem("amount", "is negative: money taken back from a budget is source 'clawback';"
                                + " a correction of a payment is its row with the right amount");
                    }
                    if (amount != null && amount.signum() > 0 && "clawback".equalsIgnoreCase(source)) {
                        row.problem("amount", "is positive, but a clawback takes money back: write it negative");
                    }
                    return new FundingRow(row.raw("service_user_ref"), orZero(serviceUser), row.date("date"), amount,
                            row.oneOf("source", FUNDING_SOURCES));
                });
        requireUnique(file, rows, r -> r.serviceUserRef() + " " + r.date() + " " + r.source(),
                "service_user_ref, date and source");
        return save(file, rows, () -> budgets.saveFunding(rows.stream()
                .map(r -> new Budgets.FundingDetails(r.serviceUserId(), r.date(), Gbp.of(r.amount()), r.source()))
                .toList()));
    }

    /** Saves a file's rows through their owner, in one transaction, and says what changed. */
    private FileLoad save(Path file, List<?> rows, Supplier<Saved> saving) {
        Saved counted = transaction.execute(status -> saving.get());
        return new FileLoad(file.getFileName().toString(), true, rows.size(), counted.added(), counted.changed(),
                List.of());
    }

    /**
     * Saves a file of rates as {@link #save} does, recording in the same transaction the back pay they owe on shifts
     * already paid, which the load then reports.
     */
    private FileLoad saveRates(Path file, List<?> rows, Map<Long, Employment> before, Supplier<Saved> saving) {
        List<BackPay.Owed> owed = new ArrayList<>();
        FileLoad load = save(file, rows, () -> {
            Saved saved = saving.get();
            owed.addAll(backPay.recordRateChanges(before));
            return saved;
        });
        List<String> notes = owed.stream().map(o -> before.get(o.employmentId()).ref() + ": " + o.description()
                + " = " + Gbp.format(o.amount()) + ", paid by the next " + before.get(o.employmentId()).frequency()
                .word() + " pay run").toList();
        return new FileLoad(load.file(), true, load.rows(), load.added(), load.changed(), notes);
    }

    private static void refuseARateChangeBehindPaidPay(CsvRow row, String dateColumn, String refusal) {
        if (refusal != null) {
            row.problem(dateColumn, refusal);
        }
    }

    /**
     * The pay and tax to date of the row's P45 (both columns, or neither: null), whose tax code must be the row's;
     * tax may be negative (a refund).
     */
    private static Employment.P45 p45(CsvRow row, String taxCode) {
        boolean pay = !row.raw("p45_pay_to_date").isEmpty();
        boolean tax = !row.raw("p45_tax_to_date").isEmpty();
        if (!pay && !tax) {
            return null;
        }
        if (pay != tax) {
            row.problem(pay ? "p45_tax_to_date" : "p45_pay_to_date", "is empty, but a P45 gives total pay and total"
                    + " tax to date: give both, or neither");
            return null;
        }
        BigDecimal payToDate = row.pounds("p45_pay_to_date");
        BigDecimal taxToDate = row.pounds("p45_tax_to_date");
        if (payToDate != null && payToDate.signum() < 0) {
            row.problem("p45_pay_to_date", "cannot be negative");
        }
        if (taxCode == null) {
            row.problem("tax_code", "is empty, but a P45 gives the tax code to carry on with: copy it here");
        }
        return payToDate == null || taxToDate == null ? null : new Employment.P45(Gbp.of(payToDate),
                Gbp.of(taxToDate));
    }

    /** The row's {@code accounts_office_ref}, or null when empty or not one (then the row has a problem). */
    private static AccountsOfficeReference accountsOfficeReference(CsvRow row) {
        String text = row.optionalText("accounts_office_ref");
        if (text == null) {
            return null;
        }
        try {
            return AccountsOfficeReference.parse(text);
        } catch (IllegalArgumentException e) {
            row.problem("accounts_office_ref", e.getMessage());
            return null;
        }
    }

    /** The row's bank account: all three of its columns, or none (null); a wrong part is named. */
    private static BankAccount bankAccount(CsvRow row) {
        List<String> parts = List.of("sort_code", "account_number", "account_name");
        long given = parts.stream().filter(part -> row.optionalText(part) != null).count();
        if (given == 0) {
            return null;
        }
        if (given < parts.size()) {
            String missing = parts.stream().filter(part -> row.optionalText(part) == null).findFirst().orElseThrow();
            row.problem(missing, "is empty, but a bank account needs its sort code, account number and the name on"
                    + " the account: give all three, or none");
            return null;
        }
        try {
            return BankAccount.parse(row.raw("sort_code"), row.raw("account_number"), row.raw("account_name"));
        } catch (BankAccount.Problem e) {
            row.problem(e.part(), e.getMessage());
            return null;
        }
    }

    /** {@code M} or {@code F} as HMRC records it ({@code male} and {@code female} too), else a problem. */
    private static char gender(CsvRow row) {
        String text = row.text("gender");
        String word = text == null ? "" : text.toUpperCase(Locale.ROOT);
        if (word.equals("M") || word.equals("MALE")) {
            return 'M';
        }
        if (word.equals("F") || word.equals("FEMALE")) {
            return 'F';
        }
        if (text != null) {
            row.problem("gender", "must be M or F, as recorded with HMRC (what the FPS reports)");
        }
        return '?';
    }

    private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})");

    /** A UK postcode, written as Royal Mail does ({@code LS1 1AA}), else a problem. */
    private static String postcode(CsvRow row) {
        String text = row.text("postcode");
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher postcode = POSTCODE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!postcode.matches()) {
            row.problem("postcode", "is not a UK postcode like LS1 1AA");
            return null;
        }
        return postcode.group(1) + " " + postcode.group(2);
    }

    /**
     * Text as HMRC's FPS takes a name or an address line: at most 35 characters, starting with a letter (or, for an
     * address line, a digit).
     */
    private static String hmrcText(CsvRow row, String column, String text, boolean digitFirst) {
        if (text != null && (text.length() > 35 || !text.matches(digitFirst ? "[A-Za-z0-9].*" : "[A-Za-z].*"))) {
            row.problem(column, "must be at most 35 characters and start with a letter" + (digitFirst ? " or digit"
                    : "") + ", as HMRC's Full Payment Submission takes it");
        }
        return text;
    }

    /** A person anonymised under the retention rules stays so: loading their details again would undo it. */
    private static void refuseAnonymised(CsvRow row, String column, Map<String, LocalDate> anonymised, String who) {
        LocalDate on = anonymised.get(row.raw(column));
        if (on != null) {
            row.problem(column, "names a " + who + " whose records passed the retention rules and who was anonymised"
                    + " on " + on + "; their details may not be loaded again. Remove the row from the file");
        }
    }

    /** The row's {@code hourly_rate}, or null when it is not one (the row then has a problem and is refused). */
    private static HourlyRate hourlyRate(CsvRow row) {
        BigDecimal rate = row.hourlyRate("hourly_rate");
        return rate == null ? null : new HourlyRate(rate);
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

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
