package org.peerpay.operations;

import java.util.Arrays;
import org.peerpay.payroll.PayPeriod;
import org.peerpay.system.JobFailedException;
import org.peerpay.system.UserFacingException;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Hands the program arguments to picocli once the context is up; the exit code follows DESIGN.md: 0 done,
 * 1 a job failed, 2 bad usage or bad input. Spring's own {@code --spring.*}, {@code --peerpay.*} and
 * {@code --logging.*} arguments are left to Spring.
 */
@Component
@Profile("!test")
class CommandLineEntry implements CommandLineRunner, ExitCodeGenerator {

    private final AutowireCapableBeanFactory beans;
    private int exitCode;

    CommandLineEntry(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void run(String... args) {
        String[] commandArgs = Arrays.stream(args)
                .filter(arg -> !arg.startsWith("--spring.") && !arg.startsWith("--peerpay.")
                        && !arg.startsWith("--logging."))
                .toArray(String[]::new);
        exitCode = commandLine(beans).execute(commandArgs);
    }

    static CommandLine commandLine(AutowireCapableBeanFactory beans) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type.getPackageName().startsWith("org.peerpay")
                        ? beans.createBean(type) : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = new CommandLine(PeerPayCommand.class, factory);
        commandLine.registerConverter(PayPeriod.class, id -> {
            try {
                return PayPeriod.parse(id);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            if (failure instanceof JobFailedException) {
                line.getErr().println(failure.getMessage());
                return 1;
            }
            return UserFacingException.find(failure).map(problem -> {
                line.getErr().println(problem.getMessage());
                return 2;
            }).orElseThrow(() -> failure);
        });
        return commandLine;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
