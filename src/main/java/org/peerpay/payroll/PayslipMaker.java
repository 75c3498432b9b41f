package org.peerpay.payroll;

import org.peerpay.calendar.Dates;
import org.peerpay.calendar.PayPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.peerpay.exceptions.ExceptionType;
import org.peerpay.money.Gbp;
import org.peerpay.money.HourlyRate;
import org.peerpay.money.Minutes;
import org.peerpay.statutory.EmploymentAllowance;
import org.peerpay.statutory.MinimumWageCheck;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.statutory.PayslipCalculator;
import org.peerpay.statutory.PayslipFigures;
import org.peerpay.statutory.PayslipInput;
import org.peerpay.statutory.PensionBasis;
import org.peerpay.statutory.PensionMembership;
import org.peerpay.statutory.TaxCode;
import org.peerpay.statutory.StarterDeclaration;
import org.peerpay.statutory.TaxYear;
import org.peerpay.employment.Employment;
import org.peerpay.wagefloor.FloorSchedule;
import org.peerpay.wagefloor.WageFloorProperties;

/**
 * Works out one employment's payslip in a pay run: rate lines (minutes × the rate in force on each shift's date
 * ÷ 60, half-up to the penny, one line per rate), floor uplift or holding under the wage-floor policy, arrears for
 * shifts dated before the period and back pay owed for a rate raised behind paid shifts (both taxed and, when
 * holiday pay is rolled up, given holiday pay this period), then the statutory figures with the year to date, and the
 * exceptions.
 *
 * <p>It carries the run's running figures (year to date per employment, Employment Allowance used per employer,
 * pension membership), so the employments of one run must come to it in order, one at a time.
 */
final class PayslipMaker {

    private final PayPeriod period;
    private final LocalDate payDate;
    private final PayPeriod taxPeriod;
    private final TaxYear taxYear;
    private final PayslipCalculator calculator;
    private final EmploymentAllowance allowance;
    private final FloorSchedule floors;
    private final WageFloorProperties.Policy policy;
    private final String statutoryMinimum;
    private final PensionBasis pensionBasis;
    private final boolean supplementary;
    private final RunningFigures running;

    PayslipMaker(PayPeriod period, LocalDate payDate, TaxYear taxYear, FloorSchedule floors,
                 WageFloorProperties.Policy policy, String statutoryMinimum, PensionBasis pensionBasis,
                 boolean supplementary, RunningFigures running) {
        this.period = period;
        this.payDate = payDate;
        this.taxPeriod = PayPeriod.containing(period.frequency(), payDate);
        this.taxYear = taxYear;
        this.calculator = new PayslipCalculator(taxYear);
        this.allowance = new EmploymentAllowance(taxYear);
        this.floors = floors;
        this.policy = policy;
        this.statutoryMinimum = statutoryMinimum;
        this.pensionBasis = pensionBasis;
        this.supplementary = supplementary;
        this.running = running;
    }

