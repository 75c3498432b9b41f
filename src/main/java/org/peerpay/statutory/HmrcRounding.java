package org.peerpay.statutory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** HMRC's rounding rules, each named for where HMRC requires it. */
public final class HmrcRounding {

    private HmrcRounding() {
    }

    /**
     * NIC exact percentage method: an amount is taken to three decimal places and a fraction of 0.5p or less is
     * rounded down, more than 0.5p up (so £0.0056 is £0.00 and £0.0064 is £0.01). Applied to each earnings band's
     * contribution separately.
     */
    public static BigDecimal nicPence(BigDecimal exact) {
        return exact.setScale(3, RoundingMode.DOWN).setScale(2, RoundingMode.HALF_DOWN);
    }
}
