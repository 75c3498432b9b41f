/** Effective-dated hourly wage floors (the council's living-wage floor, the statutory minimum wage bands) and the floor check. */
package org.peerpay.wagefloor;
