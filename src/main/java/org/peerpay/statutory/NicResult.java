package org.peerpay.statutory;

import java.math.BigDecimal;

/** Class 1 contributions of one pay period, in pounds to the penny. */
public record NicResult(BigDecimal employee, BigDecimal employer) {
}
