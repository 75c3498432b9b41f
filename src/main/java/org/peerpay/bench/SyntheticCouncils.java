package org.peerpay.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.peerpay.people.People;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.wagefloor.WageFloors;
import org.springframework.stereotype.Component;

/** Makes the benchmarks' synthetic councils, refusing a database that holds anything already. */
@Component
class SyntheticCouncils {

    private final ReferenceDataLoader referenceLoader;
    private final WageFloors wageFloors;
    private final People people;
    private final PeerPayProperties properties;
    private final Clock clock;

    SyntheticCouncils(ReferenceDataLoader referenceLoader, WageFloors wageFloors, People people,
                      PeerPayProperties properties, Clock clock) {
        this.referenceLoader = referenceLoader;
        this.wageFloors = wageFloors;
        this.people = people;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where a benchmark writes its files: {@code <out>/bench}. */
    Path directory() {
        return properties.outDir().resolve("bench");
    }

    /**
     * Writes and loads a synthetic council of this size, as of today, into a database that holds nothing else: a
     * benchmark's work cannot be undone (the ledger keeps everything), so it runs on a data directory of its own.
     */
    SyntheticCouncil load(int employments) {
        return load(employments, false);
    }

    /** As {@link #load(int)}, the council mixed ({@link SyntheticCouncil#mixed()}) or not. */
    SyntheticCouncil load(int employments, boolean mixed) {
        if (!people.serviceUserIds().isEmpty()) {
            throw new UserFacingException("This database is not empty: run each benchmark on a fresh data directory"
                    + " of its own, for example PEERPAY_DATA_DIR=/tmp/peerpay-bench-$(date +%s).");
        }
        SyntheticCouncil council = new SyntheticCouncil(employments, LocalDate.now(clock), mixed);
        council.load(directory().resolve("reference"), wageFloors, referenceLoader);
        return council;
    }
}
