package org.peerpay.system;

import java.util.regex.Pattern;

/**
 * The one rule for masking personal data and secrets in free text: anything shaped like an NI number, valid or not
 * (HMRC's test prefix QQ too; {@code AB 12 34 56 C} reads {@code AB******C}), a sort code ({@code **-**-56}), a bank
 * account number ({@code ****1234}) and a password's value. Logs are masked with it on their way out, and text that
 * people type where none of these belongs (a timesheet's cells) is masked with it as it is read.
 */
public final class PersonalData {

    private static final Pattern NI_NUMBER = Pattern.compile(
            "\\b([A-Z]{2})\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?([A-D])\\b");
    private static final Pattern SORT_CODE = Pattern.compile("\\b\\d{2}-\\d{2}-(\\d{2})\\b");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\b\\d{4}(\\d{4})\\b");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password[\"']?\\s*[=:]\\s*[\"']?)[^\\s,;\"'&]+");

    private PersonalData() {
    }

    /** The text with every NI number, sort code, account number and password value in it masked; null stays null. */
    public static String mask(String text) {
        if (text == null || cannotHold(text)) {
            return text;
        }
        String masked = NI_NUMBER.matcher(text).replaceAll("$1******$2");
        masked = SORT_CODE.matcher(masked).replaceAll("**-**-$1");
        masked = ACCOUNT_NUMBER.matcher(masked).replaceAll("****$1");
        return PASSWORD.matcher(masked).replaceAll("$1********");
    }

    /**
     * True when the text has none of the shapes the patterns look for, decided in one pass without a regex (the
     * common case: a date, a time, a ref, a note): no two letters before a group of digits with six digits in all
     * (an NI number), no run of exactly eight digits (an account), no three two-digit runs joined by '-' (a sort
     * code), no "password". It may say false for text the patterns then leave alone, never true for text they mask.
     */
    private static boolean cannotHold(String text) {
        int run = 0;
        int pairs = 0;
        int digits = 0;
        boolean lettersBeforeDigits = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                lettersBeforeDigits |= run == 0 && twoLettersBefore(text, i);
                run++;
                digits++;
                continue;
            }
            if (run > 0) {
                if (run == 8) {
                    return false;
                }
                if (run == 2) {
                    if (++pairs == 3) {
                        return false;
                    }
                    if (c != '-') {
                        pairs = 0;
                    }
                } else {
                    pairs = 0;
                }
                run = 0;
            } else {
                pairs = 0;
            }
            if ((c == 'p' || c == 'P') && text.regionMatches(true, i, "password", 0, 8)) {
                return false;
            }
        }
        return !(lettersBeforeDigits && digits >= 6);
    }

    /** Two letters just before position i, or before a space just before it ({@code AB 12...}). */
    private static boolean twoLettersBefore(String text, int i) {
        int j = i > 0 && text.charAt(i - 1) == ' ' ? i - 2 : i - 1;
        return j >= 1 && Character.isLetter(text.charAt(j)) && Character.isLetter(text.charAt(j - 1));
    }
}
