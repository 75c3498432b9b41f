package org.peerpay.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GbpTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = {
            "1557.85    | £1,557.85",
            "-264.87    | -£264.87",
            "0          | £0.00",
            "0.05       | £0.05",
            "1234567.5  | £1,234,567.50",
            "-0.01      | -£0.01"})
    void formatsAmountsAsPeopleReadThem(String pounds, String reads) {
        assertThat(Gbp.format(Gbp.of(pounds))).isEqualTo(reads);
        assertThat(Gbp.format(new BigDecimal(pounds))).isEqualTo(reads);
    }

    @Test
    void refusesToFormatAnotherCurrencyOrAFractionOfAPenny() {
        assertThatThrownBy(() -> Gbp.format(Money.of(10, "EUR"))).hasMessageContaining("not EUR");
        assertThatThrownBy(() -> Gbp.format(new BigDecimal("1.005"))).hasMessageContaining("not a whole number of pence");
    }
}
