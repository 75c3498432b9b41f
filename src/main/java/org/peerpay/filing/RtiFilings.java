package org.peerpay.filing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.peerpay.calendar.PayCalendar;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.filing.PaidPayslips.PaidRun;
import org.peerpay.filing.PaidPayslips.Payslip;
import org.peerpay.people.People;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.system.AtomicFile;
import org.peerpay.system.OutputPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;

/**
 * Real Time Information for HMRC: after each pay run, one Full Payment Submission per employer the run paid, under
 * {@code rti/<period>/} ({@code SU001-FPS.xml}; a later run of the period {@code SU001-FPS-run2.xml}, its payments
 * alone with the figures to date). Each is checked by {@link RtiValidator} before it is written, and written whole,
 * readable by its owner alone (it carries NI numbers, which HMRC needs). An employer or mentor missing what HMRC
 * requires gets no file and a problem saying what to add; the others are written.
 */
@Service
public class RtiFilings {

    private static final Logger log = LoggerFactory.getLogger(RtiFilings.class);

    private final PaidPayslips payslips;
    private final People people;
    private final Employments employments;
    private final PayCalendar calendar;
    private final RtiValidator validator;

    RtiFilings(PaidPayslips payslips, People people, Employments employments, PayCalendar calendar,
               RtiValidator validator) {
        this.payslips = payslips;
        this.people = people;
        this.employments = employments;
        this.calendar = calendar;
        this.validator = validator;
    }

    /** One FPS written. */
    public record Written(Path file, String employerRef, int employments, boolean finalForYear, String irMark) {
    }

    /**
     * What writing a period's FPSs did.
     *
     * @param notRegistered employers paid with no PAYE reference: not registered with HMRC as employers, so they file
     *     nothing (an employer need not register while no employee reaches the lower earnings limit, has another
     *     job or pension, or pays tax)
     * @param problems each employer left without an FPS it needs, with why and what to do
     */
    public record Outcome(PayPeriod period, Path directory, List<Written> written, List<String> notRegistered,
                          List<String> problems) {
    }

    /** The folder of a period's RTI files. */
    public static Path directory(Path outDir, PayPeriod period) {
        return OutputPaths.under(outDir, "rti", period.id());
    }

