package org.peerpay.ledger;

/** The kinds of account; each service user (and for net pay, each employment) has its own of each. */
public enum Account {
    /** The service user's personal budget: credited by funding, debited by each payslip's employer cost. */
    BUDGET,
    /** Where funding comes from (the council, the client's contribution). */
    FUNDER,
    /** Net pay owed to the mentor of an employment. */
    NET_PAY_OWED,
    /** PAYE tax and Class 1 NIC owed to HMRC, after the Employment Allowance. */
    HMRC_OWED,
    /** Pension contributions owed to the scheme. */
    PENSION_OWED
}
