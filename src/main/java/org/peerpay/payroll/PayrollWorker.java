package org.peerpay.payroll;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.peerpay.system.RemotePartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * A worker process of pay runs ({@code peerpay worker}): on {@code peerpay.payroll.threads} threads, takes the
 * partitions that managers (pay runs started with {@code peerpay.payroll.remote-workers}) hand out through the
 * database, and pays them. When asked to stop it takes no more, and gives those in hand up to 30 seconds to end; one
 * that does not is handed out again by its manager when this process has gone, to go on from its last commit.
 */
@Service
public class PayrollWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PayrollWorker.class);

    private final RemotePartitions partitions;
    private final Step payEmployersStep;
    private final PayrollProperties properties;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean working;

    PayrollWorker(RemotePartitions partitions, @Qualifier("payEmployersStep") Step payEmployersStep,
                  PayrollProperties properties) {
        this.partitions = partitions;
        this.payEmployersStep = payEmployersStep;
        this.properties = properties;
    }

    /** Starts working, on threads of its own, until the process is stopped. */
    public synchronized void work() {
        working = true;
        for (int i = 1; i <= properties.threads(); i++) {
            Thread thread = new Thread(this::takeRequests, "pay-run-worker-" + i);
            threads.add(thread);
            thread.start();
        }
        log.info("Pay run worker started with {} threads: waiting for partitions of pay runs", threads.size());
    }

    private void takeRequests() {
        while (working) {
            try {
                if (!partitions.workOnNext(payEmployersStep)) {
                    TimeUnit.MILLISECONDS.sleep(properties.workerPollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("A partition request could not be taken: {}; trying again", e.getMessage());
                log.debug("partition request failure in full", e);
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            TimeUnit.MILLISECONDS.sleep(properties.workerPollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        // started by the worker command only, through work()
    }

    @Override
    public synchronized void stop() {
        working = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return working;
    }
}
