package org.peerpay.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.peerpay.system.OwnerOnlyFile;
import org.peerpay.system.UserFacingException;

/**
 * Encrypts personal data (NI numbers, bank accounts) with AES-256-GCM. Each ciphertext is
 * {@code iv || ciphertext || tag} with a fresh 96-bit IV, and is bound to what it belongs to (associated data: an NI
 * number to its mentor's reference, a bank account to its owner and kind), so a value copied onto another row does
 * not decrypt.
 */
public final class PersonalDataCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(byte[] key) {
        if (key.length != 32) {
            throw new UserFacingException("The data key must be 32 bytes (256 bits), base64-encoded; it has "
                    + key.length + " bytes. Generate one with: openssl rand -base64 32");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Which key this is, without telling it: the first 16 hex digits of a SHA-256 of the key under a label, for a
     * backup to say which key its NI numbers need.
     */
    public String fingerprint() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update("peerpay data key fingerprint".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(sha.digest(key.getEncoded())).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key given as base64 text (PEERPAY_DATA_KEY). */
    public static PersonalDataCipher fromBase64(String base64) {
        try {
            return new PersonalDataCipher(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("PEERPAY_DATA_KEY is not base64 text. Generate a key with:"
                    + " openssl rand -base64 32");
        }
    }

    /** The key kept in a file readable only by its owner, created with a new random key the first time. */
    public static PersonalDataCipher fromKeyFile(Path keyFile) {
        try {
            return fromBase64(OwnerOnlyFile.readOrCreate(keyFile, () -> OwnerOnlyFile.randomBase64(32)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the data key " + keyFile + ": "
                    + e.getMessage(), e);
        }
    }

    public byte[] encrypt(NiNumber number, String mentorRef) {
        return seal(number.reveal(), mentorRef);
    }

    public NiNumber decrypt(byte[] stored, String mentorRef) {
        return NiNumber.parse(open(stored, mentorRef, "The NI number of mentor " + mentorRef));
    }

    /** A bank account sealed to its owner ({@code boundTo}, like {@code mentor M1 bank}). */
    byte[] encrypt(BankAccount account, String boundTo) {
        return seal(account.sealable(), boundTo);
    }

    BankAccount decrypt(byte[] stored, String boundTo, String whose) {
        return BankAccount.unsealed(open(stored, boundTo, "The bank account of " + whose));
    }

    /**
     * What to store for an owner's bank account now: the stored ciphertext itself when it holds this account (a
     * fresh IV would make every ciphertext differ, and every load a change), a new one when it does not, null for
     * none. The caller compares the result with what it stored to know whether the account changed.
     */
    byte[] keepOrEncrypt(byte[] stored, BankAccount account, String boundTo, String whose) {
        BankAccount was = stored == null ? null : decrypt(stored, boundTo, whose);
        if (java.util.Objects.equals(was, account)) {
            return stored;
        }
        return account == null ? null : encrypt(account, boundTo);
    }

    private byte[] seal(String plain, String boundTo) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** @param what what the value is, for the message when it cannot be opened */
    private String open(byte[] stored, String boundTo, String what) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UserFacingException(what + " cannot be decrypted with this data key. Check PEERPAY_DATA_KEY"
                    + " (or the data.key file) is the one the data was loaded with.", e);
        }
    }
}
