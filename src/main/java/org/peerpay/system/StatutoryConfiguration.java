package org.peerpay.system;

import java.nio.file.Path;
import org.peerpay.statutory.TaxYears;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatutoryConfiguration {

    /** The tax-year data files: {@code peerpay.tax-years.dir}, by default {@code batch-config/tax-years}. */
    @Bean
    TaxYears taxYears(@Value("${peerpay.tax-years.dir:batch-config/tax-years}") Path directory) {
        return new TaxYears(directory);
    }
}
