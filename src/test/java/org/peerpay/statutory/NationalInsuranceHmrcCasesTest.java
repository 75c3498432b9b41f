package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every Class 1 case of HMRC's 2025/26 test data (via Payetools, MIT licence), to the penny. */
class NationalInsuranceHmrcCasesTest {

    static final NationalInsurance NIC_2025_26 =
            new NationalInsurance(TaxYear.load(Path.of("batch-config/tax-years/2025-26.yaml")));

    static Stream<Arguments> hmrcCases() throws Exception {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        try (InputStream in = NationalInsuranceHmrcCasesTest.class
                .getResourceAsStream("/hmrc-2025-26/national_insurance_2025_26.json")) {
            List<Map<String, Object>> cases = json.readValue(in, new TypeReference<>() { });
            return cases.stream().map(c -> Arguments.of(c.get("TestIdentifier"), frequency((String) c.get("PayFrequency")),
                    ((String) c.get("NiCategory")).charAt(0), money(c.get("GrossPay")),
                    money(c.get("EmployeeNiContribution")), money(c.get("EmployerNiContribution"))));
        }
    }

    static PayFrequency frequency(String hmrc) {
        return switch (hmrc) {
            case "Weekly" -> PayFrequency.WEEKLY;
            case "Fortnightly" -> PayFrequency.TWO_WEEKLY;
            case "FourWeekly" -> PayFrequency.FOUR_WEEKLY;
            case "Monthly" -> PayFrequency.MONTHLY;
            default -> throw new IllegalArgumentException(hmrc);
        };
    }

    static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).setScale(2);
    }

    @ParameterizedTest(name = "{0}: {1} category {2} pay £{3}")
    @MethodSource("hmrcCases")
    void matchesHmrcToThePenny(String id, PayFrequency frequency, char category, BigDecimal pay,
                               BigDecimal employee, BigDecimal employer) {
        NicResult result = NIC_2025_26.calculate(frequency, category, pay);

        assertThat(result.employee()).as("employee").isEqualTo(employee);
        assertThat(result.employer()).as("employer").isEqualTo(employer);
    }
}
