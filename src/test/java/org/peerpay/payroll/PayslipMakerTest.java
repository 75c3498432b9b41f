package org.peerpay.payroll;

import org.peerpay.exceptions.ExceptionType;
import org.peerpay.calendar.PayPeriod;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.peerpay.employment.Employment;
import org.peerpay.people.People;
import org.peerpay.money.HourlyRate;
import org.peerpay.statutory.HolidayMethod;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.statutory.PensionBasis;
import org.peerpay.statutory.TaxYears;
import org.peerpay.wagefloor.FloorSchedule;
import org.peerpay.wagefloor.WageFloor;
import org.peerpay.wagefloor.WageFloorProperties;

class PayslipMakerTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    static EmploymentTerms terms(String rate) {
        TreeMap<LocalDate, HourlyRate> rates = new TreeMap<>();
        rates.put(LocalDate.of(2026, 4, 6), HourlyRate.of(rate));
        return terms(rates);
    }

    static EmploymentTerms terms(TreeMap<LocalDate, HourlyRate> rates) {
        return new EmploymentTerms(new Employment(1, "E1", 1, 1, LocalDate.of(2026, 4, 6), null,
                PayFrequency.FOUR_WEEKLY, "1257L", false, 'A', HolidayMethod.ROLLED_UP, false, rates, null, null),
                new People.ServiceUser(1, "SU1", "Alex Morgan", "Leeds City Council", null, true, 8),
                new People.Mentor(1, "M1", "Jo Bloggs", LocalDate.of(1985, 3, 2), "1 High Street"));
    }

    static PayslipMaker maker(List<WageFloor> floors) {
        return new PayslipMaker(P08, LocalDate.of(2026, 11, 20), new TaxYears(Path.of("batch-config/tax-years"))
                .get("2026-27"), new FloorSchedule(floors), WageFloorProperties.Policy.UPLIFT, "National Minimum Wage",
                PensionBasis.RELIEF_AT_SOURCE, false, new RunningFigures());
    }

    @Test
    void flagsAPeriodPaidUnderTheMinimumWageInForceAtItsStart() {
        // a floors file corrected in the middle of the period: the rate in force when the period began was £20.00
        PayslipMaker maker = maker(List.of(
                new WageFloor("National Minimum Wage", LocalDate.of(2026, 10, 1), HourlyRate.of("20.00"), 21, null),
                new WageFloor("National Minimum Wage", LocalDate.of(2026, 10, 25), HourlyRate.of("12.71"), 21, null)));

        PayslipDraft draft = maker.make(new EmploymentWork(terms("15.00"),
                List.of(new WorkedShift(1, 2, LocalDate.of(2026, 10, 26), 600)), List.of()));

        assertThat(draft.floorUplift()).isZero();
        assertThat(draft.exceptions()).extracting(PayslipDraft.Raised::type).containsExactly(ExceptionType.NMW_PERIOD);
        assertThat(draft.exceptions().get(0).detail()).isEqualTo("£150.00 for 10h 00m is under the National Minimum"
                + " Wage of £20.00/h for age 41: short by £50.00");
    }

    @Test
    void paysEachRateOnItsOwnLineRoundedOnceAndUpliftsShiftsUnderTheFloor() {
        TreeMap<LocalDate, HourlyRate> rates = new TreeMap<>();
        rates.put(LocalDate.of(2026, 4, 6), HourlyRate.of("14.00"));
        rates.put(LocalDate.of(2026, 11, 1), HourlyRate.of("14.8325"));
        EmploymentTerms terms = terms(rates);
        PayslipMaker maker = maker(List.of(
                new WageFloor("Council living-wage floor", LocalDate.of(2025, 4, 1), HourlyRate.of("14.38"), null, null)));

        PayslipDraft draft = maker.make(new EmploymentWork(terms, List.of(
                new WorkedShift(1, 2, LocalDate.of(2026, 10, 20), 50),
                new WorkedShift(1, 3, LocalDate.of(2026, 10, 27), 50),
                new WorkedShift(1, 4, LocalDate.of(2026, 10, 29), 50),
                new WorkedShift(1, 5, LocalDate.of(2026, 11, 3), 65),
                new WorkedShift(1, 6, LocalDate.of(2026, 11, 10), 65)), List.of()));

        // 150 min at £14.00 = 35.00 (rounded once for the rate: per shift it would be 3 x 11.67 = 35.01);
        // 130 min at £14.8325 = 32.137 -> 32.14; uplift to the floor 150 min x £0.38 = 0.95;
        // holiday 12.07% of 68.09 = 8.218 -> 8.22
        assertThat(draft.lines()).extracting(PayslipDraft.Line::amount).containsExactly(new BigDecimal("35.00"),
                new BigDecimal("32.14"), new BigDecimal("0.95"), new BigDecimal("8.22"));
        assertThat(draft.basicPay()).isEqualByComparingTo("67.14");
        assertThat(draft.floorUplift()).isEqualByComparingTo("0.95");
        assertThat(draft.figures().grossPay()).isEqualByComparingTo("76.31");
        assertThat(draft.exceptions()).extracting(PayslipDraft.Raised::type)
                .containsExactly(ExceptionType.BELOW_FLOOR, ExceptionType.BELOW_FLOOR, ExceptionType.BELOW_FLOOR);
    }

    @Test
    void paysBackPayOwedWithoutShiftsAsArrearsWithHolidayPayOnIt() {
        PayslipMaker maker = maker(List.of());
        List<BackPay.Owed> owed = List.of(
                new BackPay.Owed(1, LocalDate.of(2026, 10, 1), HourlyRate.of("15.00"), HourlyRate.of("15.50"), 750),
                new BackPay.Owed(1, LocalDate.of(2026, 10, 12), HourlyRate.of("15.50"), HourlyRate.of("15.8825"), 125));

        PayslipDraft draft = maker.make(new EmploymentWork(terms("15.00"), List.of(), owed));

        // 750 min x £0.50 = 6.25; 125 min x £0.3825 = 0.796875 -> 0.80 (half-up, once per line);
        // holiday 12.07% of 7.05 = 0.850935 -> 0.85
        assertThat(draft.paid()).isTrue();
        assertThat(draft.minutes()).isZero();
        assertThat(draft.lines()).extracting(PayslipDraft.Line::kind, PayslipDraft.Line::description,
                        PayslipDraft.Line::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PayslipDraft.LineKind.ARREARS, "Back pay: £15.50/h from"
                                + " 1 October 2026 on 12h 30m paid at £15.00/h", new BigDecimal("6.25")),
                        org.assertj.core.groups.Tuple.tuple(PayslipDraft.LineKind.ARREARS, "Back pay: £15.8825/h from"
                                + " 12 October 2026 on 2h 05m paid at £15.50/h", new BigDecimal("0.80")),
                        org.assertj.core.groups.Tuple.tuple(PayslipDraft.LineKind.HOLIDAY, "Holiday pay, 12.07% of"
                                + " £7.05", new BigDecimal("0.85")));
        assertThat(draft.arrears()).isEqualByComparingTo("7.05");
        assertThat(draft.figures().grossPay()).isEqualByComparingTo("7.90");
        assertThat(draft.exceptions()).isEmpty();
    }
}
