package org.peerpay.cli;

import java.util.concurrent.CountDownLatch;
import org.peerpay.payroll.PayrollWorker;
import picocli.CommandLine.Command;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Work on the partitions of pay runs that a manager (a PeerPay started with"
                + " --peerpay.payroll.remote-workers=true) hands out through the database, on"
                + " peerpay.payroll.threads threads, until stopped (Ctrl-C, SIGTERM). Give every worker and the"
                + " manager the same database (SPRING_DATASOURCE_URL) and data key (PEERPAY_DATA_KEY).")
class WorkerCommand extends CliCommand {

    @Override
    public Integer call() throws InterruptedException {
        bean(PayrollWorker.class).work();
        out().println("Pay run worker started: waiting for partitions of pay runs (stop it with Ctrl-C)");
        out().flush();
        new CountDownLatch(1).await(); // until the process is stopped; the shutdown hook stops the worker
        return 0;
    }
}
