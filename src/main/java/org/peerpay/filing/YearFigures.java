package org.peerpay.filing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.money.MonetaryAmount;
import org.peerpay.filing.PaidPayslips.Payslip;
import org.peerpay.money.Gbp;
import org.peerpay.statutory.NationalInsurance;
import org.peerpay.statutory.NicBands;

/**
 * An employment's figures for a tax year to date, from its payslips, as HMRC's FPS, the P45 and the P60 report
 * them: taxable pay and tax, and per NI letter the earnings, their bands (each payslip banded by its own run's
 * thresholds) and the contributions.
 */
record YearFigures(MonetaryAmount taxablePay, MonetaryAmount tax, Map<Character, Letter> letters) {

    /** One NI letter's year to date. */
    record Letter(MonetaryAmount earnings, NicBands bands, MonetaryAmount employeeNic, MonetaryAmount employerNic) {
    }

    static YearFigures of(List<Payslip> payslips) {
        Map<Character, Letter> letters = new LinkedHashMap<>();
        for (Payslip p : payslips) {
            NicBands bands = new NationalInsurance(p.nicBandsOfYear()).bands(p.period().frequency(),
                    Gbp.pounds(p.niablePay()));
            letters.merge(p.niCategory(), new Letter(p.niablePay(), bands, p.employeeNic(), p.employerNic()),
                    (a, b) -> new Letter(a.earnings().add(b.earnings()), a.bands().plus(b.bands()),
                            a.employeeNic().add(b.employeeNic()), a.employerNic().add(b.employerNic())));
        }
        return new YearFigures(sum(payslips, Payslip::taxablePay), sum(payslips, Payslip::tax), letters);
    }

    static MonetaryAmount sum(List<Payslip> payslips, Function<Payslip, MonetaryAmount> figure) {
        return payslips.stream().map(figure).reduce(Gbp.ZERO, MonetaryAmount::add);
    }
}
