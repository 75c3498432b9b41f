/** The command line (picocli inside the Boot jar), the nightly run, benchmarks and what they print. */
package org.peerpay.operations;
