package org.peerpay.bench;

/** A benchmark's time, kept in whole nanoseconds and shown as seconds to two places (no floating point). */
record Elapsed(long nanos) {

    static Elapsed since(long startNanos) {
        return new Elapsed(System.nanoTime() - startNanos);
    }

    static Elapsed ofMillis(long millis) {
        return new Elapsed(millis * 1_000_000L);
    }

    Elapsed minus(Elapsed other) {
        return new Elapsed(nanos - other.nanos);
    }

    /** How many of {@code count} things a second this time makes. */
    long perSecond(long count) {
        return nanos <= 0 ? 0 : count * 1_000_000_000L / nanos;
    }

    /** One item's share of this time in microseconds, to two places, like {@code 0.85 µs}. */
    String microsEach(long items) {
        long hundredths = nanos / (10 * items);
        return "%d.%02d µs".formatted(hundredths / 100, hundredths % 100);
    }

    /** Seconds to two places, as a number: {@code 12.34}. */
    String seconds() {
        long hundredths = nanos / 10_000_000L;
        return "%d.%02d".formatted(hundredths / 100, hundredths % 100);
    }

    @Override
    public String toString() {
        long hundredths = nanos / 10_000_000L;
        return "%d.%02d s".formatted(hundredths / 100, hundredths % 100);
    }
}
