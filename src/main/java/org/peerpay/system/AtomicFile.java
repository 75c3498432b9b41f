package org.peerpay.system;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file written whole or not at all: the bytes go to {@code <name>.partial} beside it, which {@link #commit()}
 * moves into place and {@link #close()} deletes when the file was never committed. Nobody sees half a file.
 */
public final class AtomicFile implements Closeable {

    private final Path destination;
    private final Path partial;
    private final OutputStream out;
    private boolean committed;

    private AtomicFile(Path destination, boolean ownerOnly) throws IOException {
        this.destination = destination;
        Files.createDirectories(destination.toAbsolutePath().getParent());
        this.partial = destination.resolveSibling(destination.getFileName() + ".partial");
        if (ownerOnly) {
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        this.out = Files.newOutputStream(partial);
    }

    public static AtomicFile create(Path destination) {
        return create(destination, false);
    }

    /**
     * As {@link #create(Path)}, for a file only its owner may read (mode 0600 from the moment it exists): a filing or
     * payment file, which carries NI numbers or bank details in clear because HMRC or the bank needs them.
     */
    public static AtomicFile createOwnerOnly(Path destination) {
        return create(destination, true);
    }

    private static AtomicFile create(Path destination, boolean ownerOnly) {
        try {
            return new AtomicFile(destination, ownerOnly);
        } catch (IOException e) {
            throw failed(destination, e);
        }
    }

    /** Where to write; not to be closed by the caller. */
    public OutputStream stream() {
        return out;
    }

    public Path destination() {
        return destination;
    }

    /** Moves the finished file into place. */
    public void commit() {
        try {
            out.close();
            Files.move(partial, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw failed(destination, e);
        }
    }

    /** Deletes the file if it was never committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            out.close();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw failed(destination, e);
        }
    }

    public static UncheckedIOException failed(Path destination, IOException e) {
        return new UncheckedIOException("Could not write " + destination + ": " + e.getMessage(), e);
    }
}
