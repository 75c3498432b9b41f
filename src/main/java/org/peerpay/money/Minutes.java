package org.peerpay.money;

/** Time worked in whole minutes, never negative. */
public record Minutes(int value) implements Comparable<Minutes> {

    public Minutes {
        if (value < 0) {
            throw new IllegalArgumentException("minutes worked cannot be negative: " + value);
        }
    }

    public static Minutes of(int value) {
        return new Minutes(value);
    }

    public Minutes plus(Minutes other) {
        return new Minutes(Math.addExact(value, other.value));
    }

    @Override
    public int compareTo(Minutes other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "%d:%02d".formatted(value / 60, value % 60);
    }
}
