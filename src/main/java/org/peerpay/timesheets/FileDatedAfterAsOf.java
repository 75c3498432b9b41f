package org.peerpay.timesheets;

import java.time.LocalDate;
import org.peerpay.system.UserFacingException;

/**
 * Most of a file's rows are dated after the run's as-of date: the date given is more likely wrong than the file,
 * so the file is refused whole rather than imported as a file of rejects.
 */
class FileDatedAfterAsOf extends UserFacingException {

    FileDatedAfterAsOf(long futureRows, long rows, LocalDate asOf) {
        super(futureRows + " of its " + rows + " rows are dated after the as-of date " + asOf + ", so that date is"
                + " probably wrong (check --as-of, or the machine's clock). Nothing from the file was imported or"
                + " recorded: import it again with the right date.");
    }

    /** True when more than half of the rows are after the as-of date. */
    static boolean applies(long futureRows, long rows) {
        return futureRows * 2 > rows;
    }
}
