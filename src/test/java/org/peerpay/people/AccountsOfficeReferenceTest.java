package org.peerpay.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountsOfficeReferenceTest {

    @Test
    void acceptsAReferenceWhoseCheckLetterMatchesAsPeopleWriteIt() {
        // HMRC's own example of a valid reference (hmrc/reference-checker), and others worked by hand:
        // 123PW12345678: 9x1 + 10x2 + 11x3 + 12x48(P) + 8x1 + 7x2 + 6x3 + 5x4 + 4x5 + 3x6 + 2x7 + 1x8 = 758;
        // 758 mod 23 = 22 -> W
        assertThat(AccountsOfficeReference.parse("123pw 1234 5678").value()).isEqualTo("123PW12345678");
        assertThat(AccountsOfficeReference.parse("123PG00012345").value()).isEqualTo("123PG00012345");
        assertThat(AccountsOfficeReference.parse("120PL00456789").value()).isEqualTo("120PL00456789");
        assertThat(AccountsOfficeReference.parse("123PQ0012345X").value()).isEqualTo("123PQ0012345X");
    }

    @Test
    void refusesAReferenceWithTheWrongCheckLetterOrShape() {
        // the example in issue 12 (123PA00012345) has the wrong check letter: its letter is G
        assertThatThrownBy(() -> AccountsOfficeReference.parse("123PA00012345"))
                .hasMessageContaining("its check letter (the fifth character) does not match the rest");
        assertThatThrownBy(() -> AccountsOfficeReference.parse("123/AB45678"))
                .hasMessageContaining("has 13 characters, like 123PW12345678");
        assertThatThrownBy(() -> AccountsOfficeReference.parse("123PW1234567"))
                .hasMessageContaining("has 13 characters");
    }
}
