package org.peerpay.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.TimesheetImporter;
import org.peerpay.wagefloor.WageFloorProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import timesheet CSV files. Good rows are accepted, bad rows are kept in a rejects file;"
                + " a file that cannot be read at all is refused whole (exit 2) and the others still import.")
class ImportCommand extends CliCommand {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "timesheet CSV files")
    List<Path> files;

    @Option(names = "--as-of", paramLabel = "DATE", description = "shifts after this date are rejected as"
            + " FUTURE_DATE (default: today)")
    LocalDate asOf;

    @Override
    public Integer call() {
        TimesheetImporter importer = bean(TimesheetImporter.class);
        List<ImportResult> results = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        LocalDate date = asOf != null ? asOf : LocalDate.now(bean(Clock.class));
        for (Path file : files) {
            try {
                results.add(importer.importFile(file, date));
            } catch (CsvFileRefusedException e) {
                refused.add(e.getMessage());
            }
        }
        ImportReport.print(out(), results, refused, bean(WageFloorProperties.class).policy());
        return refused.isEmpty() ? 0 : 2;
    }
}
