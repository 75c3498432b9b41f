package org.peerpay.support;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.budgets.Budgets;
import org.peerpay.ledger.Ledger;
import org.peerpay.payroll.LedgerCheck;
import org.peerpay.payroll.PayRuns;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.timesheets.TimesheetImporter;
import org.springframework.beans.factory.annotation.Autowired;

/** Base of the tests that load a council, import its shifts and pay them. */
public abstract class CouncilTest extends DatabaseTest {

    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Autowired
    protected ReferenceDataLoader reference;

    @Autowired
    protected TimesheetImporter importer;

    @Autowired
    protected Ledger ledger;

    @Autowired
    protected Budgets budgets;

    @Autowired
    protected LedgerCheck ledgerCheck;

    @Autowired
    protected PayRuns payRuns;

    @TempDir
    protected Path dir;

    /** Loads {@link SmallCouncil}; with {@code funded}, its funding is posted to the ledger too. */
    protected void smallCouncil(boolean funded) {
        reference.load(SmallCouncil.writeReference(dir.resolve("reference")));
        if (funded) {
            budgets.postFunding(LocalDate.of(2099, 12, 31));
        }
    }

    /** Imports timesheet rows (without the header) as a file of this name, as of {@link #AS_OF}. */
    protected void importShifts(String fileName, String rows) {
        importer.importFile(SmallCouncil.write(dir.resolve(fileName), SmallCouncil.TIMESHEET_HEADER + rows), AS_OF,
                OUT);
    }

    /** M1 works 08:00 to 18:00 for SU1 (E1, £15.00) on 19 to 26 October 2026: 80 hours in 2026-27/4W08. */
    protected void importEightyHoursOfE1() {
        StringBuilder rows = new StringBuilder();
        for (int day = 19; day <= 26; day++) {
            rows.append("M1,SU1,2026-10-").append(day).append(",08:00,18:00,0,,\n");
        }
        importShifts("shifts.csv", rows.toString());
    }
}
