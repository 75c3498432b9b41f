package org.peerpay.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.peerpay.operations.Nightly;
import org.peerpay.operations.NightlyRun;
import org.peerpay.reference.FileLoad;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.wagefloor.WageFloorProperties;
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
        Nightly nightly = bean(Nightly.class);
        PrintWriter print = out();
        Nightly.Places configured = nightly.places(asOf != null ? asOf : LocalDate.now(bean(Clock.class)),
                out != null ? out : bean(PeerPayProperties.class).outDir());
        Nightly.Places places = new Nightly.Places(configured.asOf(), inbox != null ? inbox : configured.inbox(),
                reference != null ? reference : configured.reference(), configured.out());
        print.println("PeerPay nightly run as of " + places.asOf());
        print.println();
        print.flush();
        Nightly.Report report = nightly.runIfFree(NightlyRun.Trigger.COMMAND, null, places).orElseThrow(() ->
                new UserFacingException("Another nightly run is going on now (here or in another PeerPay on the"
                        + " same database): nothing was done. Run it again when that one has ended."));

        WageFloorProperties floors = bean(WageFloorProperties.class);
        print.println("Wage floors: " + report.floorRows() + " rows from " + floors.file() + " (policy: "
                + floors.policy().name().toLowerCase() + ")");
        print.println();
        print.println("Reference data from " + places.reference());
        for (FileLoad load : report.referenceLoads()) {
            print.println("  " + load);
        }
        if (report.referenceRefused() != null) {
            print.println("  REFUSED " + report.referenceRefused());
        }
        print.println();
        print.println("Timesheets from " + places.inbox());
        ImportReport.print(print, report.imports(), report.refusedFiles(), floors.policy());
        print.println();

        boolean reconciles = PayRunReport.print(print, report.close());
        int refused = report.refusedFiles().size() + (report.referenceRefused() == null ? 0 : 1);
        print.println();
        print.println(refused == 0 ? "Done." : "Done, but " + refused + " file(s) were refused: see REFUSED above.");
        if (!reconciles) {
            return 1;
        }
        return refused == 0 ? 0 : 2;
    }
}
