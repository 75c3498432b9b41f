/** Cross-cutting wiring: typed settings, the clock, and the embedded PostgreSQL server behind the data directory. */
package org.peerpay.system;
