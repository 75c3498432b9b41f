package org.peerpay.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.peerpay.support.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.BeanFactory;
import picocli.CommandLine;

/** Runs {@code peerpay} commands as the jar would, capturing what they print. */
public abstract class CommandLineTest extends DatabaseTest {

    @Autowired
    BeanFactory beans;

    protected final StringWriter out = new StringWriter();
    protected final StringWriter err = new StringWriter();

    protected int peerpay(String... args) {
        CommandLine commandLine = CommandLineEntry.commandLine(new Beans(web -> beans));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
