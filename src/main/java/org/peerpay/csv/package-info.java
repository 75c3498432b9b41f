/**
 * CSV files as finance staff make them: encoding detection (UTF-8 with or without BOM, Windows-1252), headers in
 * any order and case, typed cells with row-and-column messages, and formula-injection-safe writing.
 */
package org.peerpay.csv;
