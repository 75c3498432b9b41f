package org.peerpay.statutory;

import java.math.BigDecimal;

/**
 * The Class 1 rates of one NI category letter, in percent.
 *
 * @param employeeMain      employee rate on earnings above the PT up to the UEL
 * @param employeeAboveUel  employee rate on earnings above the UEL
 * @param employer          employer rate on earnings above {@code employerFrom}
 * @param employerFrom      the threshold employer contributions start above: ST, or an upper secondary threshold
 *                          (UST, AUST, VUST, FUST, IZUST) for categories with employer relief below it
 */
public record NiCategoryRates(BigDecimal employeeMain, BigDecimal employeeAboveUel, BigDecimal employer,
                              String employerFrom) {
}
