package org.peerpay.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * Every log line's message as written, with personal data and secrets masked, whoever logged it (PeerPay, Spring,
 * a driver's error): anything shaped like an NI number, valid or not (HMRC's own test prefix QQ too), ({@code AB 12 34 56 C} reads {@code AB******C}), sort codes ({@code **-**-56}),
 * bank account numbers ({@code ****1234}) and password values. Wired in {@code logback-spring.xml} as
 * {@code %msg}.
 */
public class MaskingMessageConverter extends MessageConverter {

    private static final Pattern NI_NUMBER = Pattern.compile(
            "\\b([A-Z]{2})\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?([A-D])\\b");
    private static final Pattern SORT_CODE = Pattern.compile("\\b\\d{2}-\\d{2}-(\\d{2})\\b");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\b\\d{4}(\\d{4})\\b");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password[\"']?\\s*[=:]\\s*[\"']?)[^\\s,;\"'&]+");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    public static String mask(String message) {
        if (message == null) {
            return null;
        }
        String masked = NI_NUMBER.matcher(message).replaceAll("$1******$2");
        masked = SORT_CODE.matcher(masked).replaceAll("**-**-$1");
        masked = ACCOUNT_NUMBER.matcher(masked).replaceAll("****$1");
        return PASSWORD.matcher(masked).replaceAll("$1********");
    }
}
