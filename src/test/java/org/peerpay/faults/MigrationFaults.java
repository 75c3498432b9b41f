package org.peerpay.faults;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A fault for tests, present only in a PeerPay started with {@code --peerpay.test.halt-in-migration=VERSION}: the
 * process stops dead ({@link Runtime#halt}, as {@code kill -9}) inside that database migration, its changes made and
 * not yet committed.
 */
@Component
@ConditionalOnProperty("peerpay.test.halt-in-migration")
class MigrationFaults implements Callback {

    private final String version;

    MigrationFaults(@Value("${peerpay.test.halt-in-migration}") String version) {
        this.version = version;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (context.getMigrationInfo().getVersion().getVersion().equals(version)) {
            System.out.println("HALT in migration " + version);
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    @Override
    public String getCallbackName() {
        return "halt in migration " + version;
    }
}
