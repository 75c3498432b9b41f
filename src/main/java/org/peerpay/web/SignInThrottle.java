package org.peerpay.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peerpay.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: after {@code peerpay.web.sign-in.failures-per-user} (5) failed sign-ins for one user
 * name, or {@code failures-per-address} (20) from one address, within {@code lock-for} (15 minutes), further
 * attempts for that name or from that address are refused, without checking the password, until the window has
 * passed. A successful sign-in clears the name's count. Each failure and lock is in the audit log.
 */
@Component
@ConditionalOnWebApplication
class SignInThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

    private final Map<String, Deque<Instant>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();
    private final int perUser;
    private final int perAddress;
    private final Duration lockFor;
    private final Clock clock;
    private final AuditLog audit;

    SignInThrottle(@Value("${peerpay.web.sign-in.failures-per-user:5}") int perUser,
                   @Value("${peerpay.web.sign-in.failures-per-address:20}") int perAddress,
                   @Value("${peerpay.web.sign-in.lock-for:15m}") Duration lockFor, Clock clock, AuditLog audit) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.lockFor = lockFor;
        this.clock = clock;
        this.audit = audit;
    }

    /** Refuses a sign-in for a locked name or from a locked address before its password is looked at. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && (request.getContextPath() + "/sign-in").equals(request.getRequestURI())) {
            String username = normalised(request.getParameter("username"));
            if (locked(byUser, username, perUser) || locked(byAddress, request.getRemoteAddr(), perAddress)) {
                audit.record(username, "sign-in refused (locked)", "too many failed sign-ins", request.getRemoteAddr());
                response.sendRedirect(request.getContextPath() + "/sign-in?locked");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String username = normalised(request.getParameter("username"));
        Instant now = clock.instant();
        failed(byUser, username, now);
        failed(byAddress, request.getRemoteAddr(), now);
        audit.record(username, "sign-in failed", "wrong name or password", request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + "/sign-in?error");
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        byUser.remove(event.getAuthentication().getName());
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        audit.record(event.getAuthentication().getName(), "signed in", "the web application", address);
    }

    private static void failed(Map<String, Deque<Instant>> failures, String key, Instant at) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(at);
        }
    }

    private boolean locked(Map<String, Deque<Instant>> failures, String key, int allowed) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            Instant since = clock.instant().minus(lockFor);
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            return times.size() >= allowed;
        }
    }

    private static String normalised(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
