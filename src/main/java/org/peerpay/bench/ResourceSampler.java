package org.peerpay.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Samples, five times a second while a benchmark runs, the JVM's heap in use, its heap in use after the last
 * collection (the live set: what the run holds, which is what must stay flat as inputs grow; the heap in use also
 * counts garbage not yet collected), its resident memory, and PostgreSQL's memory (the proportional set size of the embedded server's postmaster and every process it started; none when the
 * database is elsewhere), so that each phase's peaks can be read off afterwards. Linux only ({@code /proc}); elsewhere
 * the resident figures are 0.
 */
final class ResourceSampler implements AutoCloseable {

    /** One sample: when (System.nanoTime) and bytes. */
    record Sample(long at, long heapUsed, long heapAfterGc, long jvmResident, long postgresProportional) {
    }

    /** The largest of each figure over a time, in MiB. */
    record Peaks(long heapMb, long liveHeapMb, long jvmRssMb, long postgresMb) {
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();
    private final Thread thread;
    private volatile boolean running = true;

    private final Path postmasterPid;

    /** @param postmasterPid the embedded server's {@code postmaster.pid} (which may not exist) */
    ResourceSampler(Path postmasterPid) {
        this.postmasterPid = postmasterPid;
        thread = new Thread(this::sampleUntilClosed, "bench-resource-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sampleUntilClosed() {
        while (running) {
            sample();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void sample() {
        samples.add(new Sample(System.nanoTime(), memory.getHeapMemoryUsage().getUsed(),
                heapPools.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum(),
                kib(Path.of("/proc/self/status"), "VmRSS:") * 1024,
                postgres() * 1024));
    }

    /** The embedded server's processes' proportional set size, in kB. */
    private long postgres() {
        try {
            long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
            return ProcessHandle.of(pid).stream().flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p),
                            p.descendants()))
                    .mapToLong(p -> kib(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"), "Pss:")).sum();
        } catch (IOException | RuntimeException e) {
            return 0; // no embedded server
        }
    }

    /** The peaks between two moments (System.nanoTime), taking a sample now so a short phase has one. */
    Peaks peaks(long from, long to) {
        long heap = 0;
        long live = 0;
        long rss = 0;
        long postgres = 0;
        for (Sample s : samples) {
            if (s.at() >= from && s.at() <= to) {
                heap = Math.max(heap, s.heapUsed());
                live = Math.max(live, s.heapAfterGc());
                rss = Math.max(rss, s.jvmResident());
                postgres = Math.max(postgres, s.postgresProportional());
            }
        }
        return new Peaks(heap >> 20, live >> 20, rss >> 20, postgres >> 20);
    }

    /** A figure in kB from a /proc file's line starting with {@code key}; 0 when there is none. */
    private static long kib(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has just ended: no figure
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
