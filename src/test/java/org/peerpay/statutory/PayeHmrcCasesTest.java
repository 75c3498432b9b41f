package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerpay.statutory.NationalInsuranceHmrcCasesTest.frequency;
import static org.peerpay.statutory.NationalInsuranceHmrcCasesTest.money;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every income tax case of HMRC's 2025/26 test data (via Payetools, MIT licence), to the penny. The data gives
 * taxable pay and tax to date after the period; pay and tax before it are those less this period's.
 */
class PayeHmrcCasesTest {

    static final Paye PAYE_2025_26 = new Paye(TaxYear.load(Path.of("batch-config/tax-years/2025-26.yaml")));

    static Stream<Arguments> hmrcCases() throws Exception {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        try (InputStream in = PayeHmrcCasesTest.class.getResourceAsStream("/hmrc-2025-26/income_tax_2025_26.json")) {
            List<Map<String, Object>> cases = json.readValue(in, new TypeReference<>() { });
            return cases.stream().map(c -> {
                BigDecimal gross = money(c.get("GrossPay"));
                BigDecimal taxInPeriod = money(c.get("TaxDueInPeriod"));
                BigDecimal taxToDate = money(c.get("TaxDueToDate"));
                return Arguments.of(c.get("TestIdentifier"), c.get("RelatesTo"), frequency((String) c.get("PayFrequency")),
                        c.get("Period"), c.get("TaxCode"), c.get("W1M1Flag"), gross,
                        money(c.get("TaxablePayToDate")).subtract(gross), taxToDate.subtract(taxInPeriod),
                        taxInPeriod, taxToDate);
            });
        }
    }

    @ParameterizedTest(name = "{0}: {4} period {3} pay £{6}")
    @MethodSource("hmrcCases")
    void matchesHmrcToThePenny(String id, String relatesTo, PayFrequency frequency, int period, String code,
                               boolean week1Month1, BigDecimal pay, BigDecimal payBefore, BigDecimal taxBefore,
                               BigDecimal taxInPeriod, BigDecimal taxToDate) {
        TaxCode taxCode = TaxCode.parse(code);
        if (taxCode.kind() != TaxCode.Kind.NO_TAX) {
            assertThat(taxCode.region()).as("region of " + code).isEqualTo(switch (relatesTo) {
                case "GB-SCT" -> TaxRegion.SCOTLAND;
                case "GB-WLS" -> TaxRegion.WALES;
                default -> TaxRegion.REST_OF_UK;
            });
        }

        PayeResult result = PAYE_2025_26.calculate(frequency, period, taxCode, week1Month1, pay, payBefore, taxBefore);

        assertThat(result.taxThisPeriod()).as("tax this period").isEqualTo(taxInPeriod);
        assertThat(result.taxToDate()).as("tax to date").isEqualTo(taxToDate);
    }
}
