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
    PENSION_OWED,
    /** The budget's bank account: credited with each payment out of it (a settlement of something owed). */
    BANK;

    /** The accounts a payslip makes owed, which settlements pay. */
    public static final java.util.Set<Account> LIABILITIES = java.util.EnumSet.of(NET_PAY_OWED, HMRC_OWED,
            PENSION_OWED);
}
