package org.peerpay.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people read them, as GOV.UK writes them: {@code 20 September 2026}. */
public final class Dates {

    private static final DateTimeFormatter FOR_PEOPLE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {
    }

    public static String forPeople(LocalDate date) {
        return FOR_PEOPLE.format(date);
    }
}
