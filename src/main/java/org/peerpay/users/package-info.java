/**
 * The people who sign in to the web application, owner of {@code user_account} and {@code user_caseload}: their
 * role (finance, coordinator, admin), their password hash (BCrypt; a password is never stored or shown again), and
 * a coordinator's caseload of service users.
 */
package org.peerpay.users;
