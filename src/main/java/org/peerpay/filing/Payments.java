package org.peerpay.filing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.csv.CsvOutput;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.filing.PaidPayslips.PaidRun;
import org.peerpay.filing.PaidPayslips.Payslip;
import org.peerpay.ledger.Account;
import org.peerpay.ledger.JournalEntry;
import org.peerpay.ledger.Ledger;
import org.peerpay.money.Gbp;
import org.peerpay.people.BankAccount;
import org.peerpay.people.People;
import org.peerpay.system.AtomicFile;
import org.peerpay.system.OutputPaths;
import org.peerpay.system.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;

/**
 * Paying out what a pay run made owed, and recording it paid. After each run, under {@code payments/<period>/}
 * ({@code -run2} and so on for a supplementary run): {@code pain.001.xml}, the net pay as ISO 20022 credit
 * transfers from each budget's bank account to each mentor's, valid against the schema before it is written;
 * {@code bank-payments.csv}, the same payments for a bank's bulk upload; and {@code pension-contributions.csv},
 * the contribution schedule for the pension scheme. The bank files carry account numbers, so only their owner may
 * read them. When finance confirms that the bank paid, {@link #confirm} settles each payslip's liability in the
 * ledger from the budget's bank account, once.
 */
@Service
public class Payments {

    static final String[] BANK_COLUMNS = {"payment_date", "service_user_ref", "from_sort_code", "from_account_number",
            "from_account_name", "mentor_ref", "employment_ref", "to_sort_code", "to_account_number",
            "to_account_name", "amount", "reference"};
    static final String[] PENSION_COLUMNS = {"period", "pay_date", "service_user_ref", "mentor_ref", "employment_ref",
            "mentor_name", "date_of_birth", "worker_category", "membership", "enrolled_on", "pensionable_pay",
            "employee_contribution", "employer_contribution", "total_contribution"};

    private final PaidPayslips payslips;
    private final People people;
    private final Employments employments;
    private final Ledger ledger;
    private final Clock clock;

