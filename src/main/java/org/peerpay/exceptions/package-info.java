/**
 * What a coordinator must look at: the exceptions raised by imports, pay runs and budget reviews (types in
 * {@link org.peerpay.exceptions.ExceptionType}), and the period's exceptions file.
 */
package org.peerpay.exceptions;
