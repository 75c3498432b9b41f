package org.peerpay.statutory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Holiday for irregular-hours workers (Working Time Regulations 1998, reg. 15B, from 1 April 2024): 12.07% of the
 * pay for, or the hours of, time worked in each pay period. 12.07% is 5.6 weeks' leave over the 46.4 weeks worked
 * in a year (5.6 ÷ 46.4).
 */
public final class HolidayPay {

    public static final BigDecimal RATE_PERCENT = new BigDecimal("12.07");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private HolidayPay() {
    }

    /** Rolled-up holiday pay: 12.07% of the pay for time worked, its own payslip line, half-up to the penny. */
    public static BigDecimal rolledUp(BigDecimal payForTimeWorked) {
        return payForTimeWorked.multiply(RATE_PERCENT).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** Accrued holiday: 12.07% of the minutes worked, half-up to the whole minute, added to the holiday balance. */
    public static int accruedMinutes(int minutesWorked) {
        if (minutesWorked < 0) {
            throw new IllegalArgumentException("minutes worked cannot be negative: " + minutesWorked);
        }
        return BigDecimal.valueOf(minutesWorked).multiply(RATE_PERCENT).divide(HUNDRED, 0, RoundingMode.HALF_UP)
                .intValueExact();
    }
}
