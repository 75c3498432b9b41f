package org.peerpay.statutory;

/** Where an employee pays income tax, shown by the tax code's prefix: none, {@code S} or {@code C}. */
public enum TaxRegion {
    REST_OF_UK("", "rest-of-uk"), SCOTLAND("S", "scotland"), WALES("C", "wales");

    private final String prefix;
    private final String key;

    TaxRegion(String prefix, String key) {
        this.prefix = prefix;
        this.key = key;
    }

    public String prefix() {
        return prefix;
    }

    /** The region's name in the tax year files. */
    public String key() {
        return key;
    }
}
