package org.peerpay.payroll;

import java.sql.SQLException;
import java.util.ArrayDeque;
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
 * Reads the work of one partition of a pay run (a range of employers) one employment at a time: the employment's
 * terms, the shifts the run claimed (from the timesheets module's cursor) and the back pay it claimed, in the order of
 * (service user, employment); an employment owed back pay but with no shifts is read too. The restart point (the last service user and employment read:
 * numbers, never personal data) goes into the step's execution context, so a restarted step reads on after the last
 * committed employment.
 */
class EmploymentWorkReader implements ItemStreamReader<EmploymentWork> {

    static final String LAST_SERVICE_USER = "payRun.lastServiceUser";
    static final String LAST_EMPLOYMENT = "payRun.lastEmployment";
    static final String EMPLOYMENTS_READ = "payRun.employmentsRead";
    /** How far through the frequency's employments (in the reading order) the reader is, in thousandths. */
    static final String PERMILLE = "payRun.permille";

    /** The order employments are read in, the shifts cursor's: by service user, then employment. */
    private static final Comparator<EmploymentTerms> READING_ORDER = Comparator
            .comparingLong(EmploymentTerms::serviceUserId).thenComparingLong(EmploymentTerms::id);

    private final PayableShifts shifts;
    private final long payRunId;
    private final EmployerRange range;
    private final Map<Long, EmploymentTerms> terms;
    private final Map<Long, Integer> position;
    private final Map<Long, List<BackPay.Owed>> backPay;
    /** The employments owed back pay, in reading order; those up to the restart point are dropped at open. */
    private final ArrayDeque<EmploymentTerms> owedBackPay = new ArrayDeque<>();

    private PayableShifts.Cursor cursor;
    private long lastServiceUser = -1;
    private long lastEmployment = -1;
    private long employmentsRead;

    /** @param terms and {@code backPay}: of the range's employments only */
    EmploymentWorkReader(PayableShifts shifts, long payRunId, EmployerRange range, Map<Long, EmploymentTerms> terms,
                         Map<Long, List<BackPay.Owed>> backPay) {
        this.shifts = shifts;
        this.backPay = backPay;
        this.payRunId = payRunId;
        this.range = range;
        this.terms = terms;
        List<EmploymentTerms> ordered = new ArrayList<>(terms.values());
        ordered.sort(READING_ORDER);
        this.position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).id(), i + 1);
        }
        for (long employment : backPay.keySet()) {
            if (!terms.containsKey(employment)) {
                throw new IllegalStateException("employment " + employment + " is owed back pay but no terms were"
                        + " loaded");
            }
        }
    }

    @Override
    public void open(ExecutionContext context) {
        // before the range's first employer: every employment of it comes after (first - 1, any employment)
        lastServiceUser = context.getLong(LAST_SERVICE_USER, range.first() - 1);
        lastEmployment = context.getLong(LAST_EMPLOYMENT, Long.MAX_VALUE);
        employmentsRead = context.getLong(EMPLOYMENTS_READ, 0);
        owedBackPay.clear();
        backPay.keySet().stream().map(terms::get)
                .filter(t -> compare(t.serviceUserId(), t.id(), lastServiceUser, lastEmployment) > 0)
                .sorted(READING_ORDER)
                .forEach(owedBackPay::add);
        try {
            cursor = shifts.open(payRunId, terms.keySet().stream().mapToLong(Long::longValue).toArray(),
                    lastServiceUser, lastEmployment, range.last());
        } catch (SQLException e) {
            throw new ItemStreamException("Could not read the shifts to pay: " + e.getMessage(), e);
        }
    }

    @Override
    public EmploymentWork read() throws SQLException {
        PayableShifts.Shift first = cursor.peek();
        EmploymentTerms owed = owedBackPay.peek();
        if (first == null && owed == null) {
            return null;
        }
        long serviceUser;
        long employment;
        if (first != null && (owed == null
                || compare(first.serviceUserId(), first.employmentId(), owed.serviceUserId(), owed.id()) <= 0)) {
            serviceUser = first.serviceUserId();
            employment = first.employmentId();
        } else {
            serviceUser = owed.serviceUserId();
            employment = owed.id();
        }
        List<WorkedShift> worked = new ArrayList<>();
        for (PayableShifts.Shift shift = first; shift != null && shift.employmentId() == employment;
                shift = cursor.peek()) {
            worked.add(new WorkedShift(shift.importId(), shift.sourceRow(), shift.workDate(), shift.minutes()));
            cursor.advance();
        }
        if (owed != null && owed.id() == employment) {
            owedBackPay.poll();
        }
        lastServiceUser = serviceUser;
        lastEmployment = employment;
        employmentsRead++;
        EmploymentTerms employmentTerms = terms.get(employment);
        if (employmentTerms == null) {
            throw new IllegalStateException("employment " + employment + " has shifts but no terms were loaded");
        }
        return new EmploymentWork(employmentTerms, worked, backPay.getOrDefault(employment, List.of()));
    }

    private static int compare(long serviceUser, long employment, long otherServiceUser, long otherEmployment) {
        int byServiceUser = Long.compare(serviceUser, otherServiceUser);
        return byServiceUser != 0 ? byServiceUser : Long.compare(employment, otherEmployment);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LAST_SERVICE_USER, lastServiceUser);
        context.putLong(LAST_EMPLOYMENT, lastEmployment);
        context.putLong(EMPLOYMENTS_READ, employmentsRead);
        boolean more = cursor != null && (cursor.hasMore() || !owedBackPay.isEmpty());
        context.putInt(PERMILLE, employmentsRead == 0 ? 0 : more
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
