package org.peerpay.people;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerpay.system.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Service users (the employers) and mentors (their employees): saved from reference data, read by the other
 * modules. A mentor's NI number is stored encrypted and never leaves this module in the clear.
 */
@Service
public class People {

    private final JdbcTemplate jdbc;
    private final NiNumberCipher cipher;

    People(JdbcTemplate jdbc, NiNumberCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A service user as an employer and budget holder. */
    public record ServiceUser(long id, String ref, String name, String council, String employerPayeRef,
                              boolean employmentAllowance, int retentionWeeks) {
    }

    /** A mentor as an employee: the NI number only masked, as a payslip shows it ({@code ******56C}). */
    public record Mentor(long id, String ref, String name, LocalDate dateOfBirth, String address,
                         String niNumberMasked) {
    }

    /** A service user as reference data gives one. */
    public record ServiceUserDetails(String ref, String name, String council, String employerPayeRef,
                                     boolean employmentAllowance, int retentionWeeks) {
    }

    /** A mentor as reference data gives one. */
    public record MentorDetails(String ref, String name, LocalDate dateOfBirth, NiNumber niNumber, String address) {
    }

    public Map<String, Long> serviceUserIds() {
        return ids("select ref, id from service_user");
    }

    public Map<String, Long> mentorIds() {
        return ids("select ref, id from mentor");
    }

    /** Every service user by id, in ref order. */
    public Map<Long, ServiceUser> serviceUsers() {
        Map<Long, ServiceUser> all = new LinkedHashMap<>();
        jdbc.query("select id, ref, name, council, employer_paye_ref, employment_allowance, retention_weeks"
                + " from service_user order by ref", rs -> {
            all.put(rs.getLong(1), new ServiceUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getBoolean(6), rs.getInt(7)));
        });
        return all;
    }

    /** Every mentor by id, in ref order. */
    public Map<Long, Mentor> mentors() {
        Map<Long, Mentor> all = new LinkedHashMap<>();
        jdbc.query("select id, ref, name, date_of_birth, address, ni_number_encrypted from mentor order by ref",
                rs -> {
                    String ref = rs.getString(2);
                    all.put(rs.getLong(1), new Mentor(rs.getLong(1), ref, rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5),
                            cipher.decrypt(rs.getBytes(6), ref).masked()));
                });
        return all;
    }

    /** Upserts service users by ref, in the caller's transaction. */
    public Upserts.Counted saveServiceUsers(List<ServiceUserDetails> serviceUsers) {
        return Upserts.upsert(jdbc, serviceUsers, "select ref from service_user", ServiceUserDetails::ref, """
                insert into service_user (ref, name, council, employer_paye_ref, employment_allowance, retention_weeks)
                values (?, ?, ?, ?, ?, ?)
                on conflict (ref) do update set name = excluded.name, council = excluded.council,
                    employer_paye_ref = excluded.employer_paye_ref,
                    employment_allowance = excluded.employment_allowance, retention_weeks = excluded.retention_weeks
                where (service_user.name, service_user.council, service_user.employer_paye_ref,
                       service_user.employment_allowance, service_user.retention_weeks)
                    is distinct from (excluded.name, excluded.council, excluded.employer_paye_ref,
                       excluded.employment_allowance, excluded.retention_weeks)
                """, r -> new Object[] {r.ref(), r.name(), r.council(), r.employerPayeRef(), r.employmentAllowance(),
                        r.retentionWeeks()});
    }

    /**
     * Upserts mentors by ref, in the caller's transaction. A fresh IV makes every ciphertext differ, so an
     * unchanged NI number keeps its stored ciphertext (and the row counts as unchanged).
     */
    public Upserts.Counted saveMentors(List<MentorDetails> mentors) {
        Map<String, NiNumber> known = new HashMap<>();
        jdbc.query("select ref, ni_number_encrypted from mentor", rs -> {
            known.put(rs.getString(1), cipher.decrypt(rs.getBytes(2), rs.getString(1)));
        });
        return Upserts.upsert(jdbc, mentors, "select ref from mentor", MentorDetails::ref, """
                insert into mentor (ref, name, date_of_birth, ni_number_encrypted, address)
                values (?, ?, ?, coalesce((select m.ni_number_encrypted from mentor m where m.ref = ? and ?), ?), ?)
                on conflict (ref) do update set name = excluded.name, date_of_birth = excluded.date_of_birth,
                    ni_number_encrypted = excluded.ni_number_encrypted, address = excluded.address
                where (mentor.name, mentor.date_of_birth, mentor.ni_number_encrypted, mentor.address)
                    is distinct from (excluded.name, excluded.date_of_birth, excluded.ni_number_encrypted,
                       excluded.address)
                """, r -> new Object[] {r.ref(), r.name(), Date.valueOf(r.dateOfBirth()), r.ref(),
                        r.niNumber().equals(known.get(r.ref())), cipher.encrypt(r.niNumber(), r.ref()), r.address()});
    }

    private Map<String, Long> ids(String sql) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(sql, rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }
}
