package org.peerpay.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one pass over a file's bytes tells: its SHA-256, its size, whether it is text at all, and its encoding.
 * A file with a UTF-8 byte-order mark, or whose bytes are all valid UTF-8, is UTF-8; anything else is read as
 * Windows-1252, which is what Excel saves as "CSV (Comma delimited)" on an English Windows.
 */
public record FileInspection(Path file, String sha256, long size, boolean hasNulBytes, boolean hasBom,
                             Charset charset) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static FileInspection of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 8);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            byte[] buffer = new byte[1 << 16];
            boolean validUtf8 = true;
            boolean nul = false;
            boolean bom = false;
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (size == 0 && n >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB
                        && (buffer[2] & 0xff) == 0xBF) {
                    bom = true;
                }
                sha256.update(buffer, 0, n);
                size += n;
                for (int i = 0; i < n && !nul; i++) {
                    nul = buffer[i] == 0;
                }
                if (validUtf8) {
                    pending.put(buffer, 0, n).flip();
                    validUtf8 = decodes(utf8, pending, chars, false);
                    pending.compact();
                }
            }
            if (validUtf8) {
                pending.flip();
                validUtf8 = decodes(utf8, pending, chars, true) && !pending.hasRemaining();
            }
            Charset charset = bom || validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
            return new FileInspection(file, HexFormat.of().formatHex(sha256.digest()), size, nul, bom, charset);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean decodes(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end) {
        CoderResult result;
        do {
            chars.clear();
            result = decoder.decode(bytes, chars, end);
        } while (result.isOverflow());
        return !result.isError();
    }

    public boolean isEmpty() {
        return size == 0 || (hasBom && size == 3);
    }
}
