package org.peerpay.payroll;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.money.HourlyRate;
import org.peerpay.statutory.PensionBasis;
import org.peerpay.wagefloor.WageFloor;
import org.peerpay.wagefloor.WageFloorProperties;

/**
 * One pay run of a pay period: run 1 pays the period, later runs (supplementary) pay what was released from hold
 * after it. It starts RUNNING with the rules it pays by and the import bound it pays up to, and is completed once;
 * a run left RUNNING by a process that stopped is resumed with the same rules and bound.
 */
@Entity
@Table(name = "pay_run")
class PayRun {

    enum Status { RUNNING, COMPLETED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pay_run_seq")
    @SequenceGenerator(name = "pay_run_seq", sequenceName = "pay_run_seq", allocationSize = 1)
    private Long id;

    @Column(name = "period_id", nullable = false, updatable = false)
    private String periodId;

    @Column(name = "run_number", nullable = false, updatable = false)
    private int runNumber;

    @Column(name = "pay_date", nullable = false, updatable = false)
    private LocalDate payDate;

    /** The run pays lines of completed imports up to this one: later imports wait for the next run. */
    @Column(name = "import_bound", nullable = false, updatable = false)
    private long importBound;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "started_at", insertable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    /** When the period's close finished after this run: its statements written. */
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "floor_policy")
    private WageFloorProperties.Policy floorPolicy;

    @Column(name = "statutory_minimum")
    private String statutoryMinimum;

    @Enumerated(EnumType.STRING)
    @Column(name = "pension_basis")
    private PensionBasis pensionBasis;

    @Column(name = "plan_tolerance_percent")
    private Integer planTolerancePercent;

    @Column(name = "tax_year")
    private String taxYear;

    @Column(name = "tax_year_data")
    private String taxYearData;

    @Column(name = "tax_year_sha256")
    private String taxYearSha256;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pay_run_floor", joinColumns = @JoinColumn(name = "pay_run_id"))
    private List<RecordedFloor> floors = new ArrayList<>();

    /** A wage floor as the run recorded it. */
    @Embeddable
    static class RecordedFloor {
        @Column(nullable = false)
        private String name;
        @Column(name = "effective_from", nullable = false)
        private LocalDate effectiveFrom;
        @Column(name = "hourly_rate", nullable = false)
        private BigDecimal hourlyRate;
        @Column(name = "min_age")
        private Integer minAge;
        @Column(name = "max_age")
        private Integer maxAge;

        protected RecordedFloor() {
        }

        RecordedFloor(WageFloor floor) {
            name = floor.name();
            effectiveFrom = floor.effectiveFrom();
            hourlyRate = floor.rate().pounds();
            minAge = floor.minAge();
            maxAge = floor.maxAge();
        }

        WageFloor floor() {
            return new WageFloor(name, effectiveFrom, new HourlyRate(hourlyRate), minAge, maxAge);
        }
    }

    protected PayRun() {
    }

    /** Starts run {@code runNumber} of a period, paying by these rules and up to this import. */
    static PayRun start(PayPeriod period, int runNumber, LocalDate payDate, long importBound, PayRunRules rules) {
        PayRun run = new PayRun();
        run.periodId = period.id();
        run.runNumber = runNumber;
        run.payDate = payDate;
        run.importBound = importBound;
        run.status = Status.RUNNING;
        run.record(rules);
        return run;
    }

    /**
     * Records the rules of the day with a run that has none (one started before runs recorded their rules).
     *
     * @return true when it had none
     */
    boolean recordRulesIfAbsent(PayRunRules rules) {
        if (floorPolicy != null) {
            return false;
        }
        record(rules);
        return true;
    }

    private void record(PayRunRules rules) {
        floorPolicy = rules.floorPolicy();
        statutoryMinimum = rules.statutoryMinimum();
        pensionBasis = rules.pensionBasis();
        planTolerancePercent = rules.planTolerancePercent();
        taxYear = rules.taxYear();
        taxYearData = rules.taxYearData();
        taxYearSha256 = rules.taxYearSha256();
        floors.clear();
        rules.floors().forEach(floor -> floors.add(new RecordedFloor(floor)));
    }

    /** The rules the run recorded when it started. */
    PayRunRules rules() {
        if (floorPolicy == null) {
            throw new IllegalStateException("pay run " + periodId + " run " + runNumber + " has no rules recorded");
        }
        return new PayRunRules(floorPolicy, floors.stream().map(RecordedFloor::floor).toList(), statutoryMinimum,
                pensionBasis, planTolerancePercent, taxYear, taxYearData, taxYearSha256);
    }

    /** Completes the run: its payslips are final, and a new run of the period is supplementary. */
    void complete() {
        if (status == Status.COMPLETED) {
            throw new IllegalStateException("pay run " + periodId + " run " + runNumber + " was completed already");
        }
        status = Status.COMPLETED;
        completedAt = OffsetDateTime.now();
    }

    /** Records that the period's close finished after this run (its statements are written). */
    void close() {
        if (status != Status.COMPLETED) {
            throw new IllegalStateException("pay run " + periodId + " run " + runNumber + " has not completed: it"
                    + " cannot be closed");
        }
        closedAt = OffsetDateTime.now();
    }

    boolean isRunning() {
        return status == Status.RUNNING;
    }

    Long id() {
        return id;
    }

    PayPeriod period() {
        return PayPeriod.parse(periodId);
    }

    int runNumber() {
        return runNumber;
    }

    LocalDate payDate() {
        return payDate;
    }

    long importBound() {
        return importBound;
    }

    OffsetDateTime completedAt() {
        return completedAt;
    }
}
