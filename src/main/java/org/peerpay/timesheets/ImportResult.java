package org.peerpay.timesheets;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What importing one timesheet file did.
 *
 * @param alreadyImported the same bytes were imported before (at {@code importedAt}): nothing was done now
 * @param rejected        rejected rows by reason, in reason order; DUPLICATE rows are among them
 * @param belowFloor      accepted shifts paid under the wage floor (each a BELOW_FLOOR exception)
 * @param rejectsFile     where the rejected rows were written, or null when there were none
 * @param warnings        things worth knowing that did not stop the import, such as ignored columns
 */
public record ImportResult(String fileName, long importId, boolean alreadyImported, OffsetDateTime importedAt,
                           int rowsRead, int accepted, Map<RejectReason, Integer> rejected, int belowFloor,
                           Path rejectsFile, List<String> warnings) {

    public int rejectedTotal() {
        return rejected.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int duplicates() {
        return rejected.getOrDefault(RejectReason.DUPLICATE, 0);
    }
}
