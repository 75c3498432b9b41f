/**
 * What goes to HMRC, the bank and the pension scheme after a pay run: the RTI Full Payment Submission per employer
 * and pay date, with its IRmark, checked against HMRC's schemas and business rules ({@code rti fps},
 * {@code rti validate}). Owns no table: it reads payslips through {@link org.peerpay.filing.PaidPayslips}.
 */
package org.peerpay.filing;
