/** Service users (the employers) and mentors (their employees), and the protection of mentors' NI numbers. */
package org.peerpay.people;
