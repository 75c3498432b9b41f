package org.peerpay.web;

import java.security.Principal;
import java.util.Set;
import org.peerpay.users.Role;
import org.peerpay.users.UserAccount;
import org.peerpay.users.Users;
import org.springframework.stereotype.Component;

/** Whose service users a signed-in user may see: a coordinator their caseload; finance staff and admins all. */
@Component
class Caseloads {

    private final Users users;

    Caseloads(Users users) {
        this.users = users;
    }

    /** The refs a coordinator may see, or null for a user who sees every service user. */
    Set<String> of(Principal principal) {
        UserAccount account = users.find(principal.getName()).orElseThrow();
        return account.role() == Role.COORDINATOR ? account.caseload() : null;
    }
}
