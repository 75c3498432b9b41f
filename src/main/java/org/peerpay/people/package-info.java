/**
 * Service users (the employers) and mentors (their employees), owner of {@code service_user} and {@code mentor},
 * and the protection of mentors' NI numbers (encrypted, bound to the mentor, only ever shown masked).
 */
package org.peerpay.people;
