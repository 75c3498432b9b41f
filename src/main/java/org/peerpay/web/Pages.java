package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.peerpay.audit.AuditLog;
import org.peerpay.users.Role;
import org.peerpay.users.UserAccount;
import org.peerpay.users.Users;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, the start page of each kind of user, and the admin's users and audit log. */
@Controller
class Pages {

    private final Users users;
    private final AuditLog audit;
    private final Actions actions;

    Pages(Users users, AuditLog audit, Actions actions) {
        this.users = users;
        this.audit = audit;
        this.actions = actions;
    }

    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
                  Model model) {
        if (locked != null) {
            model.addAttribute("problem", "Too many failed sign-ins: wait 15 minutes, or ask an admin");
        } else if (error != null) {
            model.addAttribute("problem", "The user name or password is wrong");
        }
        return "sign-in";
    }

    @GetMapping("/")
    String start(Principal principal, Model model) {
        UserAccount account = users.find(principal.getName()).orElseThrow();
        model.addAttribute("account", account);
        return "start";
    }

    @GetMapping("/admin/users")
    String users(@RequestParam(required = false) String added, Model model) {
        if (added != null && users.find(added).isPresent()) {
            model.addAttribute("success", "User " + added + " can now sign in.");
        }
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String addUser(@RequestParam String username, @RequestParam Role role, @RequestParam String password,
                   Principal principal, HttpServletRequest request, Model model) {
        try {
            actions.addUser(username, role, password.toCharArray(), actions.who(principal, request));
        } catch (org.peerpay.system.UserFacingException problem) {
            model.addAttribute("problem", problem.getMessage());
            model.addAttribute("username", username);
            return users(null, model);
        }
        return "redirect:/admin/users?added=" + username.strip();
    }

    @GetMapping("/admin/users/{username}/caseload")
    String caseload(@org.springframework.web.bind.annotation.PathVariable String username, Model model) {
        UserAccount account = users.find(username).filter(u -> u.role() == Role.COORDINATOR)
                .orElseThrow(NotFound::new);
        model.addAttribute("account", account);
        model.addAttribute("refs", String.join(" ", account.caseload()));
        return "admin/caseload";
    }

    @PostMapping("/admin/users/{username}/caseload")
    String setCaseload(@org.springframework.web.bind.annotation.PathVariable String username,
                       @RequestParam(defaultValue = "") String refs, Principal principal, HttpServletRequest request,
                       Model model) {
        java.util.Set<String> wanted = new java.util.TreeSet<>(java.util.Arrays.stream(refs.split("[\\s,]+"))
                .map(String::strip).filter(ref -> !ref.isEmpty()).toList());
        try {
            actions.setCaseload(username, wanted, actions.who(principal, request));
        } catch (org.peerpay.system.UserFacingException problem) {
            model.addAttribute("problem", problem.getMessage());
            model.addAttribute("account", users.find(username).orElseThrow(NotFound::new));
            model.addAttribute("refs", refs);
            return "admin/caseload";
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String user, @RequestParam(required = false) String containing,
                 Model model) {
        model.addAttribute("events", audit.newest(user, containing, 500));
        model.addAttribute("user", user);
        model.addAttribute("containing", containing);
        return "admin/audit";
    }
}
