package org.peerpay.wagefloor;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param file   the floors CSV ({@code name,effective_from,hourly_rate,min_age,max_age}); env PEERPAY_WAGE_FLOORS
 * @param policy what the pay run does with hours under the floor: pay them at the floor, or hold them
 */
@ConfigurationProperties("peerpay.wage-floor")
public record WageFloorProperties(
        @DefaultValue("batch-config/wage-floors.csv") Path file,
        @DefaultValue("uplift") Policy policy) {

    public enum Policy { UPLIFT, HOLD }
}
