package org.peerpay.statutory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One tax year's statutory figures, read from its data file ({@code batch-config/tax-years/2025-26.yaml}).
 * Numbers in the file are read as exact decimals, never floating point.
 */
public final class TaxYear {

    private final String id;
    private final Map<String, NiThreshold> niThresholds = new HashMap<>();
    private final Map<Character, NiCategoryRates> niRates = new HashMap<>();
    private final Map<TaxRegion, TaxBands> taxBands = new EnumMap<>(TaxRegion.class);
    private BigDecimal regulatoryLimitPercent;
    private PensionFigures pension;
    private BigDecimal employmentAllowance;
    private final Map<String, String> rtiNamespaces = new HashMap<>();

    private TaxYear(String id) {
        this.id = id;
    }

    public static TaxYear load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the tax year file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A tax year from the text of its data file; {@code source} names it in messages. */
    public static TaxYear parse(String yaml, String source) {
        return from(source, new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
                new DumperOptions(), new DecimalsAsText()).load(yaml));
    }

    @SuppressWarnings("unchecked")
    private static TaxYear from(String file, Map<String, Object> data) {
        TaxYear year = new TaxYear(text(data, "taxYear", file));
        Map<String, Object> ni = map(data, "nationalInsurance", file);
        map(ni, "thresholds", file).forEach((name, value) -> {
            Map<String, Object> figures = (Map<String, Object>) value;
            year.niThresholds.put(name, new NiThreshold(number(figures, "weekly", file),
                    number(figures, "monthly", file), number(figures, "annual", file)));
        });
        map(ni, "categories", file).forEach((letter, value) -> {
            Map<String, Object> rates = (Map<String, Object>) value;
            year.niRates.put(letter.charAt(0), new NiCategoryRates(number(rates, "employee", file),
                    number(rates, "employeeAboveUel", file), number(rates, "employer", file),
                    text(rates, "employerFrom", file)));
        });
        year.niRates.values().forEach(rates -> year.niThreshold(rates.employerFrom()));

        Map<String, Object> tax = map(data, "incomeTax", file);
        year.regulatoryLimitPercent = number(tax, "regulatoryLimitPercent", file);
        Map<String, Object> regions = map(tax, "bands", file);
        for (TaxRegion region : TaxRegion.values()) {
            Object bands = regions.get(region.key());
            if (!(bands instanceof List)) {
                throw new IllegalArgumentException(file + ": incomeTax.bands has no list for " + region.key());
            }
            List<TaxBands.Band> list = new ArrayList<>();
            for (Object band : (List<Object>) bands) {
                Map<String, Object> figures = (Map<String, Object>) band;
                list.add(new TaxBands.Band(text(figures, "name", file), number(figures, "rate", file),
                        figures.containsKey("upTo") ? number(figures, "upTo", file) : null));
            }
            year.taxBands.put(region, new TaxBands(list, file + ": incomeTax.bands." + region.key()));
        }

        Map<String, Object> pension = map(data, "pension", file);
        year.pension = new PensionFigures(periodFigures(pension, "earningsTrigger", file),
                periodFigures(pension, "qualifyingEarningsLower", file),
                periodFigures(pension, "qualifyingEarningsUpper", file),
                number(pension, "employerPercent", file), number(pension, "employeePercent", file));
        year.employmentAllowance = number(map(data, "employmentAllowance", file), "perEmployer", file);
        if (data.get("rti") instanceof Map<?, ?> rti) {
            rti.forEach((message, namespace) -> year.rtiNamespaces.put(message.toString(), namespace.toString()));
            year.rtiNamespaces.remove("source");
        }
        return year;
    }

    public String id() {
        return id;
    }

    public NiThreshold niThreshold(String name) {
        NiThreshold threshold = niThresholds.get(name);
        if (threshold == null) {
            throw new IllegalArgumentException("Tax year " + id + " has no NI threshold " + name);
        }
        return threshold;
    }

    public NiCategoryRates niRates(char category) {
        NiCategoryRates rates = niRates.get(Character.toUpperCase(category));
        if (rates == null) {
            throw new IllegalArgumentException("'" + category + "' is not an NI category letter of tax year " + id);
        }
        return rates;
    }

    TaxBands taxBands(TaxRegion region) {
        return taxBands.get(region);
    }

    /** K codes: the most tax a period may take, as a percentage of the period's pay. */
    public BigDecimal regulatoryLimitPercent() {
        return regulatoryLimitPercent;
    }

    public PensionFigures pension() {
        return pension;
    }

    /** Employment Allowance: employer Class 1 NIC each employer may offset in the tax year, in pounds. */
    public BigDecimal employmentAllowance() {
        return employmentAllowance;
    }

    /**
     * The XML namespace of an RTI message for this year, as HMRC's schema for the year names it.
     *
     * @param message the message's name in the file: {@code fullPaymentSubmission}, {@code employerPaymentSummary}
     * @throws IllegalArgumentException when the year's file does not name it (a pay run's record of a file from
     *     before filing was added, for instance)
     */
    public String rtiNamespace(String message) {
        String namespace = rtiNamespaces.get(message);
        if (namespace == null) {
            throw new IllegalArgumentException("Tax year " + id + " names no RTI namespace for " + message + ": add it"
                    + " under rti: in batch-config/tax-years/" + id + ".yaml");
        }
        return namespace;
    }

    private static PeriodFigures periodFigures(Map<String, Object> data, String key, String file) {
        Map<String, Object> figures = map(data, key, file);
        Map<PayFrequency, BigDecimal> amounts = new EnumMap<>(PayFrequency.class);
        for (PayFrequency frequency : PayFrequency.values()) {
            amounts.put(frequency, number(figures, frequency.word(), file));
        }
        return new PeriodFigures(amounts, number(figures, "annual", file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> data, String key, String file) {
        Object value = data.get(key);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(file + ": '" + key + "' is missing or not a section");
        }
        return (Map<String, Object>) value;
    }

    private static String text(Map<String, Object> data, String key, String file) {
        Object value = data.get(key);
        if (value == null) {
            throw new IllegalArgumentException(file + ": '" + key + "' is missing");
        }
        return value.toString();
    }

    private static BigDecimal number(Map<String, Object> data, String key, String file) {
        String value = text(data, key, file);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": '" + key + "' is not a number (was '" + value + "')");
        }
    }

    /** YAML's resolver without its binary-fraction and timestamp rules: 1.85 arrives as the text "1.85", for BigDecimal. */
    private static final class DecimalsAsText extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
