package org.peerpay.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.reference.FileLoad;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.TimesheetImporter;
import org.peerpay.wagefloor.WageFloorProperties;
import org.peerpay.wagefloor.WageFloors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "The main job: load reference data, import every CSV in the inbox, pay every pay period"
                + " that has ended and is not yet paid, write payslips, statements and exceptions, print a summary."
                + " Exits 2 when a file was refused whole (the others are still imported and paid), 1 when the"
                + " ledger does not reconcile.")
class NightlyCommand extends CliCommand {

    @Option(names = "--as-of", paramLabel = "DATE", description = "the run's date (default: today)")
    LocalDate asOf;

    @Option(names = "--inbox", paramLabel = "DIR", description = "timesheet CSVs to import (default:"
            + " peerpay.nightly.inbox)")
    Path inbox;

    @Option(names = "--reference", paramLabel = "DIR", description = "reference data directory (default:"
            + " peerpay.nightly.reference)")
    Path reference;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: peerpay.out-dir)")
    Path out;

    @Override
    public Integer call() {
        NightlyProperties nightly = bean(NightlyProperties.class);
        PrintWriter print = out();
        LocalDate date = asOf != null ? asOf : LocalDate.now(bean(Clock.class));
        Path inboxDir = inbox != null ? inbox : nightly.inbox();
        Path referenceDir = reference != null ? reference : nightly.reference();
        Path outDir = out != null ? out : bean(PeerPayProperties.class).outDir();
        print.println("PeerPay nightly run as of " + date);
        print.println();

        WageFloorProperties floors = bean(WageFloorProperties.class);
        int floorRows = bean(WageFloors.class).reload();
        print.println("Wage floors: " + floorRows + " rows from " + floors.file() + " (policy: "
                + floors.policy().name().toLowerCase() + ")");
        print.println();

        List<String> refused = new ArrayList<>();
        print.println("Reference data from " + referenceDir);
        try {
            for (FileLoad load : bean(ReferenceDataLoader.class).load(referenceDir)) {
                print.println("  " + load);
            }
        } catch (CsvFileRefusedException e) {
            print.println("  REFUSED " + e.getMessage());
            refused.add(e.getMessage());
        }
        print.println();

        print.println("Timesheets from " + inboxDir);
        TimesheetImporter importer = bean(TimesheetImporter.class);
        List<ImportResult> results = new ArrayList<>();
        List<String> refusedFiles = new ArrayList<>();
        for (Path file : csvFiles(inboxDir)) {
            try {
                results.add(importer.importFile(file, date, outDir));
            } catch (CsvFileRefusedException e) {
                refusedFiles.add(e.getMessage());
            }
        }
        ImportReport.print(print, results, refusedFiles, floors.policy());
        refused.addAll(refusedFiles);
        print.println();

        boolean reconciles = PayRunReport.print(print, bean(PeriodClose.class).closeEndedPeriods(date, outDir));
        print.println();
        print.println(refused.isEmpty() ? "Done." : "Done, but " + refused.size()
                + " file(s) were refused: see REFUSED above.");
        if (!reconciles) {
            return 1;
        }
        return refused.isEmpty() ? 0 : 2;
    }

    private static List<Path> csvFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UserFacingException("The inbox " + directory + " does not exist or is not a directory. Give"
                    + " --inbox DIR or set peerpay.nightly.inbox in batch-config/application.yaml.");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".csv"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + directory + ": " + e.getMessage(), e);
        }
    }
}
