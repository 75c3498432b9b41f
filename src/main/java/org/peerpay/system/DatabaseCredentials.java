package org.peerpay.system;

import java.io.IOException;
import java.nio.file.Path;
import org.peerpay.system.EmbeddedPostgres.Login;

/**
 * The embedded server's passwords, generated once, each in a file of the data directory that only its owner may
 * read ({@code pg-owner.password}, {@code pg-application.password}), beside the data key. The owner's file holds the
 * password alone, as {@code initdb --pwfile} reads it.
 */
final class DatabaseCredentials {

    private final Path ownerFile;
    private final Login owner;
    private final Login application;

    private DatabaseCredentials(Path ownerFile, Login owner, Login application) {
        this.ownerFile = ownerFile;
        this.owner = owner;
        this.application = application;
    }

    static Path file(Path dataDir) {
        return dataDir.resolve("pg-owner.password");
    }

    static DatabaseCredentials readOrCreate(Path dataDir) throws IOException {
        Path ownerFile = file(dataDir);
        String ownerPassword = OwnerOnlyFile.readOrCreate(ownerFile, () -> OwnerOnlyFile.randomText(24));
        String applicationPassword = OwnerOnlyFile.readOrCreate(dataDir.resolve("pg-application.password"),
                () -> OwnerOnlyFile.randomText(24));
        return new DatabaseCredentials(ownerFile, new Login(EmbeddedPostgres.OWNER_ROLE, ownerPassword),
                new Login(EmbeddedPostgres.APPLICATION_ROLE, applicationPassword));
    }

    Path ownerPasswordFile() {
        return ownerFile;
    }

    Login owner() {
        return owner;
    }

    Login application() {
        return application;
    }
}