    Payments(PaidPayslips payslips, People people, Employments employments, Ledger ledger, Clock clock) {
        this.payslips = payslips;
        this.people = people;
        this.employments = employments;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * What writing a period's payment files did.
     *
     * @param problems each payment left out of the bank files, with why and what to do
     */
    public record Outcome(PayPeriod period, Path directory, List<Path> files, int transfers, MonetaryAmount total,
                          List<String> problems) {
    }

    /** The folder of a period's payment files. */
    public static Path directory(Path outDir, PayPeriod period) {
        return OutputPaths.under(outDir, "payments", period.id());
    }

    /** Writes the payment files of every completed run of the period (again, the same payments). */
    public Outcome writeFiles(PayPeriod period, Path outDir) {
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int transfers = 0;
        MonetaryAmount total = Gbp.ZERO;
        Map<Long, People.ServiceUser> employers = people.serviceUsers();
        Map<Long, People.Mentor> mentors = people.mentors();
        Map<Long, Employment> employmentsById = employments.all();
        for (PaidRun run : payslips.completedRuns(period)) {
            List<Payslip> paid = ofRun(run);
            People.BankAccounts accounts = people.bankAccountsForPayment(
                    paid.stream().map(Payslip::serviceUserId).collect(Collectors.toSet()),
                    paid.stream().map(Payslip::mentorId).collect(Collectors.toSet()));
            String suffix = run.number() > 1 ? "-run" + run.number() : "";
            Path directory = directory(outDir, period);

            Map<Long, List<Pain001.Transfer>> byEmployer = new LinkedHashMap<>();
            List<Object[]> bankRows = new ArrayList<>();
            for (Payslip payslip : paid) {
                if (!payslip.netPay().isPositive()) {
                    continue;
                }
                People.ServiceUser employer = employers.get(payslip.serviceUserId());
                String mentor = mentors.get(payslip.mentorId()).ref();
                String employment = employmentsById.get(payslip.employmentId()).ref();
                BankAccount from = accounts.serviceUsers().get(payslip.serviceUserId());
                BankAccount to = accounts.mentors().get(payslip.mentorId());
                if (from == null || to == null) {
                    problems.add(employer.ref() + " " + employment + ": net pay " + Gbp.format(payslip.netPay())
                            + " is not in the bank files: " + (from == null ? employer.ref() + "'s budget has no bank"
                            + " account (service-users.csv)" : mentor + " has no bank account (mentors.csv)")
                            + ". Pay it by other means, then confirm it: peerpay payments confirm --period "
                            + period.id() + " --service-user " + employer.ref() + " --paid-on DATE");
                    continue;
                }
                String reference = (period.id().substring(8) + " " + employment);
                reference = reference.substring(0, Math.min(18, reference.length()));
                byEmployer.computeIfAbsent(payslip.serviceUserId(), id -> new ArrayList<>()).add(new Pain001.Transfer(
                        "PEERPAY-PAYSLIP-" + payslip.id(), to, payslip.netPay(), reference));
                bankRows.add(new Object[] {run.payDate().toString(), employer.ref(), from.revealSortCode(),
                        from.revealAccountNumber(), from.accountName(), mentor, employment, to.revealSortCode(),
                        to.revealAccountNumber(), to.accountName(), Gbp.pounds(payslip.netPay()), reference});
                transfers++;
                total = total.add(payslip.netPay());
            }
            if (!byEmployer.isEmpty()) {
                List<Pain001.Batch> batches = byEmployer.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(Comparator.comparing(id -> employers.get(id).ref())))
                        .map(e -> new Pain001.Batch(employers.get(e.getKey()).ref() + "-" + period.id()
                                .replace("/", "-") + "-R" + run.number(), accounts.serviceUsers().get(e.getKey()),
                                run.payDate(), e.getValue()))
                        .toList();
                files.add(writePain001(directory.resolve("pain.001" + suffix + ".xml"),
                        "PEERPAY-" + period.id().replace("/", "-") + "-R" + run.number(), batches));
                Path bankFile = directory.resolve("bank-payments" + suffix + ".csv");
                try (CsvOutput csv = CsvOutput.createOwnerOnly(bankFile, BANK_COLUMNS)) {
                    bankRows.forEach(csv::row);
                    csv.commit();
                }
                files.add(bankFile);
            }
            files.add(writePensionSchedule(directory.resolve("pension-contributions" + suffix + ".csv"), run, paid,
                    employers, mentors, employmentsById));
        }
        return new Outcome(period, directory(outDir, period), files, transfers, total, problems);
    }

