/**
 * The command line (picocli inside the Boot jar): thin commands that parse before the application starts and call
 * the modules' use cases, and what they print. Owns no table.
 */
package org.peerpay.cli;
