package org.peerpay.payroll;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.exceptions.Raised;
import org.peerpay.ledger.JournalEntry;
import org.peerpay.ledger.Ledger;
import org.peerpay.money.Gbp;
import org.peerpay.statutory.PayslipFigures;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a chunk of payslips in the chunk's transaction: the payslips and their lines (naming each payslip on the
 * back pay it paid), the charge of each to its employer's budget in the ledger, the shifts held back, and the
 * exceptions raised (a shift's BELOW_FLOOR exception from its import is brought up to date with what the run did
 * with it). A payslip is unique per run and employment, and its ledger entry per idempotency key, so nothing can be stored or charged twice.
 */
class PayslipWriter implements ItemWriter<PayslipDraft> {

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final Exceptions exceptions;
    private final PayableShifts shifts;
    private final BackPay backPay;
    private final PayRunScope scope;

    PayslipWriter(JdbcTemplate jdbc, Ledger ledger, Exceptions exceptions, PayableShifts shifts, BackPay backPay,
                  PayRunScope scope) {
        this.jdbc = jdbc;
        this.backPay = backPay;
        this.shifts = shifts;
        this.ledger = ledger;
        this.exceptions = exceptions;
        this.scope = scope;
    }

    @Override
    public void write(Chunk<? extends PayslipDraft> chunk) {
        List<PayslipDraft> paid = chunk.getItems().stream().filter(PayslipDraft::paid).map(d -> (PayslipDraft) d)
                .toList();
        Map<Long, Long> payslipIds = insertPayslips(paid);
        insertLines(paid, payslipIds);
        backPay.paidOn(scope.payRunId(), paid.stream().filter(d -> !d.work().backPay().isEmpty())
                .collect(java.util.stream.Collectors.toMap(d -> d.work().terms().id(),
                        d -> payslipIds.get(d.work().terms().id()))));
        ledger.post(paid.stream().map(d -> charge(d, payslipIds.get(d.work().terms().id()))).toList());
        holdShifts(chunk.getItems());
        insertExceptions(chunk.getItems());
    }

