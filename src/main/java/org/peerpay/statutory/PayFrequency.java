package org.peerpay.statutory;

import java.util.Arrays;
import java.util.Locale;

/** How often an employee is paid, and so how many tax periods a tax year has. */
public enum PayFrequency {
    WEEKLY(52), TWO_WEEKLY(26), FOUR_WEEKLY(13), MONTHLY(12);

    private final int periodsPerYear;

    PayFrequency(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    /** The word used in files: {@code weekly}, {@code two-weekly}, {@code four-weekly}, {@code monthly}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PayFrequency of(String word) {
        return Arrays.stream(values()).filter(f -> f.word().equalsIgnoreCase(word.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + word + "' is not a pay frequency: use weekly,"
                        + " two-weekly, four-weekly or monthly"));
    }
}
