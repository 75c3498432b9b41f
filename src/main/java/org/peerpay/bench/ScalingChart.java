package org.peerpay.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.peerpay.csv.CsvInput;
import org.peerpay.csv.FileInspection;

/**
 * The scaling curve: several runs of the benchmark at different sizes (each its {@code bench.csv}), drawn as time
 * against timesheet rows (the import, the pay run's calculation and ledger, the whole nightly run) above the live heap
 * (heap in use after collections), with the machine they ran on. Drawn with JFreeChart, to a PNG.
 */
public final class ScalingChart {

    /** One run of the benchmark: its size and the figures drawn. */
    public record Run(long rows, long employments, BigDecimal importSeconds, BigDecimal calcLedgerSeconds,
                      BigDecimal nightlySeconds, long liveHeapMb, long maxHeapMb, int processors) {

        /** Seconds per million rows of the nightly run: flat when the run scales linearly. */
        public BigDecimal nightlyPerMillionRows() {
            return nightlySeconds.multiply(BigDecimal.valueOf(1_000_000))
                    .divide(BigDecimal.valueOf(rows), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    private ScalingChart() {
    }

    /** Reads a run's figures from the {@code bench.csv} it wrote; says which figure is missing from which file. */
    public static Run read(Path csv) {
        Map<String, String> values = new HashMap<>();
        try (CsvInput in = CsvInput.open(FileInspection.of(csv))) {
            in.header();
            for (String[] row = in.next(); row != null; row = in.next()) {
                if (row.length >= 2) {
                    values.put(row[0], row[1]);
                }
            }
        }
        return new Run(whole(values, "rows", csv), whole(values, "employments", csv),
                decimal(values, "import_s", csv), decimal(values, "payrun_calc_ledger_s", csv),
                decimal(values, "nightly_s", csv), whole(values, "peak_live_heap_mb", csv),
                whole(values, "max_heap_mb", csv), (int) whole(values, "processors", csv));
    }

    /**
     * Draws the runs, smallest first, to a PNG.
     *
     * @param machine what they ran on, as the chart's subtitle says it (e.g. "2-core VM, 24 GiB, -Xmx1g")
     */
    public static List<Run> draw(List<Path> csvs, Path png, String machine) {
        List<Run> runs = new ArrayList<>(csvs.stream().map(ScalingChart::read).toList());
        runs.sort(Comparator.comparingLong(Run::rows));
        XYSeries importing = new XYSeries("import");
        XYSeries calculating = new XYSeries("pay run: calculation and ledger");
        XYSeries nightly = new XYSeries("whole nightly run");
        XYSeries heap = new XYSeries("live heap (after collections)");
        for (Run run : runs) {
            BigDecimal millions = BigDecimal.valueOf(run.rows()).movePointLeft(6);
            importing.add(millions, run.importSeconds());
            calculating.add(millions, run.calcLedgerSeconds());
            nightly.add(millions, run.nightlySeconds());
            heap.add(millions, run.liveHeapMb());
        }
        NumberAxis rows = new NumberAxis("timesheet rows (millions); employments grow with them");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(rows);
        plot.setGap(12);
        plot.add(plot(new XYSeriesCollection(nightly), importing, calculating, "seconds"), 3);
        plot.add(plot(new XYSeriesCollection(heap), null, null, "MiB"), 1);
        JFreeChart chart = new JFreeChart("PeerPay's nightly run against its size", new Font("SansSerif", Font.BOLD,
                16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(machine + "; " + runs.stream()
                .map(run -> "%,d rows / %,d employments".formatted(run.rows(), run.employments()))
                .reduce((a, b) -> a + ", " + b).orElse("no runs"), new Font("SansSerif", Font.PLAIN, 11)));
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 620);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }

    private static XYPlot plot(XYSeriesCollection data, XYSeries second, XYSeries third, String unit) {
        if (second != null) {
            data.addSeries(second);
        }
        if (third != null) {
            data.addSeries(third);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colours = unit.equals("MiB") ? new Color[] {new Color(0x6F, 0x72, 0xAF)}
                : new Color[] {new Color(0x0B, 0x0C, 0x0C), new Color(0x1D, 0x70, 0xB8), new Color(0xD4, 0x35, 0x1C)};
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, colours[s]);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, null, new NumberAxis(unit), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static long whole(Map<String, String> values, String measure, Path csv) {
        return Long.parseLong(value(values, measure, csv));
    }

    private static BigDecimal decimal(Map<String, String> values, String measure, Path csv) {
        return new BigDecimal(value(values, measure, csv));
    }

    private static String value(Map<String, String> values, String measure, Path csv) {
        String value = values.get(measure);
        if (value == null) {
            throw new IllegalArgumentException(csv + " has no " + measure + ": is it a bench.csv written by"
                    + " 'peerpay bench' (this version)? Run the benchmark again to get one.");
        }
        return value;
    }
}
