/**
 * Loading reference data from CSV (service users, mentors, employments and their rates, budgets, funding):
 * idempotent upserts on business references, all or nothing per file.
 */
package org.peerpay.reference;
