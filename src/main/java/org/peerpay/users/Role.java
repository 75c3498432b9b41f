package org.peerpay.users;

/** What a user may do: finance staff import and pay, coordinators review their caseload, admins manage users. */
public enum Role {
    FINANCE, COORDINATOR, ADMIN
}
