/**
 * Employments: one mentor employed by one service user, with effective-dated hourly rates, the pay frequency, and
 * the tax code, NI category, holiday-pay method and pension status of that employment.
 */
package org.peerpay.employment;
