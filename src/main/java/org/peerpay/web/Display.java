package org.peerpay.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.peerpay.users.Role;
import org.springframework.stereotype.Component;

/** How the pages write things for people ({@code ${@display...}} in templates): one place for each format. */
@Component("display")
public class Display {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** {@code 20 Nov 2026 14:03}, UK time. */
    public String when(Instant at) {
        return WHEN.format(at);
    }

    /** {@code 20 Nov 2026}, UK date. */
    public String date(java.time.OffsetDateTime at) {
        return DATE.format(at.toInstant());
    }

    /** {@code 20 Nov 2026}. */
    public String day(java.time.LocalDate day) {
        return day == null ? "" : DATE.format(day.atStartOfDay(ZoneId.of("Europe/London")));
    }

    /** {@code £1,234.56}: the one money format, {@link org.peerpay.money.Gbp#format}. */
    public String money(javax.money.MonetaryAmount amount) {
        return org.peerpay.money.Gbp.format(amount);
    }

    /** Hours as {@code 8h 00m} (from decimal hours, to the nearest minute). */
    public String hours(java.math.BigDecimal hours) {
        if (hours == null) {
            return "";
        }
        long minutes = hours.multiply(java.math.BigDecimal.valueOf(60)).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
        return String.format(Locale.UK, "%dh %02dm", minutes / 60, minutes % 60);
    }

    /** An exception type as a label: {@code PLAN_EXCEEDED} reads "Plan exceeded". */
    public String flag(String type) {
        String words = type.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code 1,234}. */
    public String count(int n) {
        return String.format(Locale.UK, "%,d", n);
    }

    public String role(Role role) {
        return switch (role) {
            case FINANCE -> "Finance";
            case COORDINATOR -> "Coordinator";
            case ADMIN -> "Admin";
        };
    }
}
