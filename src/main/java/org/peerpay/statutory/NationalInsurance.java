package org.peerpay.statutory;

import java.math.BigDecimal;

/**
 * Class 1 National Insurance by HMRC's exact percentage method: each band of the period's earnings (PT to UEL,
 * above UEL; above the employer's threshold) times its rate, each rounded by {@link HmrcRounding#nicPence}.
 */
public final class NationalInsurance {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TaxYear year;

    public NationalInsurance(TaxYear year) {
        this.year = year;
    }

    /** @param niablePay the period's earnings for NI, in pounds */
    public NicResult calculate(PayFrequency frequency, char category, BigDecimal niablePay) {
        NiCategoryRates rates = year.niRates(category);
        BigDecimal pt = year.niThreshold("PT").per(frequency);
        BigDecimal uel = year.niThreshold("UEL").per(frequency);
        BigDecimal employerFrom = year.niThreshold(rates.employerFrom()).per(frequency);
        BigDecimal main = band(niablePay.min(uel), pt).multiply(rates.employeeMain()).divide(HUNDRED);
        BigDecimal aboveUel = band(niablePay, uel).multiply(rates.employeeAboveUel()).divide(HUNDRED);
        BigDecimal employer = band(niablePay, employerFrom).multiply(rates.employer()).divide(HUNDRED);
        return new NicResult(HmrcRounding.nicPence(main).add(HmrcRounding.nicPence(aboveUel)),
                HmrcRounding.nicPence(employer));
    }

    /**
     * How a period's earnings for NI fall in the bands HMRC's FPS reports: at the lower earnings limit (the whole
     * LEL when earnings reach it, else nothing), from the LEL to the primary threshold, and from the PT to the upper
     * earnings limit.
     */
    public NicBands bands(PayFrequency frequency, BigDecimal niablePay) {
        BigDecimal lel = year.niThreshold("LEL").per(frequency);
        BigDecimal pt = year.niThreshold("PT").per(frequency);
        BigDecimal uel = year.niThreshold("UEL").per(frequency);
        if (niablePay.compareTo(lel) < 0) {
            return NicBands.NONE;
        }
        return new NicBands(lel, niablePay.min(pt).subtract(lel), band(niablePay.min(uel), pt));
    }

    /** Earnings above a threshold, or zero. */
    private static BigDecimal band(BigDecimal pay, BigDecimal threshold) {
        return pay.subtract(threshold).max(BigDecimal.ZERO);
    }
}
