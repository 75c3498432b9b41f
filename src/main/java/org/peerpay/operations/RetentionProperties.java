package org.peerpay.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long PeerPay keeps records that identify people ({@code peerpay retention}).
 *
 * @param payeYears years after the end of the tax year they belong to that PAYE records are kept (HMRC: 3)
 * @param nmwYears  years that records of hours worked and pay are kept for the National Minimum Wage (HMRC: 6)
 */
@ConfigurationProperties("peerpay.retention")
public record RetentionProperties(@DefaultValue("3") int payeYears, @DefaultValue("6") int nmwYears) {

    public RetentionProperties {
        if (payeYears < 3 || nmwYears < 6) {
            throw new IllegalArgumentException("peerpay.retention may not keep records for less than the law asks:"
                    + " PAYE records 3 years after their tax year, National Minimum Wage records 6 years (given "
                    + payeYears + " and " + nmwYears + ")");
        }
    }
}