    PayslipDraft make(EmploymentWork work) {
        EmploymentTerms terms = work.terms();
        List<PayslipDraft.Raised> raised = new ArrayList<>();
        List<WorkedShift> held = new ArrayList<>();
        // minutes by (kind, rate, floor) in the order lines are shown
        Map<LineKey, Integer> minutesByLine = new TreeMap<>();
        int paidMinutes = 0;
        int inPeriodMinutes = 0;
        LocalDate earliestLate = null;
        int lateShifts = 0;
        for (WorkedShift shift : work.shifts()) {
            HourlyRate rate = terms.rateOn(shift.workDate());
            if (rate == null) {
                throw new IllegalStateException("employment " + terms.ref() + " has no hourly rate in force on "
                        + shift.workDate());
            }
            Optional<FloorSchedule.AppliedFloor> floor = floors.floorAbove(rate, shift.workDate(), terms.mentorBorn());
            if (floor.isPresent() && policy == WageFloorProperties.Policy.HOLD && !supplementary) {
                held.add(shift);
                raised.add(new PayslipDraft.Raised(ExceptionType.BELOW_FLOOR, shift, "held unpaid: " + rate + " is under the "
                        + floor.get().name() + " of " + floor.get().rate() + " on " + Dates.forPeople(shift.workDate())
                        + "; release it to pay it at the floor in a supplementary run"));
                continue;
            }
            floor.ifPresent(f -> raised.add(new PayslipDraft.Raised(ExceptionType.BELOW_FLOOR, shift, "paid at the floor: " + rate
                    + " is under the " + f.name() + " of " + f.rate() + " on " + Dates.forPeople(shift.workDate())
                    + " (floor uplift " + new HourlyRate(f.rate().pounds().subtract(rate.pounds())) + ")")));
            boolean late = shift.workDate().isBefore(period.start());
            if (late) {
                lateShifts++;
                earliestLate = earliestLate == null || shift.workDate().isBefore(earliestLate) ? shift.workDate()
                        : earliestLate;
            } else {
                inPeriodMinutes += shift.minutes();
            }
            paidMinutes += shift.minutes();
            minutesByLine.merge(new LineKey(late ? 2 : 0, rate.pounds(), BigDecimal.ZERO), shift.minutes(),
                    Integer::sum);
            floor.ifPresent(f -> minutesByLine.merge(new LineKey(late ? 3 : 1, rate.pounds(), f.rate().pounds()),
                    shift.minutes(), Integer::sum));
        }

        List<PayslipDraft.Line> lines = new ArrayList<>();
        BigDecimal basic = zero();
        BigDecimal uplift = zero();
        BigDecimal arrears = zero();
        BigDecimal inPeriodPay = zero();
        for (Map.Entry<LineKey, Integer> entry : minutesByLine.entrySet()) {
            LineKey key = entry.getKey();
            int minutes = entry.getValue();
            switch (key.order()) {
                case 0 -> {
                    BigDecimal amount = pay(minutes, key.rate());
                    basic = basic.add(amount);
                    inPeriodPay = inPeriodPay.add(amount);
                    lines.add(new PayslipDraft.Line(PayslipDraft.LineKind.BASIC, "Basic pay at "
                            + new HourlyRate(key.rate()).inPounds(), minutes, key.rate(), amount));
                }
                case 1 -> {
                    BigDecimal difference = key.floor().subtract(key.rate());
                    BigDecimal amount = pay(minutes, difference);
                    uplift = uplift.add(amount);
                    inPeriodPay = inPeriodPay.add(amount);
                    lines.add(new PayslipDraft.Line(PayslipDraft.LineKind.FLOOR_UPLIFT, "Floor uplift to the "
                            + new HourlyRate(key.floor()).inPounds() + " floor", minutes, difference, amount));
                }
                case 2 -> {
                    BigDecimal amount = pay(minutes, key.rate());
                    arrears = arrears.add(amount);
                    lines.add(new PayslipDraft.Line(PayslipDraft.LineKind.ARREARS, "Arrears at "
                            + new HourlyRate(key.rate()).inPounds() + ", worked before " + Dates.forPeople(period.start()),
                            minutes, key.rate(), amount));
                }
                default -> {
                    BigDecimal difference = key.floor().subtract(key.rate());
                    BigDecimal amount = pay(minutes, difference);
                    arrears = arrears.add(amount);
                    lines.add(new PayslipDraft.Line(PayslipDraft.LineKind.ARREARS, "Arrears floor uplift to the "
                            + new HourlyRate(key.floor()).inPounds() + " floor", minutes, difference, amount));
                }
            }
        }
        for (BackPay.Owed owed : work.backPay()) {
            BigDecimal amount = Gbp.pounds(owed.amount());
            arrears = arrears.add(amount);
            lines.add(new PayslipDraft.Line(PayslipDraft.LineKind.ARREARS, owed.description(), owed.minutes(),
                    owed.owedRate().pounds().subtract(owed.paidRate().pounds()), amount));
        }
        if (lateShifts > 0) {
            raised.add(new PayslipDraft.Raised(ExceptionType.LATE_HOURS, null, lateShifts + " shift(s) worked before "
                    + Dates.forPeople(period.start()) + " (the earliest on " + Dates.forPeople(earliestLate) + ") paid as arrears"));
        }
        if (paidMinutes == 0 && work.backPay().isEmpty()) {
            return new PayslipDraft(work, 0, basic, uplift, arrears, null, zero(), zero(), null, false,
                    taxPeriod.taxYear(), taxPeriod.number(), payDate, List.of(), held, raised);
        }

        CodeInUse code = codeInUse(terms, raised);
        RunningFigures.YearToDate before = running.yearToDate(terms.id());
        RunningFigures.YearToDate counted = withP45(terms, code, before);
        BigDecimal payForTimeWorked = basic.add(uplift).add(arrears);
        PayslipFigures figures = calculator.calculate(new PayslipInput(period.frequency(), taxPeriod.number(), payDate,
                payForTimeWorked, paidMinutes, terms.holiday(), code.code(), code.week1(), terms.niCategory(),
                terms.mentorBorn(), terms.pensionOptedOut() ? PensionMembership.OPTED_OUT
                : running.membership(terms.id()), pensionBasis, counted.taxablePay(), counted.tax()));
        if (figures.holidayPay().signum() != 0) {
            lines.add(new PayslipDraft.Line(PayslipDraft.LineKind.HOLIDAY, "Holiday pay, 12.07% of "
                    + Gbp.format(payForTimeWorked), null, null, figures.holidayPay()));
        }
        EmploymentAllowance.Claim claim = allowance.claim(terms.employmentAllowance(),
                running.allowanceUsed(terms.serviceUserId()), figures.nic().employer());
        BigDecimal employerCost = figures.grossPay().add(figures.nic().employer()).subtract(claim.offset())
                .add(figures.pension().employerContribution());
        checkMinimumWage(terms, inPeriodPay, inPeriodMinutes, raised);
        running.record(terms, figures, claim);
        return new PayslipDraft(work, paidMinutes, basic, uplift, arrears, figures, claim.offset(), employerCost,
                code.described(), code.week1(), taxPeriod.taxYear(), taxPeriod.number(), payDate, lines, held, raised);
    }

