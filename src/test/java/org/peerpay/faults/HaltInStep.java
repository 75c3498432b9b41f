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

/**
 * A fault for tests, present only in a PeerPay process started with {@code --peerpay.test.halt-in-step=STEP}: the
 * process stops dead ({@link Runtime#halt}: what {@code kill -9} does to a JVM, no shutdown hook, no finally block)
 * at the {@code peerpay.test.halt-at-commit}th commit inside that step, its work done and not yet committed. So a
 * test can stop a job at an exact point of any step, which a kill from outside, timed by watching the database,
 * cannot do for a step that takes milliseconds.
 */
@Component
@ConditionalOnProperty("peerpay.test.halt-in-step")
class HaltInStep implements BeanPostProcessor {

    private final String step;
    private final int commit;
    private final AtomicInteger commits = new AtomicInteger();

    HaltInStep(@Value("${peerpay.test.halt-in-step}") String step,
               @Value("${peerpay.test.halt-at-commit:1}") int commit) {
        this.step = step;
        this.commit = commit;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof PlatformTransactionManager)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        // by its interfaces: a subclass proxy would call the final getTransaction on an uninitialised copy
        proxy.addAdvice((MethodInterceptor) call -> {
            StepContext context = StepSynchronizationManager.getContext();
            if (call.getMethod().getName().equals("commit") && context != null
                    && context.getStepName().equals(step) && commits.incrementAndGet() == commit) {
                System.out.println("HALT in " + step + " at commit " + commit);
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
            return call.proceed();
        });
        return proxy.getProxy();
    }
}
