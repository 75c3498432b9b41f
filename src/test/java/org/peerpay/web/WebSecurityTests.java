package org.peerpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.audit.AuditLog;
import org.peerpay.support.DatabaseTest;
import org.peerpay.users.Role;
import org.peerpay.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Who may sign in and what they may see, with the protections every page has. */
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class WebSecurityTests extends DatabaseTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc web;
    @Autowired
    Users users;
    @Autowired
    AuditLog audit;
    @Autowired
    org.peerpay.reference.ReferenceDataLoader referenceLoader;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @BeforeEach
    void givenUsers() {
        users.add("ada", Role.ADMIN, PASSWORD.toCharArray());
        users.add("fin", Role.FINANCE, PASSWORD.toCharArray());
    }

    @Test
    void sendsAnonymousVisitorsToSignInAndLetsThemIn() throws Exception {
        web.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
        web.perform(get("/admin/users")).andExpect(status().isFound());
        web.perform(get("/sign-in")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        "There is a problem"))));
        web.perform(get("/sign-in").param("error", "")).andExpect(content().string(
                org.hamcrest.Matchers.containsString("The user name or password is wrong")));

        web.perform(formLogin("/sign-in").user("fin").password(PASSWORD)).andExpect(redirectedUrl("/"));

        assertThat(audit.newest("fin", null, 10)).extracting(e -> e.action()).containsExactly("signed in");
    }

    @Test
    void locksANameAfterFiveFailedSignInsEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            web.perform(formLogin("/sign-in").user("fin").password("guess " + i))
                    .andExpect(redirectedUrl("/sign-in?error"));
        }

        web.perform(formLogin("/sign-in").user("fin").password(PASSWORD)).andExpect(redirectedUrl("/sign-in?locked"));
        web.perform(formLogin("/sign-in").user("ada").password(PASSWORD)).andExpect(redirectedUrl("/"));
        assertThat(audit.newest("fin", null, 10)).extracting(e -> e.action())
                .containsExactly("sign-in refused (locked)", "sign-in failed", "sign-in failed", "sign-in failed",
                        "sign-in failed", "sign-in failed");
    }

    @Test
    void refusesAFormWithoutItsCsrfTokenAndPagesToTheWrongRole() throws Exception {
        web.perform(post("/admin/users").with(user("ada").roles("ADMIN")).param("username", "new.user")
                .param("role", "FINANCE").param("password", PASSWORD)).andExpect(status().isForbidden());
        web.perform(get("/admin/users").with(user("fin").roles("FINANCE"))).andExpect(status().isForbidden());
        web.perform(get("/admin/audit").with(user("fin").roles("FINANCE"))).andExpect(status().isForbidden());
        assertThat(users.find("new.user")).isEmpty();
    }

    @Test
    void anAdminAddsAUserAndTheAuditLogSaysWhoDidIt() throws Exception {
        web.perform(post("/admin/users").with(user("ada").roles("ADMIN")).with(csrf()).param("username", "new.user")
                .param("role", "COORDINATOR").param("password", PASSWORD))
                .andExpect(redirectedUrl("/admin/users?added=new.user"));
        web.perform(post("/admin/users").with(user("ada").roles("ADMIN")).with(csrf()).param("username", "x")
                .param("role", "FINANCE").param("password", "short")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("cannot be a user name")));

        assertThat(users.find("new.user")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.COORDINATOR));
        web.perform(get("/admin/audit").with(user("ada").roles("ADMIN")).param("containing", "new.user"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("added a user")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("new.user (coordinator)")));
    }

    @Test
    void anAdminSetsACoordinatorsCaseloadAndOnlyAnAdmin() throws Exception {
        referenceLoader.load(org.peerpay.support.SmallCouncil.writeReference(dir));
        users.add("cat", Role.COORDINATOR, PASSWORD.toCharArray());

        web.perform(post("/admin/users/cat/caseload").with(user("ada").roles("ADMIN")).with(csrf())
                .param("refs", "SU1, SU2")).andExpect(redirectedUrl("/admin/users"));
        assertThat(users.find("cat").orElseThrow().caseload()).containsExactly("SU1", "SU2");
        web.perform(post("/admin/users/cat/caseload").with(user("ada").roles("ADMIN")).with(csrf())
                        .param("refs", "SU1 SU404"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("SU404")));
        web.perform(post("/admin/users/cat/caseload").with(user("cat").roles("COORDINATOR")).with(csrf())
                .param("refs", "SU1")).andExpect(status().isForbidden());
        web.perform(get("/admin/users/fin/caseload").with(user("ada").roles("ADMIN")))
                .andExpect(status().isNotFound());

        assertThat(users.find("cat").orElseThrow().caseload()).containsExactly("SU1", "SU2");
        assertThat(audit.newest("ada", "caseload", 5)).extracting(e -> e.subject()).containsExactly("cat: SU1, SU2");
    }

    @Test
    void everyPageForbidsFramingSniffingAndInlineScript() throws Exception {
        web.perform(get("/sign-in"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", WebSecurity.CONTENT_SECURITY_POLICY));
        assertThat(WebSecurity.CONTENT_SECURITY_POLICY).contains("script-src 'self';").doesNotContain("unsafe");
    }
}
