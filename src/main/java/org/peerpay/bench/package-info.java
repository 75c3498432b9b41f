/**
 * Benchmarks on synthetic councils, driving the modules' own APIs (reference loading, the import, the pay run);
 * they write no table themselves and refuse a database that holds anything.
 */
package org.peerpay.bench;
