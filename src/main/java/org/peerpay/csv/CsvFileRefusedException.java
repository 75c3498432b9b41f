package org.peerpay.csv;

import org.peerpay.system.UserFacingException;

/** A whole file that cannot be read as the CSV it should be (empty, not text, no usable header, bad rows). */
public class CsvFileRefusedException extends UserFacingException {

    public CsvFileRefusedException(String message) {
        super(message);
    }
}
