/**
 * Reference data from CSV (service users, mentors, employments and their rates, budgets, funding): reads and
 * checks each file whole, then hands its rows to the module that owns them. Owns no table.
 */
package org.peerpay.reference;
