package org.peerpay.statutory;

import java.math.BigDecimal;

/**
 * A period's earnings for NI by band, in pounds, as HMRC's FPS reports them (and adds up for the year).
 *
 * @param atLel    the lower earnings limit when earnings reach it, else zero (always whole pounds)
 * @param lelToPt  earnings above the LEL up to the primary threshold
 * @param ptToUel  earnings above the PT up to the upper earnings limit
 */
public record NicBands(BigDecimal atLel, BigDecimal lelToPt, BigDecimal ptToUel) {

    public static final NicBands NONE = new NicBands(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public NicBands plus(NicBands other) {
        return new NicBands(atLel.add(other.atLel), lelToPt.add(other.lelToPt), ptToUel.add(other.ptToUel));
    }
}
