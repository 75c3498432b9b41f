package org.peerpay.web;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.peerpay.system.Failures;
import org.peerpay.system.JobFailedException;
import org.peerpay.system.Jobs;
import org.peerpay.system.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Work a page starts and does not wait for (a pay run, a restart): run on two threads of its own, so the page
 * answers at once and the jobs page follows it. What each piece of work came to is kept here, the newest
 * {@value #KEPT}, for the jobs page; the durable record of the runs themselves is the job repository.
 */
@Component
class BackgroundWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);
    static final int KEPT = 20;
    private static final String RESTART_HERE = "What was committed is kept; restart it from the job runs on this"
            + " page.";

    enum State { WAITING, RUNNING, DONE, FAILED }

    /** One piece of work and what it came to. */
    static final class Task {
        private final long number;
        private final String what;
        private final String by;
        private final Instant requested;
        private volatile State state = State.WAITING;
        private volatile String outcome;

        Task(long number, String what, String by, Instant requested) {
            this.number = number;
            this.what = what;
            this.by = by;
            this.requested = requested;
        }

        public long number() {
            return number;
        }

        public String what() {
            return what;
        }

        public String by() {
            return by;
        }

        public Instant requested() {
            return requested;
        }

        public State state() {
            return state;
        }

        /** What it did, or why it failed, in a sentence; null until it ends. */
        public String outcome() {
            return outcome;
        }

        public boolean ongoing() {
            return state == State.WAITING || state == State.RUNNING;
        }
    }

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final Deque<Task> tasks = new ArrayDeque<>();
    private final AtomicLong numbers = new AtomicLong();

    BackgroundWork() {
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("peerpay-background-");
        executor.initialize();
    }

    /**
     * Starts the work; its result, said in a sentence by the work itself, is the task's outcome. A
     * {@link UserFacingException} is the outcome as it says it; anything else is logged and said in a line.
     */
    Task start(String what, String by, Supplier<String> work) {
        Task task = new Task(numbers.incrementAndGet(), what, by, Instant.now());
        synchronized (tasks) {
            tasks.addFirst(task);
            while (tasks.size() > KEPT) {
                tasks.removeLast();
            }
        }
        executor.execute(() -> {
            task.state = State.RUNNING;
            try {
                task.outcome = work.get();
                task.state = State.DONE;
            } catch (RuntimeException e) {
                task.outcome = said(what, e);
                task.state = State.FAILED;
            }
        });
        return task;
    }

    /** A failure as the page says it: a refusal as it is, a failed job with what to do from the web. */
    private static String said(String what, RuntimeException failure) {
        if (failure instanceof JobFailedException failed) {
            return failed.getMessage().replace(Jobs.RESTART_ADVICE, RESTART_HERE);
        }
        return UserFacingException.find(failure).map(UserFacingException::getMessage).orElseGet(() -> {
            log.error("{} failed: {}", what, Failures.rootMessage(failure));
            log.debug("{} failure in full", what, failure);
            return what + " failed: " + Failures.rootMessage(failure) + ". " + RESTART_HERE;
        });
    }

    /** The newest tasks first. */
    List<Task> tasks() {
        synchronized (tasks) {
            return List.copyOf(tasks);
        }
    }

    boolean anyOngoing() {
        return tasks().stream().anyMatch(Task::ongoing);
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
