package org.peerpay.people;

import java.util.regex.Pattern;

/**
 * A UK bank account as BACS pays it: a six-digit sort code, an eight-digit account number and the name on the
 * account (at most 18 characters of BACS's set: letters, digits, space and {@code . & / -}). Personal data: stored
 * encrypted, and shown only masked ({@code **-**-56}, {@code ****5678}); {@link #toString()} masks it too.
 */
public final class BankAccount {

    private static final Pattern SORT_CODE = Pattern.compile("[0-9]{6}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{8}");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9 .&/-]{1,18}");

    private final String sortCode;
    private final String accountNumber;
    private final String accountName;

    private BankAccount(String sortCode, String accountNumber, String accountName) {
        this.sortCode = sortCode;
        this.accountNumber = accountNumber;
        this.accountName = accountName;
    }

    /**
     * Reads an account as people write it: a sort code with or without hyphens or spaces ({@code 12-34-56}), an
     * account number with or without spaces.
     *
     * @throws IllegalArgumentException naming the part that is wrong ({@link Problem#part()})
     */
    public static BankAccount parse(String sortCode, String accountNumber, String accountName) {
        String sort = sortCode.replaceAll("[ -]", "");
        if (!SORT_CODE.matcher(sort).matches()) {
            throw new Problem("sort_code", "is not a sort code: six digits, like 12-34-56");
        }
        String number = accountNumber.replace(" ", "");
        if (!ACCOUNT_NUMBER.matcher(number).matches()) {
            throw new Problem("account_number", "is not a UK account number: eight digits (a seven-digit one takes"
                    + " a leading 0; ask the bank for a longer one's eight-digit form)");
        }
        String name = accountName.strip();
        if (!ACCOUNT_NAME.matcher(name).matches()) {
            throw new Problem("account_name", "must be the name on the account as the bank holds it: 1 to 18"
                    + " letters, digits, spaces or . & / - (BACS's limit)");
        }
        return new BankAccount(sort, number, name);
    }

    /** Which of the account's three parts is wrong, and why. */
    public static final class Problem extends IllegalArgumentException {

        private final String part;

        Problem(String part, String message) {
            super(message);
            this.part = part;
        }

        /** {@code sort_code}, {@code account_number} or {@code account_name}. */
        public String part() {
            return part;
        }
    }

    /** {@code **-**-56}. */
    public String maskedSortCode() {
        return "**-**-" + sortCode.substring(4);
    }

    /** {@code ****5678}. */
    public String maskedAccountNumber() {
        return "****" + accountNumber.substring(4);
    }

    public String accountName() {
        return accountName;
    }

    /** The sort code in full: only for encryption and for the bank's payment files. */
    public String revealSortCode() {
        return sortCode;
    }

    /** The account number in full: only for encryption and for the bank's payment files. */
    public String revealAccountNumber() {
        return accountNumber;
    }

    /** The stored form, sealed by {@link PersonalDataCipher}: never written anywhere else. */
    String sealable() {
        return sortCode + "|" + accountNumber + "|" + accountName;
    }

    static BankAccount unsealed(String sealable) {
        String[] parts = sealable.split("\\|", 3);
        return new BankAccount(parts[0], parts[1], parts[2]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BankAccount that && sortCode.equals(that.sortCode)
                && accountNumber.equals(that.accountNumber) && accountName.equals(that.accountName);
    }

    @Override
    public int hashCode() {
        return accountNumber.hashCode();
    }

    @Override
    public String toString() {
        return maskedSortCode() + " " + maskedAccountNumber();
    }
}
