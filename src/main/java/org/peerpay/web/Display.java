package org.peerpay.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.peerpay.calendar.Dates;
import org.peerpay.system.JobRuns;
import org.peerpay.users.Role;
import org.springframework.stereotype.Component;

/** How the pages write things for people ({@code ${@display...}} in templates): one place for each format. */
@Component("display")
public class Display {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(UK);

    /** {@code 20 Nov 2026 14:03}, UK time. */
    public String when(Instant at) {
        return at == null ? "" : Dates.shortForm(at.atZone(UK).toLocalDate()) + " " + TIME.format(at);
    }

    /** {@code 20 Nov 2026 14:03}, UK time, from this machine's local time (as the job repository keeps it). */
    public String when(java.time.LocalDateTime at) {
        return at == null ? "" : when(at.atZone(ZoneId.systemDefault()).toInstant());
    }

    /** {@code 20 Nov 2026}, UK date. */
    public String date(java.time.OffsetDateTime at) {
        return Dates.shortForm(at.atZoneSameInstant(UK).toLocalDate());
    }

    /** {@code 20 Nov 2026}: {@link Dates#shortForm}, the one short date format. */
    public String day(java.time.LocalDate day) {
        return day == null ? "" : Dates.shortForm(day);
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
        if (type.equals("NMW_PERIOD")) {
            return "Under minimum wage";
        }
        String words = type.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code 1,234}. */
    public String count(int n) {
        return String.format(Locale.UK, "%,d", n);
    }

    /** Thousandths as a whole percentage, rounded down: {@code 45%}. */
    public String percent(int permille) {
        return permille / 10 + "%";
    }

    /** A job run's state in a word or two. */
    public String jobState(JobRuns.JobRun run) {
        if (run.status().isRunning()) {
            return run.restartable() ? "Unfinished" : "Running";
        }
        return flag(run.status().name());
    }

    /** The colour of a job run's state tag. */
    public String jobStateColour(JobRuns.JobRun run) {
        return switch (run.status()) {
            case COMPLETED -> "govuk-tag--green";
            case FAILED, STOPPED, ABANDONED, UNKNOWN -> "govuk-tag--red";
            default -> run.restartable() ? "govuk-tag--yellow" : "govuk-tag--blue";
        };
    }

    /** How far a job run's step has gone: {@code 45%: 12,000 employments, 3,000 a second}. */
    public String jobProgress(JobRuns.JobRun run) {
        String part = run.permille() >= 0 ? percent(run.permille()) : "";
        if (run.unit() == null) {
            return part;
        }
        return (part.isEmpty() ? "" : part + ": ")
                + String.format(Locale.UK, "%,d %s, %,d a second", run.done(), run.unit(), run.perSecond());
    }

    /** A job run's step and its place: {@code 2 of 6: calculate payslips}. */
    public String jobStep(JobRuns.JobRun run) {
        if (run.step() == null) {
            return "";
        }
        return run.stepNumber() > 0 ? run.stepNumber() + " of " + run.steps() + ": " + run.step() : run.step();
    }

    public String role(Role role) {
        return switch (role) {
            case FINANCE -> "Finance";
            case COORDINATOR -> "Coordinator";
            case ADMIN -> "Admin";
        };
    }
}
