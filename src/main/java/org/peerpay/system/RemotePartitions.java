package org.peerpay.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Spring Batch remote partitioning with PostgreSQL as the only server: the job repository is shared, and the channel
 * from the manager to the workers is a Spring Integration {@link QueueChannel} kept in the database by a
 * {@link JdbcChannelMessageStore} ({@code int_channel_message}). The manager hands out each partition as a
 * {@link StepExecutionRequest} and waits for the partitions' step executions in the job repository; a worker process
 * ({@code peerpay worker}) takes requests one at a time per thread and runs them with Spring Batch's
 * {@link StepExecutionRequestHandler}.
 *
 * <p>A worker holds a database lock named after the partition's step execution while it runs it, so the manager can
 * tell a partition being worked on from one whose worker died: taken from the channel, not finished, and its lock
 * free. It hands such a partition out again, and the next worker goes on from the partition's last commit (its
 * restart point is in its step execution). A request for a partition that another worker holds, or that has
 * finished, is dropped, so a partition never runs twice at once.
 */
@Component
public class RemotePartitions {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitions.class);
    static final String REGION = "peerpay";
    static final String GROUP = "partition-requests";
    private static final Duration WAITING_REPORT = Duration.ofMinutes(1);

    private final JobRepository jobRepository;
    private final DatabaseLocks locks;
    private final JdbcTemplate jdbc;
    private final QueueChannel requests;

    RemotePartitions(DataSource dataSource, JobRepository jobRepository, DatabaseLocks locks) {
        this.jobRepository = jobRepository;
        this.locks = locks;
        this.jdbc = new JdbcTemplate(dataSource);
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion(REGION);
        // a request is read back by Java deserialisation: of these classes only
        store.addAllowedPatterns(StepExecutionRequest.class.getName(), GenericMessage.class.getName(),
                MessageHeaders.class.getName(), "java.util.UUID", "java.util.HashMap", "java.lang.Long",
                "java.lang.Number", "java.lang.String");
        store.afterPropertiesSet();
        this.requests = new QueueChannel(new MessageGroupQueue(store, GROUP));
    }

    /** The manager's side: hands each partition to the workers and waits until every one has finished. */
    public PartitionHandler manager(String workerStepName, int gridSize, Duration pollInterval) {
        AbstractPartitionHandler handler = new AbstractPartitionHandler() {
            @Override
            protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions)
                    throws InterruptedException {
                return handOutAndWait(workerStepName, manager, partitions, pollInterval);
            }
        };
        handler.setGridSize(gridSize);
        return handler;
    }

    private Set<StepExecution> handOutAndWait(String workerStepName, StepExecution manager,
                                              Set<StepExecution> partitions, Duration pollInterval)
            throws InterruptedException {
        Map<Long, String> queued = new HashMap<>();
        for (StepExecution partition : partitions) {
            queued.put(partition.getId(), send(workerStepName, partition.getId()));
        }
        log.info("{}: {} partitions handed to the workers (peerpay worker) through the database", manager
                .getStepName(), partitions.size());
        Map<Long, StepExecution> finished = new HashMap<>();
        long nextReport = System.nanoTime() + WAITING_REPORT.toNanos();
        while (finished.size() < partitions.size()) {
            Thread.sleep(pollInterval.toMillis());
            if (System.nanoTime() > nextReport) {
                nextReport = System.nanoTime() + WAITING_REPORT.toNanos();
                log.info("{}: {} of {} partitions finished; waiting for the workers (start one with peerpay worker"
                        + " on this database if none is running)", manager.getStepName(), finished.size(),
                        partitions.size());
            }
            for (StepExecution partition : partitions) {
                long id = partition.getId();
                if (finished.containsKey(id)) {
                    continue;
                }
                // the lock first: a worker records the partition's end before it lets its lock go
                boolean held = heldByAWorker(id);
                StepExecution now = jobRepository.getStepExecution(id);
                if (now != null && !now.getStatus().isRunning()) {
                    finished.put(id, now);
                } else if (!held && !stillQueued(queued.get(id))) {
                    log.warn("{}: the worker running {} stopped before it finished; handed out again, to go on from"
                            + " its last commit", manager.getStepName(), partition.getStepName());
                    queued.put(id, send(workerStepName, id));
                }
            }
        }
        return new HashSet<>(finished.values());
    }

    private String send(String workerStepName, long stepExecutionId) {
        Message<StepExecutionRequest> request = MessageBuilder
                .withPayload(new StepExecutionRequest(workerStepName, stepExecutionId)).build();
        requests.send(request);
        return request.getHeaders().getId().toString();
    }

    private boolean stillQueued(String messageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from int_channel_message"
                + " where region = ? and message_id = ?)", Boolean.class, REGION, messageId));
    }

    private boolean heldByAWorker(long stepExecutionId) {
        return locks.tryHolding(lockOf(stepExecutionId), () -> Boolean.TRUE).isEmpty();
    }

    private static String lockOf(long stepExecutionId) {
        return "peerpay.partition." + stepExecutionId;
    }

    /**
     * The worker's side: takes the next partition request, if there is one, and runs it to its end holding its lock.
     *
     * @param step the worker step the requests name
     * @return whether a request was taken (run, or dropped as another worker's or finished)
     */
    public boolean workOnNext(Step step) {
        Message<?> message = requests.receive(0);
        if (message == null) {
            return false;
        }
        StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
        if (!request.getStepName().equals(step.getName())) {
            log.error("A partition request for step {} was dropped: this worker runs {}", request.getStepName(),
                    step.getName());
            return true;
        }
        long id = request.getStepExecutionId();
        boolean ran = locks.tryHolding(lockOf(id), () -> {
            StepExecution partition = jobRepository.getStepExecution(id);
            if (partition == null || !partition.getStatus().isRunning()) {
                return false;
            }
            StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
            handler.setJobRepository(jobRepository);
            handler.setStepLocator(name -> step);
            StepExecution result = handler.handle(request);
            if (result.getStatus() != BatchStatus.COMPLETED) {
                settle(result);
            }
            log.info("{} {}", result.getStepName(), result.getStatus());
            return true;
        }).orElse(false);
        if (!ran) {
            log.debug("partition request for step execution {} dropped: finished, or another worker has it", id);
        }
        return true;
    }

    /** Records a partition's failure that the step could not record itself, so the manager sees it end. */
    private void settle(StepExecution result) {
        StepExecution stored = jobRepository.getStepExecution(result.getId());
        if (stored != null && stored.getStatus().isRunning()) {
            stored.setStatus(result.getStatus());
            stored.setExitStatus(result.getExitStatus());
            jobRepository.update(stored);
        }
    }
}
