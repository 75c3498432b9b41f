package org.peerpay.cli;

import java.util.Arrays;
import java.util.function.Function;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.system.JobFailedException;
import org.peerpay.system.UserFacingException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Parses the command line before anything starts, and starts the application only for a command that needs it.
 * Exit codes follow DESIGN.md: 0 done, 1 a job failed, 2 bad usage or bad input. Spring's own
 * {@code --spring.*}, {@code --peerpay.*} and {@code --logging.*} arguments go to the application.
 */
public final class CommandLineEntry {

    private CommandLineEntry() {
    }

    /**
     * Runs a command line.
     *
     * @param start starts the application with the Spring arguments, when a command first needs a service
     * @return the exit code
     */
    public static int run(String[] args, Function<String[], ConfigurableApplicationContext> start) {
        String[] springArgs = Arrays.stream(args).filter(CommandLineEntry::isSpringArgument).toArray(String[]::new);
        String[] commandArgs = Arrays.stream(args).filter(arg -> !isSpringArgument(arg)).toArray(String[]::new);
        ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
        try {
            return commandLine(new Beans(web -> {
                try {
                    started[0] = start.apply(web ? withWebApplication(springArgs) : springArgs);
                } catch (RuntimeException startupFailure) {
                    throw new StartupFailed(startupFailure);
                }
                return started[0];
            })).execute(commandArgs);
        } finally {
            if (started[0] != null) {
                started[0].close();
            }
        }
    }

    private static String[] withWebApplication(String[] springArgs) {
        String[] args = Arrays.copyOf(springArgs, springArgs.length + 1);
        args[springArgs.length] = "--spring.main.web-application-type=servlet";
        return args;
    }

    private static boolean isSpringArgument(String arg) {
        return arg.startsWith("--spring.") || arg.startsWith("--peerpay.") || arg.startsWith("--logging.")
                || arg.startsWith("--server.");
    }

    static CommandLine commandLine(Beans beans) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof CliCommand command) {
                    command.beans = beans;
                }
                return made;
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
            if (failure instanceof StartupFailed startup) {
                // Spring's failure analysis has said what went wrong
                return UserFacingException.find(startup.getCause()).isPresent() ? 2 : 1;
            }
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

    /** The application could not start; Spring has reported why. */
    private static final class StartupFailed extends RuntimeException {
        StartupFailed(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
