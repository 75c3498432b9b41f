package org.peerpay.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.TreeSet;
import org.peerpay.audit.AuditLog;
import org.peerpay.users.Users;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin pages as JSON: users with their roles and caseloads, and the audit log. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin", description = "Users, caseloads and the audit log (admins)")
class AdminApi {

    private final Users users;
    private final AuditLog audit;
    private final Actions actions;

    AdminApi(Users users, AuditLog audit, Actions actions) {
        this.users = users;
        this.audit = audit;
        this.actions = actions;
    }

    @Operation(summary = "Every user, with their role and, for a coordinator, their caseload")
    @GetMapping("/users")
    List<ApiJson.User> users() {
        return users.all().stream().map(ApiJson.User::of).toList();
    }

    @Operation(summary = "Set a coordinator's caseload: the refs of the service users they see")
    @PutMapping(path = "/users/{username}/caseload", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiJson.User setCaseload(@PathVariable String username, @RequestBody List<String> refs, Principal principal,
                             HttpServletRequest request) {
        users.find(username).orElseThrow(NotFound::new);
        actions.setCaseload(username, new TreeSet<>(refs), actions.who(principal, request));
        return ApiJson.User.of(users.find(username).orElseThrow());
    }

    @Operation(summary = "The audit log, newest first: by one user, and whose action or subject holds some text")
    @GetMapping("/audit")
    List<ApiJson.Event> audit(@RequestParam(required = false) String user,
                              @RequestParam(required = false) String containing) {
        return audit.newest(user, containing, 500).stream().map(ApiJson.Event::of).toList();
    }
}