    private Path writePain001(Path file, String messageId, List<Pain001.Batch> batches) {
        Document document = new Pain001().build(messageId, "PeerPay", LocalDateTime.now(clock), batches);
        List<String> errors = Pain001.schemaErrors(document);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("PeerPay made a pain.001 that breaks the ISO 20022 schema, so it was not"
                    + " written: " + String.join("; ", errors));
        }
        try (AtomicFile out = AtomicFile.createOwnerOnly(file)) {
            out.stream().write(Xml.bytes(document, true));
            out.commit();
        } catch (java.io.IOException e) {
            throw AtomicFile.failed(file, e);
        }
        return file;
    }

    private Path writePensionSchedule(Path file, PaidRun run, List<Payslip> paid,
                                      Map<Long, People.ServiceUser> employers, Map<Long, People.Mentor> mentors,
                                      Map<Long, Employment> employmentsById) {
        Map<Long, LocalDate> enrolled = payslips.enrolledOn(paid.stream().map(Payslip::employmentId).toList());
        try (CsvOutput csv = CsvOutput.create(file, PENSION_COLUMNS)) {
            for (Payslip p : paid) {
                People.Mentor mentor = mentors.get(p.mentorId());
                LocalDate enrolledOn = enrolled.get(p.employmentId());
                csv.row(run.period().id(), p.payDate().toString(), employers.get(p.serviceUserId()).ref(),
                        mentor.ref(), employmentsById.get(p.employmentId()).ref(), mentor.name(),
                        mentor.dateOfBirth() == null ? "" : mentor.dateOfBirth().toString(), p.pensionCategory(),
                        p.pensionMembership(), enrolledOn == null ? "" : enrolledOn.toString(),
                        Gbp.pounds(p.qualifyingEarnings()), Gbp.pounds(p.employeePension()),
                        Gbp.pounds(p.employerPension()), Gbp.pounds(p.employeePension().add(p.employerPension())));
            }
            csv.commit();
        }
        return file;
    }

    private List<Payslip> ofRun(PaidRun run) {
        return payslips.yearToRun(run).stream().filter(p -> p.payRunId() == run.id()).toList();
    }

    /** What a confirmation pays: a liability a payslip made owed. */
    public enum Liability {
        NET_PAY(Account.NET_PAY_OWED, "Net pay"), HMRC(Account.HMRC_OWED, "PAYE and NIC"),
        PENSION(Account.PENSION_OWED, "Pension contributions");

        private final Account account;
        private final String words;

        Liability(Account account, String words) {
            this.account = account;
            this.words = words;
        }
    }

    /**
     * What a confirmation settled: how many payslips' liabilities, and how much.
     *
     * @param nothingOwed payslips that owed nothing more on it (settled before, or nothing was due)
     */
    public record Confirmed(int settled, MonetaryAmount total, int nothingOwed) {
    }

    /**
     * Records in the ledger that the bank paid a liability of the period's payslips (of one run, of one employer,
     * when given) on a day: each still owed is settled from its budget's bank account, once; one settled before is
     * left as it is.
     *
     * @throws UserFacingException when the period has no completed run, the run or employer is not in it, or the day
     *     is after today
     */
    @Transactional
    public Confirmed confirm(PayPeriod period, Integer runNumber, String serviceUserRef, Liability what,
                            LocalDate paidOn) {
        if (paidOn.isAfter(LocalDate.now(clock))) {
            throw new UserFacingException("--paid-on " + paidOn + " is after today: confirm a payment once the bank"
                    + " has made it.");
        }
        List<PaidRun> runs = payslips.completedRuns(period).stream()
                .filter(run -> runNumber == null || run.number() == runNumber).toList();
        if (runs.isEmpty()) {
            throw new UserFacingException(period.id() + " has no completed pay run" + (runNumber == null ? ""
                    : " numbered " + runNumber) + ": nothing to confirm.");
        }
        Long serviceUserId = null;
        if (serviceUserRef != null) {
            serviceUserId = people.serviceUserIds().get(serviceUserRef);
            if (serviceUserId == null) {
                throw new UserFacingException("There is no service user " + serviceUserRef + ".");
            }
        }
        Long employer = serviceUserId;
        List<Payslip> paid = runs.stream().flatMap(run -> ofRun(run).stream())
                .filter(p -> employer == null || p.serviceUserId() == employer).toList();
        Map<Long, Employment> employmentsById = employments.all();
        Map<Long, Long> employmentOfPayslip = paid.stream().collect(Collectors.toMap(Payslip::id,
                Payslip::employmentId));
        List<Ledger.Owed> owed = ledger.owed(what.account, employmentOfPayslip.keySet());
        List<JournalEntry> entries = owed.stream().map(o -> JournalEntry.settlement(what.account, o.payslipId(),
                o.serviceUserId(), what == Liability.NET_PAY ? o.employmentId() : null, o.periodId(), paidOn,
                o.amount(), what.words + " " + o.periodId() + " "
                        + employmentsById.get(employmentOfPayslip.get(o.payslipId())).ref() + " paid " + paidOn))
                .toList();
        int posted = ledger.post(entries);
        MonetaryAmount total = owed.stream().map(Ledger.Owed::amount).reduce(Gbp.ZERO, MonetaryAmount::add);
        return new Confirmed(posted, total, paid.size() - owed.size());
    }
}
