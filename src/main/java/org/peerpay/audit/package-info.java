/**
 * The audit log, owner of {@code audit_event}: who uploaded, imported, ran, released, acknowledged or downloaded
 * what, when and from where. Append-only: the database refuses UPDATE, DELETE and TRUNCATE.
 */
package org.peerpay.audit;
