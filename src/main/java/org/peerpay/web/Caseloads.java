package org.peerpay.web;

import java.security.Principal;
import java.util.Set;
import org.peerpay.users.Role;
import org.peerpay.users.UserAccount;
import org.peerpay.users.Users;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Whose service users a signed-in user may see: a coordinator their caseload; finance staff and admins all. */
@Component
class Caseloads {

    private final Users users;

    Caseloads(Users users) {
        this.users = users;
    }

    /**
     * The refs a coordinator may see (none, if their account has gone), or null for a user who sees every service
     * user: the role is the one they signed in with.
     */
    Set<String> of(Principal principal) {
        boolean coordinator = !(principal instanceof Authentication signedIn) || signedIn.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Role.COORDINATOR.name()));
        if (!coordinator) {
            return null;
        }
        return users.find(principal.getName()).<Set<String>>map(UserAccount::caseload).orElse(Set.of());
    }
}
