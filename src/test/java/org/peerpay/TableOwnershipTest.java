package org.peerpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one module, and only that module's SQL names it: another module reads and writes it
 * through the owner's Java API. SQL is found where a table follows {@code from}, {@code join}, {@code into},
 * {@code update}, {@code table}, {@code copy} or {@code truncate} in a module's main sources, and the owner's
 * migrations live in {@code db/migration/<module>}.
 */
class TableOwnershipTest {

    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("service_user", "people"), Map.entry("mentor", "people"),
            Map.entry("employment", "employment"), Map.entry("employment_rate", "employment"),
            Map.entry("budget_period", "budgets"), Map.entry("funding", "budgets"),
            Map.entry("timesheet_import", "timesheets"), Map.entry("timesheet_line", "timesheets"),
            Map.entry("imported_timesheet_line", "timesheets"), Map.entry("timesheet_reject", "timesheets"),
            Map.entry("payroll_exception", "exceptions"),
            Map.entry("pay_run", "payroll"), Map.entry("payslip", "payroll"), Map.entry("payslip_line", "payroll"),
            Map.entry("back_pay", "payroll"),
            Map.entry("journal_entry", "ledger"), Map.entry("posting", "ledger"),
            Map.entry("user_account", "users"), Map.entry("user_caseload", "users"),
            Map.entry("audit_event", "audit"), Map.entry("nightly_run", "operations"),
            Map.entry("batch_job_instance", "system"), Map.entry("batch_job_execution", "system"),
            Map.entry("batch_step_execution", "system"), Map.entry("batch_job_execution_params", "system"),
            Map.entry("batch_job_execution_context", "system"), Map.entry("batch_step_execution_context", "system"),
            Map.entry("int_channel_message", "system"));

    static final Pattern NAMED = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table|copy|truncate)\\s+(?:only\\s+)?([a-z_]+)\\b");

    @Test
    void noModuleNamesATableAnotherModuleOwns() throws IOException {
        Set<String> crossings = new TreeSet<>();
        Path main = Path.of("src/main/java/org/peerpay");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = main.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String module = relative.getName(0).toString();
                Matcher named = NAMED.matcher(Files.readString(file));
                while (named.find()) {
                    String owner = OWNER.get(named.group(1).toLowerCase());
                    if (owner != null && !owner.equals(module)) {
                        crossings.add(module + " -> " + named.group(1).toLowerCase() + " (" + owner + ")  "
                                + relative.getFileName());
                    }
                }
            }
        }
        assertThat(crossings).as("SQL naming another module's table").isEmpty();
    }

    @Test
    void eachModulesMigrationsChangeOnlyItsOwnTables() throws IOException {
        Set<String> crossings = new TreeSet<>();
        Path migrations = Path.of("src/main/resources/db/migration");
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Path relative = migrations.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // V1-V4 were released before the modules had folders; released migrations stay as they are
                }
                String module = relative.getName(0).toString();
                Matcher named = NAMED.matcher(Files.readString(file));
                while (named.find()) {
                    String owner = OWNER.get(named.group(1).toLowerCase());
                    if (owner != null && !owner.equals(module)) {
                        crossings.add(relative + " -> " + named.group(1).toLowerCase() + " (" + owner + ")");
                    }
                }
            }
        }
        assertThat(crossings).as("a module's migration changing another module's table").isEmpty();
    }
}
