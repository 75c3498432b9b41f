package org.peerpay.payroll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the shifts a pay run pays, one employment at a time, in order of service user and employment. The
 * restart point is the last employment handed out, so a restarted run carries on after the last one committed.
 * The cursor has a connection of its own, open across the step's chunk transactions.
 */
class EmploymentWorkReader implements ItemStreamReader<EmploymentWork> {

    static final String LAST_SERVICE_USER = "payRun.lastServiceUser";
    static final String LAST_EMPLOYMENT = "payRun.lastEmployment";
    static final String EMPLOYMENTS_READ = "payRun.employmentsRead";
    /** How far through the frequency's employments (in the reading order) the reader is, in thousandths. */
    static final String PERMILLE = "payRun.permille";

    private final DataSource dataSource;
    private final PayRunScope scope;
    private final Map<Long, EmploymentTerms> terms;

    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;
    private boolean rowWaiting;
    private long lastServiceUser = -1;
    private long lastEmployment = -1;
    private long employmentsRead;
    private final Map<Long, Integer> position;

    EmploymentWorkReader(DataSource dataSource, PayRunScope scope, Map<Long, EmploymentTerms> terms) {
        this.dataSource = dataSource;
        this.scope = scope;
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
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            statement = connection.prepareStatement("""
                    select l.employment_id, e.service_user_id, l.import_id, l.source_row, l.work_date, l.minutes
                    from timesheet_line l
                    join employment e on e.id = l.employment_id
                    where e.pay_frequency = ?
                      and l.work_date <= ?
                      and l.import_id <= ?
                      and l.import_id in (select id from timesheet_import where status = 'COMPLETED')
                      and (e.service_user_id, e.id) > (?, ?)
                      and """ + scope.linesCondition("l") + """
                    order by e.service_user_id, e.id, l.work_date, l.import_id, l.source_row""");
            statement.setFetchSize(20_000);
            statement.setString(1, scope.period().frequency().word());
            statement.setObject(2, scope.period().end());
            statement.setLong(3, scope.importBound());
            statement.setLong(4, lastServiceUser);
            statement.setLong(5, lastEmployment);
            scope.bindLinesCondition(statement, 6);
            rows = statement.executeQuery();
            rowWaiting = rows.next();
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("Could not read the shifts to pay: " + e.getMessage(), e);
        }
    }

    @Override
    public EmploymentWork read() throws SQLException {
        if (!rowWaiting) {
            return null;
        }
        long employment = rows.getLong(1);
        long serviceUser = rows.getLong(2);
        List<WorkedShift> shifts = new ArrayList<>();
        while (rowWaiting && rows.getLong(1) == employment) {
            shifts.add(new WorkedShift(rows.getLong(3), rows.getInt(4), rows.getObject(5, LocalDate.class),
                    rows.getInt(6)));
            rowWaiting = rows.next();
        }
        lastServiceUser = serviceUser;
        lastEmployment = employment;
        employmentsRead++;
        EmploymentTerms employmentTerms = terms.get(employment);
        if (employmentTerms == null) {
            throw new IllegalStateException("employment " + employment + " has shifts but no terms were loaded");
        }
        return new EmploymentWork(employmentTerms, shifts);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LAST_SERVICE_USER, lastServiceUser);
        context.putLong(LAST_EMPLOYMENT, lastEmployment);
        context.putLong(EMPLOYMENTS_READ, employmentsRead);
        context.putInt(PERMILLE, lastEmployment < 0 ? 0 : rowWaiting
                ? (int) (position.getOrDefault(lastEmployment, 0) * 1000L / Math.max(1, position.size())) : 1000);
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException ignored) {
            // the connection goes back to the pool or is discarded either way
        } finally {
            connection = null;
            statement = null;
            rows = null;
        }
    }
}
