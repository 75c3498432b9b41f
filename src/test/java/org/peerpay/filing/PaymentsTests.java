package org.peerpay.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.money.Gbp;
import org.peerpay.support.CouncilTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Paying out after a pay run, and recording it paid. In 4W08 E1 (M1, bank account 40-11-01 31000007) works 80 hours
 * for SU1 (budget account 20-45-01 52000013), and E3 (M2, no bank account recorded) 4 hours for SU1.
 */
class PaymentsTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");

    @Autowired
    Payments payments;

    @BeforeEach
    void paid() {
        smallCouncil(true);
        importEightyHoursOfE1();
        importShifts("e3.csv", "M2,SU1,2026-10-27,08:00,12:00,0,,\n");
        payRuns.pay(P08, OUT);
    }

    @Test
    void theNetPayGoesToTheBankAsAValidPain001AndABulkCsvAndThePensionSchemeGetsItsSchedule() throws Exception {
        Map<String, Object> e1 = jdbc.queryForMap("""
                select p.id, p.net_pay, p.employee_pension, p.employer_pension, p.qualifying_earnings,
                       p.pension_membership from payslip p join employment e on e.id = p.employment_id
                where e.ref = 'E1'""");
        BigDecimal net = (BigDecimal) e1.get("net_pay");

        Payments.Outcome outcome = payments.writeFiles(P08, OUT);

        Path dir = OUT.resolve("payments/2026-27/4W08");
        assertThat(outcome.files()).containsExactly(dir.resolve("pain.001.xml"), dir.resolve("bank-payments.csv"),
                dir.resolve("pension-contributions.csv"));
        assertThat(outcome.transfers()).isEqualTo(1);
        assertThat(outcome.total()).isEqualTo(Gbp.of(net));
        assertThat(outcome.problems()).singleElement().asString().startsWith("SU1 E3: net pay £")
                .contains("M2 has no bank account (mentors.csv)");

        byte[] pain = Files.readAllBytes(dir.resolve("pain.001.xml"));
        assertThat(Pain001.schemaErrors(new Xml().parse(pain))).isEmpty();
        String xml = new String(pain, StandardCharsets.UTF_8);
        assertThat(xml).contains("<MsgId>PEERPAY-2026-27-4W08-R1</MsgId>", "<NbOfTxs>1</NbOfTxs>",
                "<CtrlSum>" + net.toPlainString() + "</CtrlSum>", "<ReqdExctnDt>2026-11-20</ReqdExctnDt>",
                "<Nm>A MORGAN DP</Nm>", "<Id>52000013</Id>", "<MmbId>204501</MmbId>", "<Cd>GBDSC</Cd>",
                "<InstdAmt Ccy=\"GBP\">" + net.toPlainString() + "</InstdAmt>", "<Nm>J BLOGGS</Nm>",
                "<Id>31000007</Id>", "<MmbId>401101</MmbId>", "<Ustrd>4W08 E1</Ustrd>",
                "<EndToEndId>PEERPAY-PAYSLIP-" + e1.get("id") + "</EndToEndId>");
        assertThat(Files.readAllLines(dir.resolve("bank-payments.csv"))).containsExactly(
                "\uFEFF" + String.join(",", Payments.BANK_COLUMNS),
                "2026-11-20,SU1,204501,52000013,A MORGAN DP,M1,E1,401101,31000007,J BLOGGS," + net + ",4W08 E1");
        for (String file : List.of("pain.001.xml", "bank-payments.csv")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve(file))).as(file)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(Files.readAllLines(dir.resolve("pension-contributions.csv"))).contains(
                "2026-27/4W08,2026-11-20,SU1,M1,E1,Jo Bloggs,1985-03-02,ELIGIBLE_JOBHOLDER,"
                        + e1.get("pension_membership") + "," + ("ENROLLED".equals(e1.get("pension_membership"))
                        ? "2026-11-20" : "") + "," + e1.get("qualifying_earnings") + "," + e1.get("employee_pension")
                        + "," + e1.get("employer_pension") + ","
                        + ((BigDecimal) e1.get("employee_pension")).add((BigDecimal) e1.get("employer_pension")));
    }

    @Test
    void confirmingAPaymentSettlesEachLiabilityOnceFromTheBudgetsBankAccount() {
        BigDecimal owed = jdbc.queryForObject("select sum(net_pay) from payslip", BigDecimal.class);

        Payments.Confirmed first = payments.confirm(P08, null, "SU1", Payments.Liability.NET_PAY,
                LocalDate.of(2026, 11, 20));
        Payments.Confirmed again = payments.confirm(P08, null, null, Payments.Liability.NET_PAY,
                LocalDate.of(2026, 11, 21));

        assertThat(first.settled()).isEqualTo(2);
        assertThat(first.total()).isEqualTo(Gbp.of(owed));
        assertThat(again.settled()).isZero();
        assertThat(again.nothingOwed()).isEqualTo(2);
        assertThat(balance("NET_PAY_OWED")).isEqualByComparingTo("0");
        assertThat(balance("BANK")).isEqualByComparingTo(owed.negate());
        var report = ledgerCheck.run(LocalDate.of(2026, 12, 1));
        assertThat(report.breaches()).isEmpty();
        assertThat(report.checked()).anySatisfy(line -> assertThat(line).startsWith("2 settlements"));
    }

    @Test
    void theLedgerCheckFindsALiabilitySettledTwiceAndASettlementWithoutItsLiability() {
        payments.confirm(P08, null, null, Payments.Liability.PENSION, LocalDate.of(2026, 11, 20));
        long payslip = jdbc.queryForObject("select p.id from payslip p join employment e on e.id = p.employment_id"
                + " where e.ref = 'E1'", Long.class);
        // the faults: the same payslip's net pay settled under two keys, and a settlement of a payslip never charged
        settleDirectly("twice-a", payslip, "NET_PAY_OWED");
        settleDirectly("twice-b", payslip, "NET_PAY_OWED");
        long uncharged = jdbc.queryForObject("select p.id from payslip p join employment e on e.id = p.employment_id"
                + " where e.ref = 'E3'", Long.class);
        settleDirectly("orphan", uncharged, "HMRC_OWED");
        long chargeOfE3 = jdbc.queryForObject("select id from journal_entry where kind = 'PAYSLIP' and payslip_id = ?",
                Long.class, uncharged);
        ledger.reverse(chargeOfE3, "test: the charge withdrawn");

        List<String> breaches = ledgerCheck.run(LocalDate.of(2026, 12, 1)).breaches();

        assertThat(breaches).anySatisfy(b -> assertThat(b).contains("its NET_PAY_OWED of £").contains("was settled 2"
                + " times"));
        assertThat(breaches).anySatisfy(b -> assertThat(b).startsWith("settlement orphan pays no liability"));
    }

    @Test
    void aFileMadeOnTheMinuteStillGivesItsSecondsAsIso20022Requires() {
        java.time.LocalDateTime onTheMinute = java.time.LocalDateTime.of(2026, 11, 20, 9, 30);

        org.w3c.dom.Document document = new Pain001().build("M", "PeerPay", onTheMinute, List.of());

        // (LocalDateTime.toString() would write 2026-11-20T09:30, which xs:dateTime refuses)
        assertThat(Xml.bytes(document, false)).asString(StandardCharsets.UTF_8)
                .contains("<CreDtTm>2026-11-20T09:30:00</CreDtTm>");
    }

    @Test
    void aPaymentCannotBeConfirmedBeforeItIsMade() {
        assertThatThrownBy(() -> payments.confirm(P08, null, null, Payments.Liability.NET_PAY,
                LocalDate.now().plusDays(2)))
                .hasMessageContaining("is after today: confirm a payment once the bank has made it");
    }

    private void settleDirectly(String key, long payslipId, String account) {
        Map<String, Object> slip = jdbc.queryForMap("select service_user_id, employment_id, period_id, net_pay"
                + " from payslip where id = ?", payslipId);
        long entry = jdbc.queryForObject("""
                insert into journal_entry (idempotency_key, kind, entry_date, service_user_id, period_id, payslip_id,
                                           description)
                values (?, 'SETTLEMENT', '2026-11-20', ?, ?, ?, 'injected') returning id""", Long.class, key,
                slip.get("service_user_id"), slip.get("period_id"), payslipId);
        jdbc.update("""
                insert into posting (entry_id, line_no, account, service_user_id, employment_id, amount)
                values (?, 1, ?, ?, ?, 1.00), (?, 2, 'BANK', ?, null, -1.00)""", entry, account,
                slip.get("service_user_id"), slip.get("employment_id"), entry, slip.get("service_user_id"));
    }

    private BigDecimal balance(String account) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from posting where account = ?", BigDecimal.class,
                account);
    }
}
