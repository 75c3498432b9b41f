package org.peerpay.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one pass over a file's bytes tells: its SHA-256, its size, whether it is text at all, and its encoding.
 * A file with a UTF-8 byte-order mark, or whose bytes are all valid UTF-8, or mostly (a file that mixes encodings),
 * is UTF-8; anything else is read as Windows-1252, which is what Excel saves as "CSV (Comma delimited)" on an
 * English Windows.
 */
public record FileInspection(Path file, String sha256, long size, String notText, boolean hasBom,
                             Charset charset) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static FileInspection of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            Utf8Count utf8 = new Utf8Count();
            byte[] buffer = new byte[1 << 16];
            boolean nul = false;
            boolean bom = false;
            String kind = null;
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (size == 0) {
                    kind = knownKind(buffer, n);
                }
                if (size == 0 && n >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB
                        && (buffer[2] & 0xff) == 0xBF) {
                    bom = true;
                }
                sha256.update(buffer, 0, n);
                size += n;
                for (int i = 0; i < n && !nul; i++) {
                    nul = buffer[i] == 0;
                }
                utf8.add(buffer, n);
            }
            utf8.end();
            // UTF-8 when every byte is, or when well-formed UTF-8 characters beyond ASCII are at least as many as the
            // bytes that cannot be UTF-8: such a file mixes encodings, and the import refuses its rows with bytes that
            // are not UTF-8 as MALFORMED, saying so, rather than turning every café in it into cafÃ©.
            boolean validUtf8 = utf8.invalid == 0 || utf8.multibyte > 0 && utf8.multibyte >= utf8.invalid;
            Charset charset = bom || validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
            return new FileInspection(file, HexFormat.of().formatHex(sha256.digest()), size,
                    kind != null ? kind : nul ? "binary data, not text" : null, bom, charset);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What a file that is not CSV text is, told by its first bytes (the files people send by mistake), or null. */
    private static String knownKind(byte[] b, int n) {
        if (startsWith(b, n, 0x50, 0x4B, 0x03, 0x04)) {
            return "an Excel workbook (.xlsx) or another zip file, not CSV text";
        }
        if (startsWith(b, n, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old Excel workbook (.xls), not CSV text";
        }
        if (startsWith(b, n, 0xFF, 0xFE) || startsWith(b, n, 0xFE, 0xFF)) {
            return "text saved as UTF-16 (Excel's \"Unicode Text\"), which PeerPay does not read";
        }
        if (startsWith(b, n, '%', 'P', 'D', 'F')) {
            return "a PDF, not CSV text";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int n, int... prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Counts well-formed multi-byte UTF-8 characters and bytes that cannot be UTF-8, across buffers. */
    private static final class Utf8Count {
        long multibyte;
        long invalid;
        private int needed;

        void add(byte[] bytes, int n) {
            for (int i = 0; i < n; i++) {
                int b = bytes[i] & 0xff;
                if (needed > 0) {
                    if ((b & 0xC0) == 0x80) {
                        if (--needed == 0) {
                            multibyte++;
                        }
                        continue;
                    }
                    invalid++;
                    needed = 0;
                }
                if (b < 0x80) {
                    continue;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    needed = 2;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    needed = 3;
                } else {
                    invalid++;
                }
            }
        }

        void end() {
            if (needed > 0) {
                invalid++;
            }
        }
    }

    public boolean isEmpty() {
        return size == 0 || (hasBom && size == 3);
    }
}
