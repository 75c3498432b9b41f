package org.peerpay.operations;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.peerpay.support.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import picocli.CommandLine;

/** Runs {@code peerpay} commands as the jar would, capturing what they print. */
abstract class CommandLineTest extends DatabaseTest {

    @Autowired
    AutowireCapableBeanFactory beans;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int peerpay(String... args) {
        CommandLine commandLine = CommandLineEntry.commandLine(beans);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
