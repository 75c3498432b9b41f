package org.peerpay.cli;

import java.util.concurrent.CountDownLatch;
import org.peerpay.people.People;
import org.peerpay.users.Users;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web application on server.port (default 8080) and serve until stopped (Ctrl-C,"
                + " SIGTERM). On the first start with no admin, an admin user is made and its password printed"
                + " once.")
class ServeCommand extends CliCommand {

    @Override
    public Integer call() throws InterruptedException {
        beans.startAsWebApplication();
        bean(Users.class).makeFirstAdmin().ifPresent(password -> {
            out().println("An admin user was made: sign in as admin with the password " + password);
            out().println("It is shown this once and kept nowhere: note it now, then add users for finance staff"
                    + " and coordinators.");
        });
        if (bean(People.class).serviceUserIds().isEmpty()) {
            out().println("There is no reference data yet, so an uploaded shift would be rejected. The nightly run"
                    + " loads it from peerpay.nightly.reference; to upload before then, stop PeerPay, run peerpay"
                    + " reference load DIR (sample-data/reference for the sample), and start it again.");
        }
        String port = bean(Environment.class).getProperty("local.server.port");
        out().printf("PeerPay is serving on http://localhost:%s/ (stop it with Ctrl-C)%n", port);
        out().flush();
        new CountDownLatch(1).await(); // until the process is stopped; the shutdown hook closes the application
        return 0;
    }
}
