package org.peerpay.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files written as one zip, each under its path relative to a folder they share, as it streams out. */
public final class ZipOfFiles {

    private ZipOfFiles() {
    }

    /**
     * Writes the files that exist (a missing one is left out) to {@code to}, which is not closed.
     *
     * @return how many files it holds
     */
    public static int write(Path base, Collection<Path> files, OutputStream to) {
        int written = 0;
        try {
            ZipOutputStream zip = new ZipOutputStream(to);
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(base.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
                written++;
            }
            zip.finish();
            zip.flush();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the zip of " + base + ": " + e.getMessage(), e);
        }
    }
}
