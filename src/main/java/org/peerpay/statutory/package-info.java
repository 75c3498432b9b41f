/**
 * UK statutory pay calculations (PAYE income tax, Class 1 National Insurance, and later pension, holiday pay and
 * Employment Allowance) by HMRC's published routines: pure Java, no Spring, each tax year's figures as data.
 */
package org.peerpay.statutory;
