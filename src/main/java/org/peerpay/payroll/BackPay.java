package org.peerpay.payroll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.Dates;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.money.HourlyRate;
import org.peerpay.money.Minutes;
import org.peerpay.people.People;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.system.DatabaseLocks;
import org.peerpay.timesheets.PayableShifts;
import org.peerpay.wagefloor.FloorSchedule;
import org.peerpay.wagefloor.WageFloors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Back pay, owner of {@code back_pay}: an hourly rate raised from a date whose shifts were already paid owes each
 * of those shifts the difference. The paid payslips are not touched; the difference is recorded with the rate change
 * and paid as arrears by the next pay run of the employment's frequency. A rate lowered behind paid shifts is
 * refused: recovering pay already paid needs the mentor's agreement, outside PeerPay.
 *
 * <p>What a shift was paid is the greater of its rate and the floor the paying run applied on its date (uplifted or,
 * under the hold policy, paid at the floor on release); what it is owed, the greater of the new rate and today's
 * floor on that date. Reference data changes rates only {@link #betweenPayRuns between pay runs}, so no run pays a
 * shift at a rate older than the one its back pay is worked out from.
 */
@Service
public class BackPay {

    private final JdbcTemplate jdbc;
    private final PayableShifts shifts;
    private final Employments employments;
    private final People people;
    private final PayRunRepository payRuns;
    private final WageFloors wageFloors;
    private final DatabaseLocks locks;

    BackPay(JdbcTemplate jdbc, PayableShifts shifts, Employments employments, People people,
            PayRunRepository payRuns, WageFloors wageFloors, DatabaseLocks locks) {
        this.jdbc = jdbc;
        this.shifts = shifts;
        this.employments = employments;
        this.people = people;
        this.payRuns = payRuns;
        this.wageFloors = wageFloors;
        this.locks = locks;
    }

    /**
     * Back pay owed to one employment at one pair of rates: the minutes its shifts from a date were paid at the lower.
     * Its amount is minutes × (owed − paid) ÷ 60, rounded once, as every rate line is.
     */
    public record Owed(long employmentId, LocalDate rateFrom, HourlyRate paidRate, HourlyRate owedRate, int minutes) {

        public MonetaryAmount amount() {
            return new HourlyRate(owedRate.pounds().subtract(paidRate.pounds())).payFor(Minutes.of(minutes));
        }

        /** Like {@code Back pay: £15.00/h from 19 Oct 2026 on 12h 30m paid at £14.50/h}. */
        public String description() {
            return "Back pay: " + owedRate + " from " + Dates.forPeople(rateFrom) + " on " + PayslipMaker.hours(minutes)
                    + " paid at " + paidRate;
        }
    }

    /**
     * Runs work that reads and changes rates while no pay run of any frequency is going on (here or in another
     * process), waiting for one that is: a run works out its payslips from the rates as they were when it began.
     */
    public <T> T betweenPayRuns(Supplier<T> work) {
        return locks.holdingAll(Arrays.stream(PayFrequency.values()).map(PayRuns::frequencyLock).toList(),
                "a pay run is in progress; rates are saved when it ends", work);
    }

    /** What pay already paid allows rates to become, as it stands now; read once for a whole file of rates. */
    public RateChanges rateChanges() {
        Map<PayFrequency, String> unfinished = new EnumMap<>(PayFrequency.class);
        payRuns.periodsWithRunningRuns().forEach(period -> unfinished.put(PayPeriod.parse(period).frequency(), period));
        return new RateChanges(shifts.lastPaidDays(), unfinished);
    }

    /** The check of one rate against pay already paid. */
    public static final class RateChanges {

        private final Map<Long, LocalDate> lastPaid;
        private final Map<PayFrequency, String> unfinished;

        private RateChanges(Map<Long, LocalDate> lastPaid, Map<PayFrequency, String> unfinished) {
            this.lastPaid = lastPaid;
            this.unfinished = unfinished;
        }

        /**
         * Why an employment may not take a rate from a date, or null when it may: a rate behind shifts already paid
         * may rise (they are owed back pay) but not fall, and not while a pay run of its frequency is unfinished.
         */
        public String refusal(Employment employment, LocalDate from, HourlyRate rate) {
            LocalDate paidTo = lastPaid.get(employment.id());
            if (paidTo == null || from.isAfter(paidTo) || rate.equals(employment.rates().get(from))) {
                return null;
            }
            String run = unfinished.get(employment.frequency());
            if (run != null) {
                return employment.ref() + " has shifts up to " + paidTo + " in the " + employment.frequency().word()
                        + " pay run of " + run + ", which has not finished, so a rate from " + from + " cannot be set"
                        + " now. Restart that run (peerpay jobs, or the job runs page), then load this file again";
            }
            HourlyRate inForce = employment.rateOn(from);
            if (inForce != null && rate.isBelow(inForce)) {
                return employment.ref() + " has been paid for shifts up to " + paidTo + " at " + inForce
                        + ", so a lower rate of " + rate + " from " + from + " would take back pay already paid,"
                        + " which PeerPay does not do. Give a date after " + paidTo + "; an overpayment is recovered"
                        + " with the mentor's agreement, outside PeerPay";
            }
            return null;
        }
    }

    /**
     * Records what rates saved in the caller's transaction owe on shifts already paid (the saves flushed first):
     * each paid shift dated from a changed rate's date is owed the difference where it is now due more than it was
     * paid. Loading the same rates again owes nothing more.
     *
     * @param before every employment as it was before the rates were saved
     * @return what is now owed, by employment and pair of rates
     * @throws IllegalStateException when a rate fell behind a paid shift ({@link RateChanges#refusal} refuses that)
     */
    public List<Owed> recordRateChanges(Map<Long, Employment> before) {
        Map<Long, Employment> after = employments.all();
        Map<Long, LocalDate> changedFrom = new HashMap<>();
        after.forEach((id, now) -> {
            Employment was = before.get(id);
            LocalDate from = was == null ? null : firstDifference(was, now);
            if (from != null) {
                changedFrom.put(id, from);
            }
        });
        if (changedFrom.isEmpty()) {
            return List.of();
        }
        LocalDate earliest = changedFrom.values().stream().min(LocalDate::compareTo).orElseThrow();
        Map<Long, People.Mentor> mentors = people.mentors();
        Map<Long, FloorSchedule> paidFloors = new HashMap<>();
        FloorSchedule todaysFloors = wageFloors.current();
        Map<String, Owed> owed = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (PayableShifts.PaidShift shift : shifts.paidFrom(changedFrom.keySet(), earliest)) {
            LocalDate date = shift.workDate();
            if (date.isBefore(changedFrom.get(shift.employmentId()))) {
                continue;
            }
            Employment was = before.get(shift.employmentId());
            Employment now = after.get(shift.employmentId());
            HourlyRate oldRate = was.rateOn(date);
            HourlyRate newRate = now.rateOn(date);
            if (newRate.isBelow(oldRate)) {
                throw new IllegalStateException(now.ref() + ": the rate on " + date + " fell from " + oldRate + " to "
                        + newRate + " behind a paid shift");
            }
            LocalDate born = mentors.get(now.mentorId()).dateOfBirth();
            HourlyRate paid = atLeastTheFloor(oldRate, date, born, paidFloors.computeIfAbsent(shift.payRunId(),
                    run -> payRuns.findById(run).orElseThrow().rules().floorSchedule()));
            HourlyRate due = atLeastTheFloor(newRate, date, born, todaysFloors);
            if (!paid.isBelow(due)) {
                continue;
            }
            LocalDate rateFrom = now.rates().floorKey(date);
            rows.add(new Object[] {shift.employmentId(), shift.importId(), shift.sourceRow(), date, shift.minutes(),
                    rateFrom, paid.pounds(), due.pounds()});
            owed.merge(shift.employmentId() + " " + rateFrom + " " + paid + " " + due,
                    new Owed(shift.employmentId(), rateFrom, paid, due, shift.minutes()),
                    (a, b) -> new Owed(a.employmentId(), a.rateFrom(), a.paidRate(), a.owedRate(),
                            a.minutes() + b.minutes()));
        }
        jdbc.batchUpdate("insert into back_pay (employment_id, import_id, source_row, work_date, minutes, rate_from,"
                + " paid_rate, owed_rate) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return List.copyOf(owed.values());
    }

    /** The first date on which the two give a different rate, or null when they never do. */
    private static LocalDate firstDifference(Employment was, Employment now) {
        java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>(was.rates().keySet());
        dates.addAll(now.rates().keySet());
        return dates.stream().filter(d -> !Objects.equals(was.rateOn(d), now.rateOn(d))).findFirst().orElse(null);
    }

    private static HourlyRate atLeastTheFloor(HourlyRate rate, LocalDate date, LocalDate born, FloorSchedule floors) {
        return born == null ? rate : floors.floorAbove(rate, date, born).map(FloorSchedule.AppliedFloor::rate)
                .orElse(rate);
    }

    /** True when back pay is owed to any of these employments that no run has claimed yet. */
    boolean owedTo(long[] employmentIds) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from back_pay where pay_run_id is null"
                + " and employment_id = any(?))", Boolean.class, (Object) Arrays.stream(employmentIds).boxed()
                .toArray(Long[]::new)));
    }

    /** Claims, in the caller's transaction, the back pay owed to these employments for a run to pay. */
    int claim(long[] employmentIds, long payRunId) {
        return jdbc.update("update back_pay set pay_run_id = ? where pay_run_id is null and employment_id = any(?)",
                payRunId, Arrays.stream(employmentIds).boxed().toArray(Long[]::new));
    }

    /** The back pay a run claimed, by employment and pair of rates. */
    Map<Long, List<Owed>> claimedBy(long payRunId) {
        Map<Long, List<Owed>> claimed = new HashMap<>();
        jdbc.query("""
                select employment_id, rate_from, paid_rate, owed_rate, sum(minutes) from back_pay where pay_run_id = ?
                group by employment_id, rate_from, paid_rate, owed_rate
                order by employment_id, rate_from, paid_rate, owed_rate""", rs -> {
            Owed owed = new Owed(rs.getLong(1), rs.getObject(2, LocalDate.class), new HourlyRate(rs.getBigDecimal(3)),
                    new HourlyRate(rs.getBigDecimal(4)), rs.getInt(5));
            claimed.computeIfAbsent(owed.employmentId(), id -> new ArrayList<>()).add(owed);
        }, payRunId);
        return claimed;
    }

    /** Names, in the caller's transaction, the payslips that paid a run's back pay, by employment. */
    void paidOn(long payRunId, Map<Long, Long> payslipsByEmployment) {
        jdbc.batchUpdate("update back_pay set payslip_id = ? where pay_run_id = ? and employment_id = ?",
                payslipsByEmployment.entrySet().stream()
                        .map(e -> new Object[] {e.getValue(), payRunId, e.getKey()}).toList());
    }
}