    /** The tax code a payslip is worked out on, its basis, and how the payslip shows it ({@code 0T W1}). */
    private record CodeInUse(TaxCode code, boolean week1, String described) {
    }

    /**
     * After the leaver's P45 was issued (with their final pay), 0T on week 1/month 1, as HMRC directs for a payment
     * after leaving. Otherwise the recorded code (HMRC's, or the P45's) on its recorded basis; without a valid one,
     * the code the starter declaration gives; without a declaration either, 0T on week 1/month 1 as HMRC directs,
     * raising NO_TAX_CODE.
     */
    private CodeInUse codeInUse(EmploymentTerms terms, List<PayslipDraft.Raised> raised) {
        if (running.p45Issued(terms)) {
            return new CodeInUse(TaxCode.parse("0T"), true, "0T " + basisWord());
        }
        String invalid = null;
        if (terms.taxCode() != null) {
            try {
                return new CodeInUse(TaxCode.parse(terms.taxCode()), terms.week1Month1(),
                        describe(terms.taxCode(), terms.week1Month1()));
            } catch (IllegalArgumentException e) {
                invalid = terms.taxCode();
            }
        }
        StarterDeclaration declared = terms.starter();
        StarterDeclaration.Code fallback = declared == null ? StarterDeclaration.UNDECLARED : declared.code();
        String described = describe(fallback.code(), fallback.week1Month1());
        if (invalid != null) {
            raised.add(new PayslipDraft.Raised(ExceptionType.NO_TAX_CODE, null, "tax code '" + invalid + "' is not"
                    + " valid: paid on " + described + (declared == null ? " as HMRC directs" : ", as starter"
                    + " declaration " + declared + " gives") + "; correct the code in employments.csv"));
        } else if (declared == null) {
            raised.add(new PayslipDraft.Raised(ExceptionType.NO_TAX_CODE, null, "no tax code and no starter"
                    + " declaration: paid on " + described + " as HMRC directs; record the code from the P45 or HMRC,"
                    + " or the starter declaration, in employments.csv"));
        }
        return new CodeInUse(TaxCode.parse(fallback.code()), fallback.week1Month1(), described);
    }

    /**
     * The taxable pay and tax to date the cumulative code counts: this employment's, and in the tax year it started,
     * the P45's of the employment before (on week 1/month 1 nothing to date counts).
     */
    private RunningFigures.YearToDate withP45(EmploymentTerms terms, CodeInUse code, RunningFigures.YearToDate before) {
        Employment.P45 p45 = terms.p45();
        if (p45 == null || code.week1() || !PayPeriod.containing(period.frequency(), terms.start()).taxYear()
                .equals(taxPeriod.taxYear())) {
            return before;
        }
        return new RunningFigures.YearToDate(before.taxablePay().add(Gbp.pounds(p45.taxablePay())),
                before.tax().add(Gbp.pounds(p45.tax())));
    }

    /** A code as payslips show it: with {@code W1} or {@code M1} when operated so and not already marked. */
    private String describe(String taxCode, boolean week1) {
        String code = taxCode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return week1 && !code.endsWith("W1") && !code.endsWith("M1") && !code.endsWith("X") ? code + " " + basisWord()
                : code;
    }

    private String basisWord() {
        return period.frequency() == PayFrequency.MONTHLY ? "M1" : "W1";
    }

    /** The period's pay for time worked in it, against the minimum wage in force at its start for the age then. */
    private void checkMinimumWage(EmploymentTerms terms, BigDecimal pay, int minutes, List<PayslipDraft.Raised> raised) {
        if (minutes == 0) {
            return;
        }
        int age = Period.between(terms.mentorBorn(), period.start()).getYears();
        floors.rateOf(statutoryMinimum, period.start(), age).ifPresent(rate -> {
            MinimumWageCheck check = new MinimumWageCheck(pay, minutes, rate.pounds());
            if (!check.passes()) {
                raised.add(new PayslipDraft.Raised(ExceptionType.NMW_PERIOD, null, Gbp.format(pay) + " for " + hours(minutes)
                        + " is under the " + statutoryMinimum + " of " + rate + " for age " + age + ": short by "
                        + Gbp.format(check.shortfall())));
            }
        });
    }

    /** A rate line's pay: the one rate-times-minutes function, {@link HourlyRate#payFor}, rounded once. */
    private static BigDecimal pay(int minutes, BigDecimal ratePounds) {
        return Gbp.pounds(new HourlyRate(ratePounds).payFor(Minutes.of(minutes)));
    }

    /** Like {@code 12h 30m}. */
    static String hours(int minutes) {
        return "%dh %02dm".formatted(minutes / 60, minutes % 60);
    }


    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    /** Orders a payslip's lines: basic, uplift, arrears, arrears uplift; within each, by rate. */
    private record LineKey(int order, BigDecimal rate, BigDecimal floor) implements Comparable<LineKey> {
        @Override
        public int compareTo(LineKey other) {
            int byOrder = Integer.compare(order, other.order);
            int byRate = byOrder != 0 ? byOrder : rate.compareTo(other.rate);
            return byRate != 0 ? byRate : floor.compareTo(other.floor);
        }
    }
}
