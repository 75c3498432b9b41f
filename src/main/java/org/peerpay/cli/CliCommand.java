package org.peerpay.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command: options parsed by picocli, then the work done by a module's service, asked for by type. */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    Beans beans;

    <T> T bean(Class<T> type) {
        return beans.get(type);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
