package org.peerpay.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a PeerPay process that died (killed, or the machine lost power) may leave on its PostgreSQL data directory:
 * the server itself, still running with no one to stop it, or its {@code postmaster.pid} naming a process that is
 * gone, or that is now some other program. Called holding the data directory's lock, so no live PeerPay owns a
 * server found there.
 *
 * <p>A server of the directory is a process whose working directory is it (PostgreSQL's processes all work in
 * their data directory); it is asked to stop (a fast shutdown: open transactions roll back, as after a crash),
 * and killed if it will not. A pid file that names no such process is stale and removed: PostgreSQL would
 * otherwise refuse to start while any process holds that pid.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    private static final long STOP_SECONDS = 30;

    private LeftoverServer() {
    }

    static void stopAny(Path pg) {
        Path pidFile = pg.resolve("postmaster.pid");
        if (Files.notExists(pidFile)) {
            return;
        }
        List<ProcessHandle> servers = ProcessHandle.allProcesses().filter(p -> worksIn(p, pg)).toList();
        if (!servers.isEmpty()) {
            Optional<Long> postmaster = pidIn(pidFile);
            log.warn("A PostgreSQL server (pid {}) left running on {} by a PeerPay process that stopped without"
                    + " shutting it down: stopping it", postmaster.map(String::valueOf).orElse("?"), pg);
            postmaster.flatMap(ProcessHandle::of).ifPresent(LeftoverServer::fastShutdown);
            if (!awaitExit(servers, STOP_SECONDS)) {
                servers.forEach(ProcessHandle::destroyForcibly);
                if (!awaitExit(servers, 10)) {
                    throw new UserFacingException("A PostgreSQL server left running on " + pg + " by a PeerPay"
                            + " process that stopped will not stop (processes " + servers.stream()
                            .filter(ProcessHandle::isAlive).map(p -> String.valueOf(p.pid())).toList()
                            + "). Stop them (kill -9) and run the command again.");
                }
            }
        }
        if (Files.exists(pidFile)) {
            log.warn("Removed a stale {}: it names pid {}, which is not a PostgreSQL server of this directory",
                    pidFile, pidIn(pidFile).map(String::valueOf).orElse("(none)"));
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove the stale " + pidFile + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean worksIn(ProcessHandle process, Path pg) {
        try {
            return Files.isSameFile(Path.of("/proc", String.valueOf(process.pid()), "cwd"), pg);
        } catch (IOException | SecurityException notOursOrGone) {
            return false;
        }
    }

    static Optional<Long> pidIn(Path pidFile) {
        try (var lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::strip).filter(s -> s.matches("\\d{1,10}")).map(Long::valueOf);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** SIGINT: PostgreSQL's fast shutdown (ProcessHandle can only send SIGTERM, a smart shutdown, or SIGKILL). */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return !process.isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
