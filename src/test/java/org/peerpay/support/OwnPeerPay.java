package org.peerpay.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peerpay.PeerPayApplication;

/** Another PeerPay process on a data directory of its own (its own embedded PostgreSQL), as an operator runs it. */
public final class OwnPeerPay {

    private OwnPeerPay() {
    }

    /**
     * Starts {@code peerpay ARGS} with its data and output directories, more environment (a data key, say), and its
     * output (both streams) in a log file.
     */
    public static Process start(Path dataDir, Path outDir, Map<String, String> environment, Path log, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), PeerPayApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        process.environment().remove("SPRING_DATASOURCE_URL");
        process.environment().put("PEERPAY_DATA_DIR", dataDir.toString());
        process.environment().put("PEERPAY_OUT_DIR", outDir.toString());
        process.environment().putAll(environment);
        return process.start();
    }
}
