package org.peerpay.payroll;

import org.peerpay.calendar.PayCalendar;
import org.peerpay.calendar.PayPeriod;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.ExceptionType;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.money.Gbp;
import org.peerpay.people.PersonIds;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.statutory.TaxYears;
import org.peerpay.system.DatabaseLocks;
import org.peerpay.system.Jobs;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, resumes and reports pay runs (with each step's time). A period is paid once by its first run; after that, a run of it happens
 * only to pay shifts a coordinator released from hold (a supplementary run). A run left unfinished by a process
 * that stopped is resumed, with the same lines, from its last commit.
 */
@Service
public class PayRuns {

    private final JdbcTemplate jdbc;
    private final Jobs jobs;
    private final Job payRunJob;
    private final PayCalendar calendar;
    private final TaxYears taxYears;
    private final PeerPayProperties properties;
    private final Exceptions exceptions;
    private final PayableShifts shifts;
    private final Employments employments;
    private final PayRunRepository payRuns;
    private final TodaysRules todaysRules;
    private final DatabaseLocks locks;
    private final BackPay backPay;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    PayRuns(JdbcTemplate jdbc, Jobs jobs, Job payRunJob, PayCalendar calendar, TaxYears taxYears,
            PeerPayProperties properties, Exceptions exceptions, PayableShifts shifts, Employments employments,
            PayRunRepository payRuns, TodaysRules todaysRules, DatabaseLocks locks, BackPay backPay,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.backPay = backPay;
        this.jdbc = jdbc;
        this.locks = locks;
        this.payRuns = payRuns;
        this.todaysRules = todaysRules;
        this.shifts = shifts;
        this.employments = employments;
        this.exceptions = exceptions;
        this.jobs = jobs;
        this.payRunJob = payRunJob;
        this.calendar = calendar;
        this.taxYears = taxYears;
        this.properties = properties;
    }

    /** What a run did, or why there was nothing to do. */
    public record Summary(PayPeriod period, int runNumber, LocalDate payDate, boolean ran, String note, int payslips,
            MonetaryAmount gross, MonetaryAmount net, MonetaryAmount employerCost, int budgetsCharged, int shiftsHeld,
            Map<ExceptionType, Integer> exceptions, Path payslipsFile, Path exceptionsFile,
            Map<String, Duration> stepTimes) {
    }

    public Summary pay(PayPeriod period) {
        return pay(period, properties.outDir());
    }

    /**
     * As {@link #pay(PayPeriod)}, writing the period's files under another output directory. Runs of one pay
     * frequency go one at a time, across processes (a database lock): a second waits for the first to end. A second
     * run of the same period while the first is going on is refused at once (it would have nothing to do).
     *
     * @throws UserFacingException when a run of the same period is going on
     */
    public Summary pay(PayPeriod period, Path outDir) {
        return locks.tryHolding("peerpay.payroll.period." + period.id(), () -> locks.holding(
                        frequencyLock(period.frequency()), "another " + period.frequency().word() + " pay run is in"
                                + " progress", () -> payAlone(period, outDir)))
                .orElseThrow(() -> new UserFacingException("The pay run of " + period.id() + " is going on now, here"
                        + " or in another PeerPay on the database: nothing was started. Follow it with peerpay jobs or"
                        + " on the job runs page; if it fails, restart it from there."));
    }

    /** The lock every pay run of a frequency holds while it runs, across processes. */
    static String frequencyLock(PayFrequency frequency) {
        return "peerpay.payroll." + frequency.word();
    }

    private Summary payAlone(PayPeriod period, Path outDir) {
        PayRun payRun = payRuns.findFirstByPeriodIdAndStatus(period.id(), PayRun.Status.RUNNING).orElse(null);
        if (payRun == null) {
            PayRun last = payRuns.findFirstByPeriodIdOrderByRunNumberDesc(period.id()).orElse(null);
            if (last != null && !hasReleasedShifts(period)) {
                return new Summary(period, last.runNumber(), null, false, period.id() + " was paid on "
                        + last.completedAt().toLocalDate() + (last.runNumber() > 1 ? " (run " + last.runNumber() + ")"
                        : "") + "; nothing has been released since, so there is nothing to pay", 0, Gbp.ZERO,
                        Gbp.ZERO, Gbp.ZERO, 0, 0, Map.of(), null, null, Map.of());
            }
            LocalDate payDate = calendar.payDate(period);
            String taxYear = calendar.taxPeriod(period).taxYear();
            try {
                taxYears.get(taxYear);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("Cannot pay " + period.id() + ": its pay date " + payDate + " falls in"
                        + " tax year " + taxYear + ", and " + e.getMessage() + ". Add that tax year's figures to"
                        + " batch-config/tax-years first.");
            }
            payRun = payRuns.save(PayRun.start(period, last == null ? 1 : last.runNumber() + 1, payDate,
                    shifts.importBound(), todaysRules.forTaxYear(taxYear)));
        } else if (payRun.recordRulesIfAbsent(todaysRules.forTaxYear(
                PayPeriod.containing(period.frequency(), payRun.payDate()).taxYear()))) {
            payRun = payRuns.save(payRun);
        }
        long payRunId = payRun.id();
        int run = payRun.runNumber();
        LocalDate payDate = payRun.payDate();
        long importBound = payRun.importBound();
        JobExecution execution = jobs.run(payRunJob, new JobParametersBuilder()
                .addString("period", period.id())
                .addLong("run", (long) run)
                .addLong("payRunId", payRunId, false)
                .addLong("importBound", importBound, false)
                .addLocalDate("payDate", payDate, false)
                .addString("outDir", outDir.toString(), false)
                .toJobParameters());
        Map<String, Duration> stepTimes = new LinkedHashMap<>();
        execution.getStepExecutions().forEach(step -> stepTimes.put(step.getStepName(),
                step.getStartTime() == null || step.getEndTime() == null ? Duration.ZERO
                        : Duration.between(step.getStartTime(), step.getEndTime())));
        Summary summary = summary(period, run, payRunId, payDate, outDir, stepTimes);
        meters.counter("peerpay.payroll.payslips", "frequency", period.frequency().word())
                .increment(summary.payslips());
        return summary;
    }

    private Summary summary(PayPeriod period, int run, long payRunId, LocalDate payDate, Path outDir,
                            Map<String, Duration> stepTimes) {
        Map<String, Object> totals = jdbc.queryForMap("""
                select count(*) as payslips, coalesce(sum(gross_pay), 0) as gross, coalesce(sum(net_pay), 0) as net,
                       coalesce(sum(employer_cost), 0) as cost, count(distinct service_user_id) as budgets
                from payslip where pay_run_id = ?""", payRunId);
        int held = shifts.heldBy(payRunId);
        return new Summary(period, run, payDate, true, null, ((Number) totals.get("payslips")).intValue(),
                Gbp.of((BigDecimal) totals.get("gross")), Gbp.of((BigDecimal) totals.get("net")),
                Gbp.of((BigDecimal) totals.get("cost")),
                ((Number) totals.get("budgets")).intValue(), held, exceptions.countsOfPayRun(payRunId),
                PayRunFiles.payslipsFile(outDir, period), Exceptions.file(outDir, period), stepTimes);
    }

    private boolean hasReleasedShifts(PayPeriod period) {
        List<Long> runs = runsOf(period);
        return shifts.runsWithReleasedShifts().stream().anyMatch(runs::contains);
    }

    private List<Long> runsOf(PayPeriod period) {
        return payRuns.findByPeriodId(period.id()).stream().map(PayRun::id).toList();
    }

    /**
     * The periods to pay by a date, oldest first: for each pay frequency, from the period of the oldest shift not
     * yet paid (or a run left unfinished) to the last period that ended before the date, leaving out those paid
     * already; the period after the last one paid when back pay is owed and it has ended; any period with shifts
     * released from hold; and any whose close did not finish after its run.
     */
    public List<PayPeriod> periodsDue(LocalDate asOf) {
        List<PayPeriod> due = new ArrayList<>();
        List<Long> released = shifts.runsWithReleasedShifts();
        List<PayPeriod> open = new ArrayList<>(payRuns.periodsWithRunningRuns().stream().map(PayPeriod::parse)
                .toList());
        payRuns.periodsLeftUnclosed().forEach(id -> open.add(PayPeriod.parse(id)));
        if (!released.isEmpty()) {
            payRuns.periodsOf(released).forEach(id -> open.add(PayPeriod.parse(id)));
        }
        for (PayFrequency frequency : PayFrequency.values()) {
            for (PayPeriod period : open) {
                if (period.frequency() == frequency && !due.contains(period)) {
                    due.add(period);
                }
            }
            long[] employmentIds = employments.paid(frequency).keySet().stream().mapToLong(Long::longValue).toArray();
            if (backPay.owedTo(employmentIds)) {
                paidPeriods().stream().filter(p -> p.frequency() == frequency).max(Comparator.naturalOrder())
                        .map(PayPeriod::next).filter(next -> next.end().isBefore(asOf) && !payRuns.existsByPeriodId(next.id())
                                && !due.contains(next))
                        .ifPresent(due::add);
            }
            LocalDate oldest = shifts.oldestUnpaid(employmentIds);
            if (oldest == null) {
                continue;
            }
            for (PayPeriod period = PayPeriod.containing(frequency, oldest); period.end().isBefore(asOf);
                    period = period.next()) {
                if (!payRuns.existsByPeriodId(period.id()) && !due.contains(period)) {
                    due.add(period);
                }
            }
        }
        due.sort(null);
        return due;
    }

    /** One pay run as the pay periods page lists it. */
    public record RunRecord(PayPeriod period, int runNumber, LocalDate payDate, boolean completed,
                            OffsetDateTime completedAt, int payslips, MonetaryAmount gross, MonetaryAmount employerCost,
                            int shiftsHeld) {
    }

    /** The newest pay runs first, at most {@code limit}, with their payslips' totals. */
    public List<RunRecord> recentRuns(int limit) {
        record Row(long id, RunRecord withoutHeld) {
        }
        List<Row> rows = jdbc.query("""
                select r.period_id, r.run_number, r.pay_date, r.status, r.completed_at,
                       count(p.id), coalesce(sum(p.gross_pay), 0), coalesce(sum(p.employer_cost), 0), r.id
                from pay_run r left join payslip p on p.pay_run_id = r.id
                group by r.id order by r.started_at desc, r.id desc limit ?
                """, (rs, i) -> new Row(rs.getLong(9), new RunRecord(PayPeriod.parse(rs.getString(1)), rs.getInt(2),
                rs.getObject(3, LocalDate.class), "COMPLETED".equals(rs.getString(4)),
                rs.getObject(5, OffsetDateTime.class), rs.getInt(6), Gbp.of(rs.getBigDecimal(7)),
                Gbp.of(rs.getBigDecimal(8)), 0)), limit);
        Map<Long, Integer> held = shifts.heldBy(rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> {
            RunRecord r = row.withoutHeld();
            return new RunRecord(r.period(), r.runNumber(), r.payDate(), r.completed(), r.completedAt(), r.payslips(),
                    r.gross(), r.employerCost(), held.getOrDefault(row.id(), 0));
        }).toList();
    }

    /**
     * The people with a payslip paid after a day, or in a run not yet finished: their pay records are still kept.
     */
    public PersonIds recordsKeptAfter(LocalDate day) {
        return PersonIds.named(jdbc, """
                select distinct p.mentor_id, p.service_user_id from payslip p join pay_run r on r.id = p.pay_run_id
                where p.pay_date > ? or r.status = 'RUNNING'""", day);
    }

    /** The periods whose every run was paid on or before a day. */
    public List<PayPeriod> periodsPaidUpTo(LocalDate day) {
        return jdbc.queryForList("select period_id from pay_run group by period_id having max(pay_date) <= ?"
                + " and bool_and(status = 'COMPLETED') order by 1", String.class, day).stream()
                .map(PayPeriod::parse).toList();
    }

    /** The periods with a completed run, the most recently paid first. */
    public List<PayPeriod> paidPeriods() {
        return payRuns.paidPeriods().stream().map(PayPeriod::parse).toList();
    }

    /** True when a run of the period completed but the period's close did not finish (its statements). */
    public boolean leftUnclosed(PayPeriod period) {
        return !payRuns.completedButNotClosed(period.id()).isEmpty();
    }

    /** Records that the period's close has finished after its completed runs. */
    @Transactional
    public void markClosed(PayPeriod period) {
        payRuns.completedButNotClosed(period.id()).forEach(PayRun::close);
    }

    /**
     * Releases shifts a run of the period held (all of them, or one employment's) so that a supplementary run pays
     * them at the floor.
     *
     * @return shifts released
     * @throws UserFacingException when there is no such employment
     */
    public int release(PayPeriod period, String employmentRef) {
        Long employment = null;
        if (employmentRef != null) {
            employment = employments.ids().get(employmentRef);
            if (employment == null) {
                throw new UserFacingException("There is no employment " + employmentRef + ": give an employment_ref"
                        + " from employments.csv.");
            }
        }
        return shifts.release(runsOf(period).stream().mapToLong(Long::longValue).toArray(), employment);
    }
}
