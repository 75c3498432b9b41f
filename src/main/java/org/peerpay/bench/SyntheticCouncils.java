package org.peerpay.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.wagefloor.WageFloors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Makes the benchmarks' synthetic councils, refusing a database that holds real service users. */
@Component
class SyntheticCouncils {

    private final ReferenceDataLoader referenceLoader;
    private final WageFloors wageFloors;
    private final JdbcTemplate jdbc;
    private final PeerPayProperties properties;
    private final Clock clock;

    SyntheticCouncils(ReferenceDataLoader referenceLoader, WageFloors wageFloors, JdbcTemplate jdbc,
                      PeerPayProperties properties, Clock clock) {
        this.referenceLoader = referenceLoader;
        this.wageFloors = wageFloors;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where a benchmark writes its files: {@code <out>/bench}. */
    Path directory() {
        return properties.outDir().resolve("bench");
    }

    /** Writes and loads a synthetic council of this size, as of today. */
    SyntheticCouncil load(int employments) {
        Integer real = jdbc.queryForObject("select count(*) from service_user where ref not like 'SYN-%'",
                Integer.class);
        if (real != null && real > 0) {
            throw new UserFacingException("This database holds real service users: run benchmarks on their own"
                    + " data directory, for example PEERPAY_DATA_DIR=/tmp/peerpay-bench.");
        }
        SyntheticCouncil council = new SyntheticCouncil(employments, LocalDate.now(clock));
        council.load(directory().resolve("reference"), wageFloors, referenceLoader);
        return council;
    }
}
