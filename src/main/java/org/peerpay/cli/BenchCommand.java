package org.peerpay.cli;

import java.nio.file.Path;
import java.util.List;
import org.peerpay.bench.Benchmarks;
import org.peerpay.bench.ScalingChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "The benchmark: a synthetic council and a timesheet file, PostgreSQL's bare COPY of that file"
                + " (the floor), then one whole nightly run on it (import, pay runs, statements, filing), timed by"
                + " part with peak memory; prints a table and writes <out>/bench/bench.csv. Run it on a data"
                + " directory of its own: PEERPAY_DATA_DIR=/tmp/peerpay-bench-$(date +%s). The subcommands time"
                + " one part alone.",
        subcommands = {BenchCommand.Import.class, BenchCommand.Statutory.class, BenchCommand.Payroll.class,
                BenchCommand.Chart.class})
class BenchCommand extends CliCommand {

    @Option(names = "--rows", defaultValue = "1000000", description = "timesheet rows (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--employments", defaultValue = "50000",
            description = "employments in the synthetic council (default: ${DEFAULT-VALUE})")
    int employments;

    @Override
    public Integer call() {
        bean(Benchmarks.class).council(rows, employments, out());
        return 0;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Generate a synthetic council and a timesheet file of valid shifts, then time the import"
                    + " of that file end to end (file to validated lines in PostgreSQL, rejects written).")
    static class Import extends CliCommand {

        @Option(names = "--rows", defaultValue = "1000000", description = "timesheet rows (default: ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--employments", defaultValue = "10000",
                description = "employments in the synthetic council (default: ${DEFAULT-VALUE})")
        int employments;

        @Override
        public Integer call() {
            bean(Benchmarks.class).timesheetImport(rows, employments, out());
            return 0;
        }
    }

    @Command(name = "statutory", mixinStandardHelpOptions = true,
            description = "Time the statutory calculations of one payslip (holiday pay, pension, PAYE, NIC) over a"
                    + " varied set of payslips, warmed up, single-threaded; reports the median of the rounds.")
    static class Statutory extends CliCommand {

        @Option(names = "--payslips", defaultValue = "100000", description = "payslips a round (default: ${DEFAULT-VALUE})")
        int payslips;

        @Option(names = "--rounds", defaultValue = "30", description = "measured rounds (default: ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--tax-year", defaultValue = "2026-27")
        String taxYear;

        @Override
        public Integer call() {
            bean(Benchmarks.class).statutory(taxYear, payslips, rounds, out());
            return 0;
        }
    }

    @Command(name = "payroll", mixinStandardHelpOptions = true,
            description = "Generate a synthetic council with accepted shifts in one four-weekly period, then time"
                    + " its pay run: payslips, ledger postings and files, and the payslip PDFs. Needs a data"
                    + " directory of its own with no pay runs (the ledger keeps everything).")
    static class Payroll extends CliCommand {

        @Option(names = "--employments", defaultValue = "10000", description = "(default: ${DEFAULT-VALUE})")
        int employments;

        @Option(names = "--lines", defaultValue = "1000000", description = "shifts in the period (default: ${DEFAULT-VALUE})")
        int lines;

        @Override
        public Integer call() {
            bean(Benchmarks.class).payroll(employments, lines, out());
            return 0;
        }
    }

    @Command(name = "chart", mixinStandardHelpOptions = true,
            description = "The scaling curve: draws the bench.csv files of runs at different sizes as time against"
                    + " rows, over the live heap, to a PNG, and prints them as a table. Needs no database.")
    static class Chart extends CliCommand {

        @Parameters(arity = "1..*", paramLabel = "BENCH_CSV", description = "bench.csv files, one a run")
        List<Path> csvs;

        @Option(names = "--to", required = true, paramLabel = "PNG", description = "the chart to write")
        Path png;

        @Option(names = "--machine", required = true,
                description = "what the runs ran on, for the chart (e.g. \"2-core VM, 24 GiB, -Xmx1g\")")
        String machine;

        @Override
        public Integer call() {
            List<ScalingChart.Run> runs = ScalingChart.draw(csvs, png, machine);
            out().printf("%12s %12s %10s %18s %10s %14s %14s%n", "rows", "employments", "import s",
                    "calc + ledger s", "nightly s", "s / 1M rows", "live heap MiB");
            for (ScalingChart.Run run : runs) {
                out().printf("%,12d %,12d %10s %18s %10s %14s %,14d%n", run.rows(), run.employments(),
                        run.importSeconds(), run.calcLedgerSeconds(), run.nightlySeconds(),
                        run.nightlyPerMillionRows(), run.liveHeapMb());
            }
            out().printf("written: %s%n", png);
            return 0;
        }
    }
}