    /** Writes (again, identically) the FPS of every employer paid by each completed run of the period. */
    public Outcome writeFps(PayPeriod period, Path outDir) {
        List<Written> written = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notRegistered = new ArrayList<>();
        Map<Long, People.ServiceUser> employers = people.serviceUsers();
        Map<Long, Employment> employmentsById = employments.all();
        for (PaidRun run : payslips.completedRuns(period)) {
            List<Payslip> year = payslips.yearToRun(run);
            Map<Long, People.Employee> employees = people.employeesForHmrc(
                    year.stream().map(Payslip::mentorId).collect(Collectors.toSet()));
            Map<Long, List<Payslip>> byEmployment = year.stream().collect(Collectors.groupingBy(
                    Payslip::employmentId, LinkedHashMap::new, Collectors.toList()));
            Map<Long, List<FpsDocument.Paid>> byEmployer = new LinkedHashMap<>();
            byEmployment.forEach((employmentId, payslipsOfYear) -> {
                Payslip last = payslipsOfYear.get(payslipsOfYear.size() - 1);
                if (last.payRunId() == run.id()) {
                    byEmployer.computeIfAbsent(last.serviceUserId(), id -> new ArrayList<>()).add(new FpsDocument.Paid(
                            employees.get(last.mentorId()), employmentsById.get(employmentId), payslipsOfYear));
                }
            });
            byEmployer.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey((a, b) -> employers.get(a).ref().compareTo(employers.get(b).ref())))
                    .forEach(entry -> writeOne(run, employers.get(entry.getKey()), entry.getValue(), employmentsById,
                            outDir, written, notRegistered, problems));
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> log.warn("FPS for {}: {}", period.id(), problem));
        }
        return new Outcome(period, directory(outDir, period), written, notRegistered, problems);
    }

    private void writeOne(PaidRun run, People.ServiceUser employer, List<FpsDocument.Paid> paid,
                          Map<Long, Employment> employmentsById, Path outDir, List<Written> written,
                          List<String> notRegistered, List<String> problems) {
        String fix = " Add it to reference data, load it, then run: peerpay rti fps --period " + run.period().id();
        People.EmployerAccounts accounts = people.employerAccounts(employer.id());
        if (accounts.employerPayeRef() == null) {
            notRegistered.add(employer.ref());
            return;
        }
        List<String> missing = new ArrayList<>();
        paid.stream().map(FpsDocument.Paid::employee).distinct().forEach(employee -> {
            if (employee == null) {
                missing.add("a mentor paid by this run is anonymised");
            } else if (employee.gender() == ' ' || employee.postcode() == null || employee.forename() == null) {
                missing.add(employee.ref() + " has no gender, forename or postcode recorded (mentors.csv)");
            }
        });
        if (!missing.isEmpty()) {
            problems.add(employer.ref() + ": no FPS written: " + String.join("; ", missing) + "." + fix);
            return;
        }
        FpsDocument.Employer hmrcEmployer = new FpsDocument.Employer(employer.ref(), accounts.employerPayeRef(),
                accounts.accountsOfficeRef());
        boolean finalForYear = finalForYear(run, employer.id(), employmentsById);
        Document document = FpsDocument.build(run.taxYear().rtiNamespace("fullPaymentSubmission"), hmrcEmployer, run,
                paid, finalForYear);
        String name = employer.ref() + "-FPS" + (run.number() > 1 ? "-run" + run.number() : "") + ".xml";
        Checked checked = writeChecked(document, directory(outDir, run.period()).resolve(OutputPaths.name(name)));
        if (!checked.problems().isEmpty()) {
            problems.add(employer.ref() + ": no FPS written for run " + run.number() + ": it fails "
                    + checked.checkedAgainst() + ": " + String.join("; ", checked.problems()));
            return;
        }
        written.add(new Written(checked.file(), employer.ref(), paid.size(), finalForYear, checked.irMark()));
    }

    /** A message stamped and checked: written when no problem was found. */
    record Checked(Path file, String irMark, List<String> problems, String checkedAgainst) {
    }

    /**
     * Indents the message, stamps its IRmark, checks it as HMRC would and, when it passes, writes it whole and
     * owner-only.
     */
    Checked writeChecked(Document document, Path file) {
        Xml xml = new Xml();
        try {
            Document indented = xml.parse(Xml.bytes(document, true));
            String mark = IrMark.stamp(indented);
            byte[] bytes = Xml.bytes(indented, false);
            RtiValidator.Report report = validator.check(bytes);
            if (report.passes()) {
                try (AtomicFile out = AtomicFile.createOwnerOnly(file)) {
                    out.stream().write(bytes);
                    out.commit();
                }
            }
            return new Checked(file, mark, report.problems(), report.checkedAgainst());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("PeerPay wrote an RTI message it cannot read back: " + e.getMessage(), e);
        }
    }

    /**
     * The run's pay date is the employer's last of the tax year: no frequency its employments are paid on has a
     * later pay date before 6 April.
     */
    private boolean finalForYear(PaidRun run, long serviceUserId, Map<Long, Employment> employmentsById) {
        int taxYear = PayPeriod.taxYearOf(run.payDate());
        Set<PayFrequency> frequencies = new HashSet<>();
        employmentsById.values().stream().filter(e -> e.serviceUserId() == serviceUserId)
                .filter(e -> e.end() == null || !e.end().isBefore(LocalDate.of(taxYear, 4, 6)))
                .forEach(e -> frequencies.add(e.frequency()));
        return frequencies.stream().allMatch(f -> !calendar.lastPayDate(f, taxYear).isAfter(run.payDate()));
    }
}
