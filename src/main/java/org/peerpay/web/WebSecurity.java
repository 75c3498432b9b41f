package org.peerpay.web;

import org.peerpay.users.Users;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Who may see what. Form sign-in against the users in the database (BCrypt hashes); a CSRF token in every form's
 * body; a new session id at sign-in; sessions end after {@code server.servlet.session.timeout} (30 minutes) idle;
 * repeated failed sign-ins lock the name and the address for a while ({@link SignInThrottle}); headers forbid
 * framing, sniffing and any script or style not served by PeerPay itself (no inline script).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInThrottle throttle) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/sign-in", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/finance/**").hasAnyRole("FINANCE", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                        .defaultSuccessUrl("/", true).failureHandler(throttle).permitAll())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * Uploads are read when the CSRF check first asks for a parameter, so that it finds the token in a file form's
     * body (the token never goes in a URL).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> multipartFormsCarryTheirCsrfToken() {
        return factory -> factory.addContextCustomizers(context -> context.setAllowCasualMultipartParsing(true));
    }

    /** The throttle runs in the security chain only, not again as a filter of its own. */
    @Bean
    FilterRegistrationBean<SignInThrottle> signInThrottleOutsideTheChain(SignInThrottle throttle) {
        FilterRegistrationBean<SignInThrottle> registration = new FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    UserDetailsService userDetailsService(Users users) {
        return username -> users.find(username)
                .map(account -> User.withUsername(account.username()).password(account.passwordHash())
                        .roles(account.role().name()).disabled(!account.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    PasswordEncoder passwordEncoder(Users users) {
        return users.passwordEncoder();
    }
}
