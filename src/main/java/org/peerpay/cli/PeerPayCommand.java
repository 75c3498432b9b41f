package org.peerpay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code peerpay}: with no command it runs {@code nightly}. */
@Command(name = "peerpay", mixinStandardHelpOptions = true, version = "PeerPay 0.1",
        description = "Payroll and timesheets for personal budgets.",
        subcommands = {NightlyCommand.class, ReferenceCommand.class, ImportCommand.class, PayrollCommand.class,
                StatementsCommand.class, LedgerCommand.class, CalcCommand.class, BenchCommand.class,
                ServeCommand.class, UsersCommand.class, JobsCommand.class, BackupCommand.class,
                BackupCommand.Restore.class, RetentionCommand.class, RtiCommand.class,
                PaymentsCommand.class, WorkerCommand.class})
class PeerPayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return spec.commandLine().getSubcommands().get("nightly").execute();
    }
}
