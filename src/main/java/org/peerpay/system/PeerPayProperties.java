package org.peerpay.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where PeerPay keeps its data and writes its output.
 *
 * @param dataDir the embedded database ({@code <dataDir>/pg}) and the data-key file; env {@code PEERPAY_DATA_DIR}
 * @param outDir  payslips, statements, exceptions and import rejects; env {@code PEERPAY_OUT_DIR}
 * @param dataKey base64 AES key for personal data; env {@code PEERPAY_DATA_KEY}; when blank a key file under
 *                the data directory is used (created on first start)
 */
@ConfigurationProperties("peerpay")
public record PeerPayProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("./out") Path outDir,
        String dataKey) {

    /** Where the web keeps each uploaded file, in a folder named from the day it came ({@code 2026-11-23-...}). */
    public Path uploadsDir() {
        return dataDir.resolve("uploads");
    }
}
