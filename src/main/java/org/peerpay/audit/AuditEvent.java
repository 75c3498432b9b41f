package org.peerpay.audit;

import java.time.Instant;

/** One thing a user did: {@code action} is a short verb phrase ("signed in", "uploaded"), {@code subject} what. */
public record AuditEvent(Instant at, String username, String action, String subject, String address) {
}
