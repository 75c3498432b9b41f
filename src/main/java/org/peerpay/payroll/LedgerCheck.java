package org.peerpay.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.money.MonetaryAmount;
import org.peerpay.budgets.Budgets;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.ledger.Ledger;
import org.peerpay.money.Gbp;
import org.peerpay.people.People;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the ledger against itself and against what it records: every entry balances; every budget's balance
 * is its funding received by the day less its charges; every payslip is charged once; each period's charges equal
 * its payslips' employer costs; each period's completed runs' payslips pay exactly the minutes of the shifts those
 * runs paid (so no shift is paid twice, and none is marked paid without pay). Read-only; reversed payslips count for neither side.
 */
@Component
public class LedgerCheck {

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final Budgets budgets;
    private final People people;
    private final Employments employments;
    private final PayableShifts shifts;

    /** Breaches the last check found (-1 before the first), for the {@code peerpay.ledger.breaches} gauge. */
    private final java.util.concurrent.atomic.AtomicInteger lastBreaches = new java.util.concurrent.atomic
            .AtomicInteger(-1);

    LedgerCheck(JdbcTemplate jdbc, Ledger ledger, Budgets budgets, People people, Employments employments,
                PayableShifts shifts, io.micrometer.core.instrument.MeterRegistry meters) {
        io.micrometer.core.instrument.Gauge.builder("peerpay.ledger.breaches", lastBreaches, Number::doubleValue)
                .description("breaches the last ledger check found; 0 when it reconciled, -1 before the first")
                .register(meters);
        this.shifts = shifts;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.budgets = budgets;
        this.people = people;
        this.employments = employments;
    }

    /** What was checked, and each breach found (none when the ledger reconciles). */
    public record Report(List<String> checked, List<String> breaches) {
        public boolean reconciles() {
            return breaches.isEmpty();
        }
    }

