package org.peerpay.operations;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.ledger.Ledger;
import org.peerpay.ledger.LedgerCheck;
import org.peerpay.payroll.PayPeriod;
import org.peerpay.payroll.PayRuns;
import org.peerpay.reference.FileLoad;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.TimesheetImporter;
import org.peerpay.wagefloor.WageFloorProperties;
import org.peerpay.wagefloor.WageFloors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "The main job: load reference data, import every CSV in the inbox, pay every pay period"
                + " that has ended and is not yet paid, write payslips, statements and exceptions, print a summary."
                + " Exits 2 when a file was refused whole (the others are still imported and paid).")
class NightlyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--as-of", paramLabel = "DATE", description = "the run's date (default: today)")
    LocalDate asOf;

    @Option(names = "--inbox", paramLabel = "DIR", description = "timesheet CSVs to import (default: ${DEFAULT-VALUE})")
    Path inbox;

    @Option(names = "--reference", paramLabel = "DIR", description = "reference data directory")
    Path reference;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory")
    Path out;

    private final NightlyProperties nightly;
    private final PeerPayProperties properties;
    private final WageFloorProperties floorProperties;
    private final WageFloors wageFloors;
    private final ReferenceDataLoader referenceLoader;
    private final TimesheetImporter importer;
    private final Ledger ledger;
    private final PayRuns payRuns;
    private final BudgetStatements statements;
    private final LedgerCheck ledgerCheck;
    private final Clock clock;

    NightlyCommand(NightlyProperties nightly, PeerPayProperties properties, WageFloorProperties floorProperties,
                   WageFloors wageFloors, ReferenceDataLoader referenceLoader, TimesheetImporter importer,
                   Ledger ledger, PayRuns payRuns, BudgetStatements statements, LedgerCheck ledgerCheck, Clock clock) {
        this.nightly = nightly;
        this.properties = properties;
        this.floorProperties = floorProperties;
        this.wageFloors = wageFloors;
        this.referenceLoader = referenceLoader;
        this.importer = importer;
        this.ledger = ledger;
        this.payRuns = payRuns;
        this.statements = statements;
        this.ledgerCheck = ledgerCheck;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter print = spec.commandLine().getOut();
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        Path inboxDir = inbox != null ? inbox : nightly.inbox();
        Path referenceDir = reference != null ? reference : nightly.reference();
        Path outDir = out != null ? out : properties.outDir();
        print.println("PeerPay nightly run as of " + date);
        print.println();

        int floors = wageFloors.reload();
        print.println("Wage floors: " + floors + " rows from " + floorProperties.file() + " (policy: "
                + floorProperties.policy().name().toLowerCase() + ")");
        print.println();

        List<String> refused = new ArrayList<>();
        print.println("Reference data from " + referenceDir);
        try {
            for (FileLoad load : referenceLoader.load(referenceDir)) {
                print.println("  " + load);
            }
        } catch (CsvFileRefusedException e) {
            print.println("  REFUSED " + e.getMessage());
            refused.add(e.getMessage());
        }
        print.println();

        print.println("Timesheets from " + inboxDir);
        List<ImportResult> results = new ArrayList<>();
        List<String> refusedFiles = new ArrayList<>();
        for (Path file : csvFiles(inboxDir)) {
            try {
                results.add(importer.importFile(file, date, outDir));
            } catch (CsvFileRefusedException e) {
                refusedFiles.add(e.getMessage());
            }
        }
        ImportReport.print(print, results, refusedFiles);
        refused.addAll(refusedFiles);
        print.println();

        int funding = ledger.postFunding();
        print.println("Pay runs (periods ended before " + date + ")" + (funding == 0 ? ""
                : "; " + funding + " funding entr" + (funding == 1 ? "y" : "ies") + " posted to the ledger"));
        List<PayPeriod> due = payRuns.periodsDue(date);
        if (due.isEmpty()) {
            print.println("  Nothing to pay: every period that has ended is paid.");
        }
        for (PayPeriod period : due) {
            PayRuns.Summary summary = payRuns.pay(period, outDir);
            PayRunReport.print(print, summary);
            if (summary.ran()) {
                int written = statements.write(period, outDir);
                print.println("    statements: " + written + " in " + BudgetStatements.directory(outDir, period));
            }
        }
        LedgerCheck.Report check = ledgerCheck.run();
        print.println(check.reconciles() ? "  Ledger reconciles (" + String.join("; ", check.checked()) + ")."
                : "  LEDGER BREACH: " + String.join("; ", check.breaches()) + " (run ledger check for the list)");
        print.println();
        print.println(refused.isEmpty() ? "Done." : "Done, but " + refused.size()
                + " file(s) were refused: see REFUSED above.");
        if (!check.reconciles()) {
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
