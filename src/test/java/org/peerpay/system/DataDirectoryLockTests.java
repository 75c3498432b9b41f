package org.peerpay.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTests {

    @TempDir
    Path dataDir;

    /** Holds the lock of a data directory from another process, as a second PeerPay would. */
    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            channel.lock();
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }

    @Test
    void refusesADataDirectoryThatAnotherProcessIsUsing() throws Exception {
        Files.createDirectories(dataDir);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DataDirectoryLockTests.class.getName(),
                dataDir.resolve("peerpay.lock").toString()).start();
        try {
            assertThat(new BufferedReader(new InputStreamReader(other.getInputStream())).readLine())
                    .isEqualTo("locked");

            assertThatThrownBy(() -> EmbeddedPostgres.open(dataDir))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Another PeerPay process is using the data directory " + dataDir.toAbsolutePath()
                            + " (it holds " + dataDir.toAbsolutePath().resolve("peerpay.lock") + "). Wait for it to"
                            + " finish, or set PEERPAY_DATA_DIR to another directory.");
            assertThat(dataDir.resolve("pg")).doesNotExist();
        } finally {
            other.destroy();
        }
    }
}
