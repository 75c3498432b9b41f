/** Pay frequencies' periods aligned to the tax year ({@code 2026-27/4W08}), their pay dates and tax periods. */
package org.peerpay.calendar;
