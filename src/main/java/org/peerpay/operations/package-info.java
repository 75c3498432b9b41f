/**
 * Running PeerPay unattended, owner of {@code nightly_run}: the nightly run (reference data, the inbox, the pay of
 * every ended period) as one use case for the command line and the schedule inside {@code serve}, one at a time
 * across every PeerPay on the database, with a record of each run.
 */
package org.peerpay.operations;
