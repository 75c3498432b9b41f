package org.peerpay.statutory;

/** How the employee's pension contribution gets its tax relief, which decides how it is taken from pay. */
public enum PensionBasis {
    /** The scheme claims basic-rate relief (NEST and most auto-enrolment schemes): 80% is taken from net pay. */
    RELIEF_AT_SOURCE,
    /** The whole contribution is taken from pay before tax. */
    NET_PAY
}
