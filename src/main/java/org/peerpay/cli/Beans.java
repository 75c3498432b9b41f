package org.peerpay.cli;

import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactory;

/**
 * The application's services as a command asks for them. The application context (and with it the database)
 * starts at the first request, so help, version and usage errors answer at once.
 */
public final class Beans {

    private final Supplier<? extends BeanFactory> start;
    private BeanFactory factory;

    public Beans(Supplier<? extends BeanFactory> start) {
        this.start = start;
    }

    public <T> T get(Class<T> type) {
        if (factory == null) {
            factory = start.get();
        }
        return factory.getBean(type);
    }
}
