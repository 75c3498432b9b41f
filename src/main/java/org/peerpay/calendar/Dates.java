package org.peerpay.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as people read them: in sentences and documents as GOV.UK writes them ({@code 20 September 2026}); in the
 * web pages' tables and lists, where space is short, with the month cut to three letters ({@code 20 Sep 2026}).
 */
public final class Dates {

    private static final DateTimeFormatter FOR_PEOPLE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Dates() {
    }

    public static String forPeople(LocalDate date) {
        return FOR_PEOPLE.format(date);
    }

    /** {@code 20 Nov 2026} (September is {@code Sep}, not the JDK's {@code Sept}). */
    public static String shortForm(LocalDate date) {
        return SHORT.format(date).replace("Sept", "Sep");
    }
}
