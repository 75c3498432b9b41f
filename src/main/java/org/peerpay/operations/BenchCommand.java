package org.peerpay.operations;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.TimesheetImporter;
import org.peerpay.wagefloor.WageFloors;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = "Benchmarks on a synthetic council. Run them on their own data directory:"
        + " PEERPAY_DATA_DIR=/tmp/peerpay-bench.", subcommands = BenchCommand.Import.class)
class BenchCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Generate a synthetic council and a timesheet file of valid shifts, then time the import"
                    + " of that file end to end (file to validated lines in PostgreSQL, rejects written).")
    static class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rows", defaultValue = "1000000", description = "timesheet rows (default: ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--employments", defaultValue = "10000",
                description = "employments in the synthetic council (default: ${DEFAULT-VALUE})")
        int employments;

        private final ReferenceDataLoader referenceLoader;
        private final WageFloors wageFloors;
        private final TimesheetImporter importer;
        private final JdbcTemplate jdbc;
        private final PeerPayProperties properties;
        private final Clock clock;

        Import(ReferenceDataLoader referenceLoader, WageFloors wageFloors, TimesheetImporter importer,
               JdbcTemplate jdbc, PeerPayProperties properties, Clock clock) {
            this.referenceLoader = referenceLoader;
            this.wageFloors = wageFloors;
            this.importer = importer;
            this.jdbc = jdbc;
            this.properties = properties;
            this.clock = clock;
        }

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            Integer real = jdbc.queryForObject("select count(*) from service_user where ref not like 'SYN-%'",
                    Integer.class);
            if (real != null && real > 0) {
                throw new UserFacingException("This database holds real service users: run benchmarks on their own"
                        + " data directory, for example PEERPAY_DATA_DIR=/tmp/peerpay-bench.");
            }
            LocalDate asOf = LocalDate.now(clock);
            SyntheticCouncil council = new SyntheticCouncil(employments, asOf);
            Path dir = properties.outDir().resolve("bench");
            long t0 = System.nanoTime();
            council.writeReference(dir.resolve("reference"));
            wageFloors.reload();
            referenceLoader.load(dir.resolve("reference"));
            out.printf("synthetic council: %,d service users, %,d mentors, %,d employments (%.1f s)%n",
                    council.serviceUsers(), council.mentors(), employments, seconds(t0));
            // Earlier benchmark shifts would make every row a duplicate: start each run from none.
            jdbc.update("delete from payroll_exception where type = 'BELOW_FLOOR' and mentor_id in"
                    + " (select id from mentor where ref like 'SYN-%')");
            jdbc.update("delete from timesheet_line where mentor_id in (select id from mentor where ref like 'SYN-%')");
            Path file = dir.resolve("synthetic-timesheets.csv");
            long t1 = System.nanoTime();
            council.writeTimesheets(file, rows, UUID.randomUUID().toString().substring(0, 8));
            out.printf("timesheet file: %,d rows, %,d bytes (%.1f s)%n", rows, file.toFile().length(), seconds(t1));
            long t2 = System.nanoTime();
            ImportResult result = importer.importFile(file, asOf, dir);
            double took = seconds(t2);
            out.printf("import: %,d rows read, %,d accepted, %,d rejected, %,d below floor in %.2f s = %,d rows/s"
                            + " (max heap %,d MiB)%n", result.rowsRead(), result.accepted(), result.rejectedTotal(),
                    result.belowFloor(), took, Math.round(result.rowsRead() / took),
                    Runtime.getRuntime().maxMemory() >> 20);
            return 0;
        }

        private static double seconds(long since) {
            return (System.nanoTime() - since) / 1e9;
        }
    }
}
