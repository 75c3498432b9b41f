package org.peerpay.cli;

import java.util.function.Function;
import org.springframework.beans.factory.BeanFactory;

/**
 * The application's services as a command asks for them. The application context (and with it the database)
 * starts at the first request, so help, version and usage errors answer at once.
 */
public final class Beans {

    /** Starts the application; given true, as the web application. */
    private final Function<Boolean, ? extends BeanFactory> start;
    private BeanFactory factory;
    private boolean web;

    public Beans(Function<Boolean, ? extends BeanFactory> start) {
        this.start = start;
    }

    /** The application, when it starts, serves the web pages (for {@code serve}; call before the first bean). */
    void startAsWebApplication() {
        if (factory != null) {
            throw new IllegalStateException("the application has already started");
        }
        web = true;
    }

    public <T> T get(Class<T> type) {
        if (factory == null) {
            factory = start.apply(web);
        }
        return factory.getBean(type);
    }
}
