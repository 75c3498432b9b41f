package org.peerpay.payroll;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Works out each employment's payslip; stores nothing (the writer does). */
class PayslipProcessor implements ItemProcessor<EmploymentWork, PayslipDraft> {

    private final PayslipMaker maker;

    PayslipProcessor(PayslipMaker maker) {
        this.maker = maker;
    }

    @Override
    public PayslipDraft process(EmploymentWork work) {
        return maker.make(work);
    }
}
