package org.peerpay.people;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A National Insurance number, validated by HMRC's format rules: two prefix letters, six digits and a suffix
 * A, B, C or D (the suffix may be left off). The first letter is not D, F, I, Q, U or V; the second is not D, F,
 * I, O, Q, U or V; the prefixes BG, GB, KN, NK, NT, TN and ZZ are never allocated. {@link #toString()} masks it.
 */
public final class NiNumber {

    private static final Pattern FORMAT = Pattern.compile("[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]?");
    private static final Set<String> NOT_ALLOCATED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

    private final String value;

    private NiNumber(String value) {
        this.value = value;
    }

    /** Reads a NI number as people write it (any case, spaces anywhere). */
    public static NiNumber parse(String text) {
        String value = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches() || NOT_ALLOCATED.contains(value.substring(0, 2))) {
            throw new IllegalArgumentException("is not a valid National Insurance number: it should look like"
                    + " AB 12 34 56 C (two letters, six digits, then A, B, C or D)");
        }
        return new NiNumber(value);
    }

    /** The full number: only for encryption and for HMRC, never for logs or documents. */
    public String reveal() {
        return value;
    }

    /** The number with all but its last three characters hidden, as shown everywhere in PeerPay. */
    public String masked() {
        return "*".repeat(value.length() - 3) + value.substring(value.length() - 3);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NiNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
