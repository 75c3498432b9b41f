package org.peerpay.operations;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.peerpay.documents.Pdf;
import org.peerpay.payroll.PayRuns;

/** How a pay run is told to the person who ran it. */
final class PayRunReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private PayRunReport() {
    }

    static void print(PrintWriter out, PayRuns.Summary s) {
        if (!s.ran()) {
            out.println("  " + s.note());
            return;
        }
        out.printf("  %s%s, paid %s: %d payslip(s), gross %s, net %s, employer cost %s, %d budget(s) charged%n",
                s.period().id(), s.runNumber() > 1 ? " (supplementary run " + s.runNumber() + ")" : "",
                DAY.format(s.payDate()), s.payslips(), Pdf.money(s.gross()), Pdf.money(s.net()),
                Pdf.money(s.employerCost()), s.budgetsCharged());
        if (s.shiftsHeld() > 0) {
            out.printf("    %d shift(s) held under the floor: release them with payroll release --period %s%n",
                    s.shiftsHeld(), s.period().id());
        }
        out.println("    exceptions: " + (s.exceptions().isEmpty() ? "none" : s.exceptions().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        out.println("    payslips:   " + s.payslipsFile() + " (and a PDF per payslip beside it)");
        out.println("    exceptions: " + s.exceptionsFile());
    }
}
