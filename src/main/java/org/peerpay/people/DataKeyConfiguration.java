package org.peerpay.people;

import org.peerpay.system.EmbeddedPostgres;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DataKeyConfiguration {

    /**
     * PEERPAY_DATA_KEY when set; otherwise, only with the embedded database, a key file beside it. An external
     * database must be given its key: a key file on one machine would leave the data unreadable from another.
     */
    @Bean
    PersonalDataCipher personalDataCipher(PeerPayProperties properties, ObjectProvider<EmbeddedPostgres> embedded) {
        if (properties.dataKey() != null && !properties.dataKey().isBlank()) {
            return PersonalDataCipher.fromBase64(properties.dataKey());
        }
        if (embedded.getIfAvailable() == null) {
            throw new UserFacingException("PEERPAY_DATA_KEY is not set. With an external database PeerPay needs"
                    + " the key that protects NI numbers: set PEERPAY_DATA_KEY to a base64 256-bit key"
                    + " (openssl rand -base64 32) and keep it safe.");
        }
        return PersonalDataCipher.fromKeyFile(properties.dataDir().resolve("data.key"));
    }
}
