package org.peerpay.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BankAccountTest {

    @Test
    void readsAnAccountAsPeopleWriteItAndShowsItOnlyMasked() {
        BankAccount account = BankAccount.parse("20-00 00", "5566 7788", " J BLOGGS ");

        assertThat(account.maskedSortCode()).isEqualTo("**-**-00");
        assertThat(account.maskedAccountNumber()).isEqualTo("****7788");
        assertThat(account).hasToString("**-**-00 ****7788");
        assertThat(account.accountName()).isEqualTo("J BLOGGS");
        assertThat(account.revealSortCode()).isEqualTo("200000");
        assertThat(account.revealAccountNumber()).isEqualTo("55667788");
        assertThat(BankAccount.unsealed(account.sealable())).isEqualTo(account);
    }

    @Test
    void namesThePartThatIsWrong() {
        assertThatThrownBy(() -> BankAccount.parse("12-34-5", "12345678", "J Bloggs"))
                .isInstanceOfSatisfying(BankAccount.Problem.class, p -> assertThat(p.part()).isEqualTo("sort_code"));
        assertThatThrownBy(() -> BankAccount.parse("12-34-56", "1234567", "J Bloggs"))
                .isInstanceOfSatisfying(BankAccount.Problem.class,
                        p -> assertThat(p.part()).isEqualTo("account_number"));
        assertThatThrownBy(() -> BankAccount.parse("12-34-56", "12345678", "Josephine Bloggs-Smith"))
                .isInstanceOfSatisfying(BankAccount.Problem.class, p -> assertThat(p.part()).isEqualTo("account_name"))
                .hasMessageContaining("1 to 18");
        assertThatThrownBy(() -> BankAccount.parse("12-34-56", "12345678", "=HYPERLINK(\"x\")"))
                .isInstanceOf(BankAccount.Problem.class);
    }

    @Test
    void sealedToItsOwnerOpensOnlyThere() {
        PersonalDataCipher cipher = new PersonalDataCipher(new byte[32]);
        BankAccount account = BankAccount.parse("12-34-56", "12345678", "J Bloggs");
        byte[] sealed = cipher.encrypt(account, "mentor M1 bank");

        assertThat(cipher.decrypt(sealed, "mentor M1 bank", "mentor M1")).isEqualTo(account);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("12345678");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "mentor M2 bank", "mentor M2"))
                .hasMessageContaining("The bank account of mentor M2 cannot be decrypted");
    }
}
