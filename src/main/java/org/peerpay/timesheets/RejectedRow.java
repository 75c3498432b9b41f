package org.peerpay.timesheets;

import java.util.List;

/**
 * A rejected row as sent, for people to read: its row number, why, and its eight cells (mentor_ref,
 * service_user_ref, date, start, end, break_minutes, activity, notes).
 */
public record RejectedRow(int sourceRow, RejectReason reason, String detail, List<String> cells) {
}
