package org.peerpay;

import org.peerpay.cli.CommandLineEntry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * PeerPay's entry point: the command line is parsed first ({@link CommandLineEntry}), and the application context
 * starts only when a command needs it. Exit codes: 0 done, 1 a job failed, 2 bad usage or bad input.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PeerPayApplication {

    public static void main(String[] args) {
        System.exit(CommandLineEntry.run(args, springArgs -> SpringApplication.run(PeerPayApplication.class,
                springArgs)));
    }
}