    private Map<Long, Long> insertPayslips(List<PayslipDraft> drafts) {
        if (drafts.isEmpty()) {
            return Map.of();
        }
        String[] columns = {"employment_id", "service_user_id", "mentor_id", "pay_date", "tax_year", "tax_period",
                "minutes", "basic_pay", "floor_uplift", "arrears", "holiday_pay", "holiday_minutes_accrued",
                "gross_pay", "taxable_pay", "tax", "employee_nic", "employee_pension", "net_pay", "employer_nic",
                "employment_allowance_offset", "employer_pension", "employer_cost", "tax_code", "week1_month1",
                "ni_category", "pension_category", "pension_membership", "pension_note", "qualifying_earnings"};
        String[] types = {"bigint", "bigint", "bigint", "date", "text", "integer", "integer", "numeric", "numeric",
                "numeric", "numeric", "integer", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric",
                "numeric", "numeric", "numeric", "numeric", "text", "boolean", "text", "text", "text", "text",
                "numeric"};
        List<Object[]> values = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            values.add(new Object[drafts.size()]);
        }
        for (int i = 0; i < drafts.size(); i++) {
            PayslipDraft d = drafts.get(i);
            EmploymentTerms t = d.work().terms();
            PayslipFigures f = d.figures();
            Object[] row = {t.id(), t.serviceUserId(), t.mentorId(), java.sql.Date.valueOf(d.payDate()), d.taxYear(),
                    d.taxPeriod(), d.minutes(), d.basicPay(), d.floorUplift(), d.arrears(), f.holidayPay(),
                    f.holidayMinutesAccrued(), f.grossPay(), f.taxablePay(), f.tax().taxThisPeriod(), f.nic().employee(),
                    f.pension().employeeDeduction(), f.netPay(), f.nic().employer(), d.employmentAllowanceOffset(),
                    f.pension().employerContribution(), d.employerCost(), d.taxCodeUsed(), d.week1Month1(),
                    String.valueOf(t.niCategory()), f.pension().category().name(), f.pension().membership().name(),
                    f.pension().forPayslip(), f.pension().qualifyingEarnings()};
            for (int c = 0; c < columns.length; c++) {
                values.get(c)[i] = row[c];
            }
        }
        StringBuilder unnest = new StringBuilder();
        for (int c = 0; c < columns.length; c++) {
            unnest.append(c == 0 ? "" : ", ").append("?::").append(types[c]).append("[]");
        }
        String sql = "insert into payslip (pay_run_id, period_id, " + String.join(", ", columns) + ")"
                + " select ?, ?, u.* from unnest(" + unnest + ") as u"
                + " returning id, employment_id";
        return jdbc.execute((Connection connection) -> {
            Map<Long, Long> ids = new HashMap<>();
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setLong(1, scope.payRunId());
                insert.setString(2, scope.period().id());
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 3, connection.createArrayOf(types[c], values.get(c)));
                }
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getLong(2), rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    private void insertLines(List<PayslipDraft> drafts, Map<Long, Long> payslipIds) {
        List<Object[]> rows = new ArrayList<>();
        for (PayslipDraft d : drafts) {
            long payslip = payslipIds.get(d.work().terms().id());
            int lineNo = 1;
            for (PayslipDraft.Line line : d.lines()) {
                rows.add(new Object[] {payslip, lineNo++, line.kind().name(), line.description(), line.minutes(),
                        line.rate(), line.amount()});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        String[] types = {"bigint", "integer", "text", "text", "integer", "numeric", "numeric"};
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into payslip_line (payslip_id,"
                    + " line_no, kind, description, minutes, rate, amount) select * from unnest(?::bigint[],"
                    + " ?::integer[], ?::text[], ?::text[], ?::integer[], ?::numeric[], ?::numeric[])")) {
                for (int c = 0; c < types.length; c++) {
                    Object[] column = new Object[rows.size()];
                    for (int r = 0; r < rows.size(); r++) {
                        column[r] = rows.get(r)[c];
                    }
                    insert.setArray(c + 1, connection.createArrayOf(types[c], column));
                }
                return insert.executeUpdate();
            }
        });
    }

    private JournalEntry charge(PayslipDraft d, long payslipId) {
        EmploymentTerms t = d.work().terms();
        PayslipFigures f = d.figures();
        long su = t.serviceUserId();
        BigDecimal hmrc = f.tax().taxThisPeriod().add(f.nic().employee()).add(f.nic().employer())
                .subtract(d.employmentAllowanceOffset());
        BigDecimal pension = f.pension().employeeDeduction().add(f.pension().employerContribution());
        return JournalEntry.payslipCharge(scope.period().id(), scope.runNumber(), t.ref(), t.mentorRef(), payslipId,
                su, t.id(), d.payDate(), Gbp.of(d.employerCost()), Gbp.of(f.netPay()), Gbp.of(hmrc), Gbp.of(pension));
    }

    private void holdShifts(List<? extends PayslipDraft> drafts) {
        List<long[]> held = new ArrayList<>();
        for (PayslipDraft d : drafts) {
            for (WorkedShift shift : d.held()) {
                held.add(new long[] {shift.importId(), shift.sourceRow()});
            }
        }
        shifts.hold(scope.payRunId(), held);
    }

    private void insertExceptions(List<? extends PayslipDraft> drafts) {
        List<Raised> raised = new ArrayList<>();
        for (PayslipDraft d : drafts) {
            EmploymentTerms t = d.work().terms();
            for (PayslipDraft.Raised r : d.exceptions()) {
                WorkedShift shift = r.shift();
                raised.add(new Raised(r.type(), t.serviceUserId(), t.mentorId(), t.id(),
                        shift == null ? null : shift.importId(), shift == null ? null : shift.sourceRow(),
                        shift == null ? null : shift.workDate(), r.detail()));
            }
        }
        exceptions.raise(scope.period(), scope.payRunId(), raised);
    }
}
