package org.peerpay.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NiNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "ab 12 34 56 c", "CE123456A", "JT123456", "ZY999999D"})
    void acceptsNumbersOfHmrcsFormat(String text) {
        assertThat(NiNumber.parse(text).reveal()).matches("[A-Z]{2}[0-9]{6}[A-D]?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DA123456A", "QQ123456C", "AO123456A", "BG123456A", "GB123456A", "NK123456A",
            "TN123456A", "ZZ123456A", "AB12345C", "AB123456E", "AB1234567A", "", "123456789"})
    void refusesNumbersHmrcNeverIssues(String text) {
        assertThatThrownBy(() -> NiNumber.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid National Insurance number");
    }

    @Test
    void showsOnlyTheLastThreeCharacters() {
        NiNumber number = NiNumber.parse("AB 12 34 56 C");

        assertThat(number.masked()).isEqualTo("******56C");
        assertThat(number).hasToString("******56C");
    }
}
