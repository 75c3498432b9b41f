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
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Who may see what. Form sign-in against the users in the database (BCrypt hashes); a CSRF token in every form's
 * body; a new session id at sign-in; sessions end after {@code server.servlet.session.timeout} (30 minutes) idle;
 * repeated failed sign-ins lock the name and the address for a while ({@link SignInThrottle}); headers forbid
 * framing, sniffing and any script or style not served by PeerPay itself (no inline script). The JSON API under
 * {@code /api} has the same roles, caseloads and session, and answers a request it refuses with an RFC 9457 problem.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI's own page sets styles inline: allowed there, and only there. */
    static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
            "style-src 'self' 'unsafe-inline';");

    static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInThrottle throttle) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/sign-in", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/admin/**", "/api/users/**", "/api/audit/**").hasRole("ADMIN")
                        .requestMatchers("/finance/**", "/api/imports/**", "/api/pay-periods/**", "/api/pay-runs/**",
                                "/api/jobs/**", "/api/payslips/**", "/api/nightly/**").hasAnyRole("FINANCE", "ADMIN")
                        .anyRequest().authenticated())
                // The token goes in a cookie too, which the API's clients and Swagger UI send back in a header
                // (X-XSRF-TOKEN); forms carry it in their body as before.
                .csrf(csrf -> csrf.spa())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(problem(HttpStatus.UNAUTHORIZED, "Sign in first",
                                "Sign in at /sign-in, then send the session cookie with each request."), API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/sign-in"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor((request, response, denied) -> problem(HttpStatus.FORBIDDEN,
                                "Forbidden", "Your role may not do this, or the request had no CSRF token: send the"
                                        + " token from GET /api/session in its header.")
                                .commence(request, response, null), API))
                .formLogin(form -> form.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                        .defaultSuccessUrl("/", true).failureHandler(throttle).permitAll())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new StaticHeadersWriter("Content-Security-Policy", SWAGGER_UI_POLICY)))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** Answers an API request that may not go on with an RFC 9457 problem, not a sign-in page. */
    private static AuthenticationEntryPoint problem(HttpStatus status, String title, String detail) {
        return (request, response, cause) -> {
            response.setStatus(status.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":"
                    + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\"" + request.getRequestURI()
                    .replaceAll("[^A-Za-z0-9/._-]", "") + "\"}");
        };
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
