package org.peerpay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Help, version and usage errors are answered from the command line alone: the application never starts. */
class CommandLineEntryTest {

    @ParameterizedTest(name = "peerpay {0} exits {1}")
    @CsvSource(delimiter = '|', value = {
            "--help                         | 0 | Usage: peerpay",
            "--version                      | 0 | PeerPay 0.1",
            "payroll --help                 | 0 | Usage: peerpay payroll",
            "nightly --help                 | 0 | --as-of=DATE",
            "payrol --period 2026-27/4W08   | 2 | Unmatched argument",
            "payroll                        | 2 | Missing required option: '--period=ID'",
            "payroll --period 2026-27/4W99  | 2 | --period",
            "import                         | 2 | Missing required parameter"})
    void answersWithoutStartingTheApplication(String args, int exitCode, String says) {
        List<String[]> starts = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        int exit;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            exit = CommandLineEntry.run(args.split(" +"), springArgs -> {
                starts.add(springArgs);
                throw new IllegalStateException("the application was started");
            });
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(starts).as("application starts").isEmpty();
        assertThat(exit).isEqualTo(exitCode);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(says);
    }

    @ParameterizedTest
    @CsvSource({"--peerpay.out-dir=/tmp/x", "--logging.level.org.peerpay=DEBUG", "--spring.main.banner-mode=off"})
    void handsSpringItsOwnArgumentsWhenACommandNeedsTheApplication(String springArg) {
        List<String[]> starts = new ArrayList<>();

        int exit = CommandLineEntry.run(new String[] {"ledger", "check", springArg}, springArgs -> {
            starts.add(springArgs);
            throw new IllegalStateException("stop here");
        });

        assertThat(starts).singleElement().satisfies(args -> assertThat(args).containsExactly(springArg));
        assertThat(exit).as("a start-up failure that is not the user's input").isEqualTo(1);
    }
}
