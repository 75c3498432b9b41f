package org.peerpay.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The UK payroll clock: dates such as "today" and "as of" are London dates. */
    @Bean
    Clock clock() {
        return Clock.system(java.time.ZoneId.of("Europe/London"));
    }
}
