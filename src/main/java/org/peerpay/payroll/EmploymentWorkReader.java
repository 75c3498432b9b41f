package org.peerpay.payroll;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the work of a pay run one employment at a time: the employment's terms and the shifts the run claimed, in
 * the order of (service user, employment), from the timesheets module's cursor. The restart point (the last
 * service user and employment read: numbers, never personal data) goes into the step's execution context, so a
 * restarted step reads on after the last committed employment.
 */
class EmploymentWorkReader implements ItemStreamReader<EmploymentWork> {

    static final String LAST_SERVICE_USER = "payRun.lastServiceUser";
    static final String LAST_EMPLOYMENT = "payRun.lastEmployment";
    static final String EMPLOYMENTS_READ = "payRun.employmentsRead";
    /** How far through the frequency's employments (in the reading order) the reader is, in thousandths. */
    static final String PERMILLE = "payRun.permille";

    private final PayableShifts shifts;
    private final long payRunId;
    private final Map<Long, EmploymentTerms> terms;
    private final Map<Long, Integer> position;

    private PayableShifts.Cursor cursor;
    private long lastServiceUser = -1;
    private long lastEmployment = -1;
    private long employmentsRead;

    EmploymentWorkReader(PayableShifts shifts, long payRunId, Map<Long, EmploymentTerms> terms) {
        this.shifts = shifts;
        this.payRunId = payRunId;
        this.terms = terms;
        List<EmploymentTerms> ordered = new ArrayList<>(terms.values());
        ordered.sort(Comparator.comparingLong(EmploymentTerms::serviceUserId).thenComparingLong(EmploymentTerms::id));
        this.position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).id(), i + 1);
        }
    }

    @Override
    public void open(ExecutionContext context) {
        lastServiceUser = context.getLong(LAST_SERVICE_USER, -1);
        lastEmployment = context.getLong(LAST_EMPLOYMENT, -1);
        employmentsRead = context.getLong(EMPLOYMENTS_READ, 0);
        try {
            cursor = shifts.open(payRunId, lastServiceUser, lastEmployment);
        } catch (SQLException e) {
            throw new ItemStreamException("Could not read the shifts to pay: " + e.getMessage(), e);
        }
    }

    @Override
    public EmploymentWork read() throws SQLException {
        PayableShifts.Shift first = cursor.peek();
        if (first == null) {
            return null;
        }
        List<WorkedShift> worked = new ArrayList<>();
        for (PayableShifts.Shift shift = first; shift != null && shift.employmentId() == first.employmentId();
                shift = cursor.peek()) {
            worked.add(new WorkedShift(shift.importId(), shift.sourceRow(), shift.workDate(), shift.minutes()));
            cursor.advance();
        }
        lastServiceUser = first.serviceUserId();
        lastEmployment = first.employmentId();
        employmentsRead++;
        EmploymentTerms employmentTerms = terms.get(first.employmentId());
        if (employmentTerms == null) {
            throw new IllegalStateException("employment " + first.employmentId() + " has shifts but no terms were"
                    + " loaded");
        }
        return new EmploymentWork(employmentTerms, worked);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LAST_SERVICE_USER, lastServiceUser);
        context.putLong(LAST_EMPLOYMENT, lastEmployment);
        context.putLong(EMPLOYMENTS_READ, employmentsRead);
        context.putInt(PERMILLE, lastEmployment < 0 ? 0 : cursor != null && cursor.hasMore()
                ? (int) (position.getOrDefault(lastEmployment, 0) * 1000L / Math.max(1, position.size())) : 1000);
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
