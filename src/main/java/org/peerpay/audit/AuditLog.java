package org.peerpay.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Records what users do, and lets admins read it back, newest first. */
@Service
public class AuditLog {

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String username, String action, String subject, String address) {
        jdbc.update("insert into audit_event (username, action, subject, address) values (?, ?, ?, ?)", username,
                action, subject, address);
    }

    /**
     * The newest events first, at most {@code limit}, of one user and/or containing some text in their action or
     * subject (either filter may be blank).
     */
    public List<AuditEvent> newest(String username, String containing, int limit) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select occurred_at, username, action, subject, address"
                + " from audit_event where true");
        if (username != null && !username.isBlank()) {
            sql.append(" and username = ?");
            arguments.add(username.strip());
        }
        if (containing != null && !containing.isBlank()) {
            sql.append(" and (action ilike ? or subject ilike ?)");
            String pattern = "%" + containing.strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            arguments.add(pattern);
            arguments.add(pattern);
        }
        sql.append(" order by occurred_at desc, id desc limit ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new AuditEvent(rs.getObject(1, java.time.OffsetDateTime.class)
                .toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                arguments.toArray());
    }
}
