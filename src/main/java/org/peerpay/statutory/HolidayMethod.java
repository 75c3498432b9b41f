package org.peerpay.statutory;

import java.util.Arrays;
import java.util.Locale;

/** How an employment's holiday is paid: the {@code holiday_pay} column of employments. */
public enum HolidayMethod {
    /** 12.07% of pay for time worked, paid each period as its own payslip line (the default). */
    ROLLED_UP,
    /** 12.07% of hours worked added to a holiday balance, paid when holiday is taken. */
    ACCRUED,
    /** No holiday pay from this payroll (for example, holiday paid elsewhere). */
    NONE;

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static HolidayMethod of(String word) {
        return Arrays.stream(values()).filter(m -> m.word().equalsIgnoreCase(word.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + word + "' is not a holiday pay method: use"
                        + " rolled-up, accrued or none"));
    }
}
