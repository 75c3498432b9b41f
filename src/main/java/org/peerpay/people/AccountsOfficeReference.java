package org.peerpay.people;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An employer's Accounts Office reference, the reference it pays HMRC with and that every FPS and EPS carries:
 * three digits, {@code P}, a check letter, seven digits and a digit or {@code X} ({@code 123PW12345678}). The check
 * letter is HMRC's modulus 23 over the other twelve characters: weights 9, 10, 11, 12, (the check letter), 8, 7, 6,
 * 5, 4, 3, 2, 1; a digit counts as itself and a letter as HMRC numbers it (A = 33 ... Z = 53, with HMRC's own order
 * for X, Y, U); the remainder picks the letter from {@code ABCDEFGHXJKLMNYPQRSTZVW}.
 */
public record AccountsOfficeReference(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{3}P[A-Z][0-9]{7}[0-9X]");
    private static final int[] WEIGHTS = {9, 10, 11, 12, 0, 8, 7, 6, 5, 4, 3, 2, 1};
    private static final String REMAINDERS = "ABCDEFGHXJKLMNYPQRSTZVW";
    /** HMRC's numbers for letters A to Z (I and O never occur). */
    private static final int[] LETTERS = {33, 34, 35, 36, 37, 38, 39, 40, 0, 42, 43, 44, 45, 46, 0, 48, 49, 50, 51,
            52, 56, 54, 55, 41, 47, 53};

    public AccountsOfficeReference {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("is not an Accounts Office reference: it has 13 characters, like"
                    + " 123PW12345678 (three digits, P, a letter, seven digits, then a digit or X)");
        }
        if (checkLetter(value) != value.charAt(4)) {
            throw new IllegalArgumentException("is not an Accounts Office reference: its check letter (the fifth"
                    + " character) does not match the rest; copy it again from HMRC's letter");
        }
    }

    /** Reads a reference as people write it (any case, spaces anywhere). */
    public static AccountsOfficeReference parse(String text) {
        return new AccountsOfficeReference(text.replace(" ", "").toUpperCase(Locale.ROOT));
    }

    private static char checkLetter(String reference) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            char c = reference.charAt(i);
            sum += WEIGHTS[i] * (Character.isDigit(c) ? c - '0' : LETTERS[c - 'A']);
        }
        return REMAINDERS.charAt(sum % 23);
    }

    @Override
    public String toString() {
        return value;
    }
}
