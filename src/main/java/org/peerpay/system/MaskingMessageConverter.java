package org.peerpay.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Every log line's message as written, masked by {@link PersonalData#mask}, whoever logged it (PeerPay, Spring, a
 * driver's error). Wired in {@code logback-spring.xml} as {@code %msg}.
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalData.mask(super.convert(event));
    }
}
