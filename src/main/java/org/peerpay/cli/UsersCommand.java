package org.peerpay.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import org.peerpay.system.UserFacingException;
import org.peerpay.users.Role;
import org.peerpay.users.UserAccount;
import org.peerpay.users.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", description = "The people who sign in to the web application.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Caseload.class})
class UsersCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user (or set a new password for one). The password is read from the terminal,"
                    + " without echo, or from the first line of standard input; never from the command line.")
    static class Add extends CliCommand {

        @Parameters(paramLabel = "NAME", description = "lower-case letters and digits, for example jo.smith")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "FINANCE, COORDINATOR or ADMIN")
        Role role;

        @Override
        public Integer call() throws IOException {
            char[] password = readPassword();
            UserAccount account = bean(Users.class).add(name, role, password);
            out().printf("%s can sign in as a %s user.%n", account.username(), account.role().name().toLowerCase());
            return 0;
        }

        private char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password for %s: ", name);
                char[] again = console.readPassword("The same again: ");
                if (first == null || !java.util.Arrays.equals(first, again)) {
                    throw new UserFacingException("The two passwords differ: nothing was changed.");
                }
                return first;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UserFacingException("No password: type it when asked, or give it on the first line of"
                        + " standard input (for example from a password manager's command line).");
            }
            return line.toCharArray();
        }
    }

    @Command(name = "caseload", mixinStandardHelpOptions = true,
            description = "Set the service users a coordinator sees (replacing their caseload).")
    static class Caseload extends CliCommand {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "REF", description = "service user refs")
        List<String> refs = List.of();

        @Override
        public Integer call() {
            UserAccount account = bean(Users.class).setCaseload(name, new LinkedHashSet<>(refs));
            out().printf("%s's caseload: %s%n", account.username(), account.caseload().isEmpty() ? "none"
                    : String.join(", ", account.caseload()));
            return 0;
        }
    }
}
