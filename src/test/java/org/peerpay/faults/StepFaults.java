package org.peerpay.faults;

import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Faults for tests, present only in a PeerPay started with {@code peerpay.test.step-faults=true}: something happens
 * at the Nth commit inside a named step (or a named transactional method), its work done and not yet committed. With
 * {@code --peerpay.test.halt-in-step=STEP} (and {@code halt-at-commit=N}) the process stops dead there
 * ({@link Runtime#halt}: what {@code kill -9} does to a JVM, no shutdown hook, no finally block); a test in the same
 * process can {@link #arm} any other fault. So a test can stop a job at an exact point of any step, which a kill
 * from outside, timed by watching the database, cannot do for a step that takes milliseconds.
 */
@Component
@ConditionalOnProperty("peerpay.test.step-faults")
public class StepFaults implements BeanPostProcessor {

    private record Armed(String step, int commit, Runnable fault, AtomicInteger commits) {
    }

    private static volatile Armed armed;

    StepFaults(@Value("${peerpay.test.halt-in-step:}") String haltIn,
               @Value("${peerpay.test.halt-at-commit:1}") int commit) {
        if (!haltIn.isEmpty()) {
            arm(haltIn, commit, () -> {
                System.out.println("HALT in " + haltIn + " at commit " + commit);
                System.out.flush();
                Runtime.getRuntime().halt(137);
            });
        }
    }

    /** The fault happens once, at the {@code commit}th commit inside the step, in whatever thread runs it. */
    public static void arm(String step, int commit, Runnable fault) {
        armed = new Armed(step, commit, fault, new AtomicInteger());
    }

    public static void disarm() {
        armed = null;
    }

    /**
     * Whether this thread is in the named place: a batch step of that name (or a partition of it, named
     * {@code step:partition}), or a transaction of a method whose name
     * ends so ({@code BudgetStatements.write}: a {@code @Transactional} method's transaction is named after it).
     */
    private static boolean in(String place) {
        StepContext step = StepSynchronizationManager.getContext();
        if (step != null && (step.getStepName().equals(place) || step.getStepName().startsWith(place + ":"))) {
            return true;
        }
        String transaction = TransactionSynchronizationManager.getCurrentTransactionName();
        return transaction != null && transaction.endsWith("." + place);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof PlatformTransactionManager)) {
            return bean;
        }
        // proxied by its interfaces: a subclass proxy would call the final getTransaction on an uninitialised copy
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.addAdvice((MethodInterceptor) call -> {
            Armed now = armed;
            if (now != null && call.getMethod().getName().equals("commit") && in(now.step())
                    && now.commits().incrementAndGet() == now.commit()) {
                now.fault().run();
            }
            return call.proceed();
        });
        return proxy.getProxy();
    }
}
