package org.peerpay;

import org.peerpay.system.UserFacingException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * PeerPay's entry point: starts the application context and hands the command line to
 * {@link org.peerpay.operations.PeerPayCommand}. Exit codes: 0 done, 1 a job failed, 2 bad usage or bad input.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PeerPayApplication {

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = SpringApplication.exit(SpringApplication.run(PeerPayApplication.class, args));
        } catch (RuntimeException startupFailure) {
            // Spring has reported it; a problem with what the user gave is exit 2, anything else 1
            exitCode = UserFacingException.find(startupFailure).isPresent() ? 2 : 1;
        }
        System.exit(exitCode);
    }
}
