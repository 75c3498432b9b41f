/**
 * Cross-cutting plumbing, owner of Spring Batch's tables: typed settings, the clock, the embedded PostgreSQL behind
 * the data directory, running jobs (recovery, one-line failure reports), progress, whole-file output.
 */
package org.peerpay.system;
