package org.peerpay.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.RejectReason;
import org.peerpay.wagefloor.WageFloorProperties;

/**
 * The table of import results that {@code import} and {@code nightly} print. Every row read is counted once:
 * rows = accepted + rejected + duplicate.
 */
final class ImportReport {

    private ImportReport() {
    }

    static void print(PrintWriter out, List<ImportResult> results, List<String> refused,
                      WageFloorProperties.Policy policy) {
        int width = Math.max(24, results.stream().mapToInt(r -> r.fileName().length()).max().orElse(0));
        String row = "  %-" + width + "s %8s %9s %9s %10s %12s%n";
        if (results.isEmpty()) {
            out.println("  no file imported");
        } else {
            out.printf(row, "file", "rows", "accepted", "rejected", "duplicate", "below floor");
        }
        Map<RejectReason, Integer> byReason = new EnumMap<>(RejectReason.class);
        int rows = 0;
        int accepted = 0;
        int rejected = 0;
        int duplicates = 0;
        int belowFloor = 0;
        for (ImportResult result : results) {
            if (result.alreadyImported()) {
                out.printf("  %-" + width + "s already imported on %s (import #%d): nothing to do%n",
                        result.fileName(), result.importedAt().toLocalDate(), result.importId());
                continue;
            }
            out.printf(row, result.fileName(), n(result.rowsRead()), n(result.accepted()),
                    n(result.rejectedTotal() - result.duplicates()), n(result.duplicates()), n(result.belowFloor()));
            result.rejected().forEach((reason, count) -> {
                if (reason != RejectReason.DUPLICATE) {
                    byReason.merge(reason, count, Integer::sum);
                }
            });
            rows += result.rowsRead();
            accepted += result.accepted();
            rejected += result.rejectedTotal() - result.duplicates();
            duplicates += result.duplicates();
            belowFloor += result.belowFloor();
        }
        if (results.stream().filter(r -> !r.alreadyImported()).count() > 1) {
            out.printf(row, "total", n(rows), n(accepted), n(rejected), n(duplicates), n(belowFloor));
        }
        if (!byReason.isEmpty()) {
            out.println("  rejected by reason: " + byReason.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        results.stream().filter(r -> !r.alreadyImported() && r.rejectsFile() != null).forEach(r ->
                out.println("  rejected rows of " + r.fileName() + ": " + r.rejectsFile()
                        + " (correct them there and import that file)"));
        if (belowFloor > 0) {
            out.println("  " + belowFloor + " accepted shift(s) are at a rate under the wage floor (BELOW_FLOOR raised"
                    + " for the coordinator): the pay run will " + (policy == WageFloorProperties.Policy.HOLD
                    ? "hold them unpaid until they are released" : "pay them at the floor (an uplift line)"));
        }
        results.stream().filter(r -> !r.alreadyImported())
                .forEach(r -> r.warnings().forEach(w -> out.println("  warning: " + w)));
        refused.forEach(message -> out.println("  REFUSED " + message));
    }

    private static String n(int value) {
        return "%,d".formatted(value);
    }
}
