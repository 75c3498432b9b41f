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

    /** Fewer than six digits and no "password": nothing to mask (the common case, decided without a regex). */
    private static boolean cannotHold(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && ++digits >= 6) {
                return false;
            }
            if ((c == 'p' || c == 'P') && text.regionMatches(true, i, "password", 0, 8)) {
                return false;
            }
        }
        return true;
    }
}