    /**
     * One snapshot for every query (repeatable read): a pay run going on elsewhere commits payslips and their charges
     * together, chunk by chunk, and a check that read the payslips before a commit and the charges after it would
     * report a breach that is not there.
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Report run(LocalDate asOf) {
        List<String> checked = new ArrayList<>();
        List<String> breaches = new ArrayList<>();

        Ledger.SelfCheck self = ledger.checkEntries();
        breaches.addAll(self.unbalanced());
        checked.add(String.format("%,d journal entries: each one's postings sum to zero", self.entries()));

        record Payslip(long id, String periodId, long serviceUserId, long employmentId, BigDecimal employerCost) {
        }
        List<Payslip> payslips = jdbc.query("select id, period_id, service_user_id, employment_id, employer_cost"
                + " from payslip order by id", (rs, i) -> new Payslip(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getBigDecimal(5)));
        Ledger.PayslipCharges charges = ledger.payslipCharges();
        Map<Long, MonetaryAmount> costsByServiceUser = new HashMap<>();
        Map<String, MonetaryAmount> costsByPeriod = new TreeMap<>();
        for (Payslip p : payslips) {
            if (!charges.reversed().contains(p.id())) {
                MonetaryAmount cost = Gbp.of(p.employerCost());
                costsByServiceUser.merge(p.serviceUserId(), cost, MonetaryAmount::add);
                costsByPeriod.merge(p.periodId(), cost, MonetaryAmount::add);
            }
        }

        Map<Long, MonetaryAmount> balances = ledger.budgetBalances();
        Map<Long, MonetaryAmount> funding = budgets.fundingReceived(asOf);
        Map<Long, People.ServiceUser> serviceUsers = people.serviceUsers();
        for (People.ServiceUser su : serviceUsers.values()) {
            MonetaryAmount balance = balances.getOrDefault(su.id(), Gbp.ZERO);
            MonetaryAmount received = funding.getOrDefault(su.id(), Gbp.ZERO);
            MonetaryAmount charged = costsByServiceUser.getOrDefault(su.id(), Gbp.ZERO);
            if (!balance.isEqualTo(received.subtract(charged))) {
                breaches.add("budget of " + su.ref() + " stands at " + Gbp.format(balance) + " but its funding "
                        + Gbp.format(received) + " less its charges " + Gbp.format(charged) + " is "
                        + Gbp.format(received.subtract(charged)));
            }
        }
        checked.add(String.format("%,d budgets: each balance equals funding received by %s less charges",
                serviceUsers.size(), asOf));

        Map<Long, Employment> employmentsById = employments.all();
        int listed = 0;
        for (Payslip p : payslips) {
            int times = charges.entries().getOrDefault(p.id(), 0);
            if (times != 1 && listed++ < 50) {
                breaches.add("payslip " + p.periodId() + " " + employmentsById.get(p.employmentId()).ref()
                        + " is charged " + times + " times, not once");
            }
        }
        checked.add(String.format("%,d payslips: each charged to its budget once", payslips.size()));

        Map<String, MonetaryAmount> charged = ledger.chargesByPeriod();
        TreeSet<String> periods = new TreeSet<>(charged.keySet());
        periods.addAll(costsByPeriod.keySet());
        for (String period : periods) {
            MonetaryAmount charge = charged.getOrDefault(period, Gbp.ZERO);
            MonetaryAmount cost = costsByPeriod.getOrDefault(period, Gbp.ZERO);
            if (!charge.isEqualTo(cost)) {
                breaches.add("period " + period + ": budgets were charged " + Gbp.format(charge) + " but its"
                        + " payslips' employer costs are " + Gbp.format(cost));
            }
        }
        checked.add(String.format("%,d pay periods: charges equal the payslips' employer costs%s", periods.size(),
                periods.isEmpty() ? "" : " (" + String.join(", ", periods) + ")"));

        Map<String, Long> payslipMinutes = new TreeMap<>();
        Map<String, Long> shiftMinutes = new TreeMap<>();
        Map<Long, String> periodOfRun = new HashMap<>();
        // runs still in progress (here or in another process) have claimed shifts they have not paid yet
        jdbc.query("select r.id, r.period_id, coalesce(sum(p.minutes), 0) from pay_run r"
                + " left join payslip p on p.pay_run_id = r.id where r.status = 'COMPLETED'"
                + " group by r.id, r.period_id", rs -> {
            periodOfRun.put(rs.getLong(1), rs.getString(2));
            payslipMinutes.merge(rs.getString(2), rs.getLong(3), Long::sum);
        });
        Set<Long> running = new HashSet<>(jdbc.queryForList("select id from pay_run where status = 'RUNNING'",
                Long.class));
        shifts.minutesPaidByRun().forEach((run, minutes) -> {
            if (!running.contains(run)) {
                shiftMinutes.merge(periodOfRun.getOrDefault(run, "run " + run + " (no such pay run)"), minutes,
                        Long::sum);
            }
        });
        TreeSet<String> paidPeriods = new TreeSet<>(payslipMinutes.keySet());
        paidPeriods.addAll(shiftMinutes.keySet());
        for (String period : paidPeriods) {
            long onPayslips = payslipMinutes.getOrDefault(period, 0L);
            long ofShifts = shiftMinutes.getOrDefault(period, 0L);
            if (onPayslips != ofShifts) {
                breaches.add(String.format("period %s: its payslips pay %,d minutes but the shifts its runs paid hold"
                        + " %,d: %s", period, onPayslips, ofShifts, onPayslips > ofShifts
                        ? "a shift is paid twice" : "a shift is marked paid without pay"));
            }
        }
        checked.add(String.format("%,d pay periods: the payslips pay the minutes of the shifts paid, each once",
                paidPeriods.size()));
        record BackPayCount(int claimed, int unpaid) {
        }
        BackPayCount backPay = jdbc.queryForObject("""
                select count(*), count(*) filter (where p.id is null or p.pay_run_id <> b.pay_run_id
                                                        or p.employment_id <> b.employment_id)
                from back_pay b join pay_run r on r.id = b.pay_run_id left join payslip p on p.id = b.payslip_id
                where r.status = 'COMPLETED'""", (rs, i) -> new BackPayCount(rs.getInt(1), rs.getInt(2)));
        if (backPay.unpaid() > 0) {
            breaches.add(String.format("%,d shifts' back pay claimed by a completed pay run is on no payslip of that"
                    + " run and employment: back pay owed was not paid", backPay.unpaid()));
        }
        checked.add(String.format("%,d shifts' back pay claimed by completed runs: each on its run's payslip of its"
                + " employment", backPay.claimed()));
        breaches.addAll(ledger.settlementBreaches());
        int settlements = ledger.settlementCounts().values().stream().mapToInt(Integer::intValue).sum();
        checked.add(String.format("%,d settlements (net pay, HMRC, pension paid out): each pays a payslip's liability,"
                + " once, and no more than it owed", settlements));
        lastBreaches.set(breaches.size());
        return new Report(checked, breaches);
    }
}
