package org.peerpay.people;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerpay.system.Saved;
import org.peerpay.system.UserFacingException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service users (the employers) and mentors (their employees): saved from reference data, read by the other
 * modules. NI numbers and bank accounts are stored encrypted and leave this module in the clear only for the files
 * HMRC and the bank need (the FPS, P45 and P60; the payment files).
 */
@Service
public class People {

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final ServiceUserRepository serviceUserRepository;
    private final MentorRepository mentorRepository;

    People(JdbcTemplate jdbc, PersonalDataCipher cipher, ServiceUserRepository serviceUserRepository,
           MentorRepository mentorRepository) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.serviceUserRepository = serviceUserRepository;
        this.mentorRepository = mentorRepository;
    }

    /** A service user as an employer and budget holder. */
    public record ServiceUser(long id, String ref, String name, String council, String employerPayeRef,
                              boolean employmentAllowance, int retentionWeeks) {
    }

    /**
     * A mentor as an employee (the NI number stays in this module; {@link #maskedNiNumbers()} for payslips); date of
     * birth and address are null once the mentor is anonymised.
     */
    public record Mentor(long id, String ref, String name, LocalDate dateOfBirth, String address) {
    }

    /**
     * A service user as reference data gives one.
     *
     * @param accountsOfficeReference null when the employer has no PAYE scheme yet (then no PAYE reference either)
     * @param bankAccount the account the budget pays from, or null when not known yet
     */
    public record ServiceUserDetails(String ref, String name, String council, String employerPayeRef,
                                     AccountsOfficeReference accountsOfficeReference, BankAccount bankAccount,
                                     boolean employmentAllowance, int retentionWeeks) {
    }

    /**
     * A mentor as reference data gives one: name, gender and address as HMRC holds them.
     *
     * @param gender {@code M} or {@code F}, as recorded with HMRC
     * @param addressLines one to four lines, the postcode apart
     * @param bankAccount the account pay goes to, or null when not known yet
     */
    public record MentorDetails(String ref, String forename, String surname, LocalDate dateOfBirth, NiNumber niNumber,
                                char gender, List<String> addressLines, String postcode, BankAccount bankAccount) {

        /** The name payslips and pages show. */
        public String name() {
            return forename + " " + surname;
        }

        /** The address payslips show: the lines and the postcode, comma-separated. */
        public String address() {
            return String.join(", ", addressLines) + ", " + postcode;
        }
    }

    public Map<String, Long> serviceUserIds() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select ref, id from service_user", rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    public Map<String, Long> mentorIds() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select ref, id from mentor", rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    /** Every service user by id, in ref order (a bulk read: plain SQL, not the entities). */
    public Map<Long, ServiceUser> serviceUsers() {
        return serviceUsers("", new Object[0]);
    }

    /** The service users whose ids lie in a range (a pay run's partition of employers), by id, in ref order. */
    public Map<Long, ServiceUser> serviceUsers(long firstId, long lastId) {
        return serviceUsers(" where id between ? and ?", new Object[] {firstId, lastId});
    }

    private Map<Long, ServiceUser> serviceUsers(String where, Object[] arguments) {
        Map<Long, ServiceUser> all = new LinkedHashMap<>();
        jdbc.query("select id, ref, name, council, employer_paye_ref, employment_allowance, retention_weeks"
                + " from service_user" + where + " order by ref", rs -> {
            all.put(rs.getLong(1), new ServiceUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getBoolean(6), rs.getInt(7)));
        }, arguments);
        return all;
    }

    /** Every mentor by id, in ref order (a bulk read: plain SQL, not the entities). */
    public Map<Long, Mentor> mentors() {
        return mentors("", new Object[0]);
    }

    /** These mentors by id, in ref order. */
    public Map<Long, Mentor> mentors(java.util.Collection<Long> ids) {
        return mentors(" where id = any(?)", new Object[] {ids.toArray(Long[]::new)});
    }

    private Map<Long, Mentor> mentors(String where, Object[] arguments) {
        Map<Long, Mentor> all = new LinkedHashMap<>();
        jdbc.query("select id, ref, name, date_of_birth, address from mentor" + where + " order by ref", rs -> {
            all.put(rs.getLong(1), new Mentor(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getObject(4, LocalDate.class), rs.getString(5)));
        }, arguments);
        return all;
    }

    /**
     * An employer's HMRC references and the bank account its budget pays from, as a page shows them: the account
     * masked ({@code **-**-01 ****0013}); null where not recorded.
     */
    public record EmployerAccounts(String employerPayeRef, String accountsOfficeRef, String bankAccount) {
    }

    public EmployerAccounts employerAccounts(long serviceUserId) {
        return jdbc.queryForObject("select ref, employer_paye_ref, accounts_office_ref, bank_account_encrypted"
                + " from service_user where id = ?", (rs, i) -> {
            byte[] bank = rs.getBytes(4);
            return new EmployerAccounts(rs.getString(2), rs.getString(3), bank == null ? null
                    : cipher.decrypt(bank, ServiceUserEntity.bankBinding(rs.getString(1)), "service user "
                    + rs.getString(1)).toString());
        }, serviceUserId);
    }

    /**
     * A mentor as HMRC's Full Payment Submission names them. The NI number is in clear: a filing to HMRC is the one
     * place it leaves this module unmasked.
     *
     * @param gender {@code M} or {@code F}; {@code ' '} when not recorded yet (loaded before V24)
     * @param postcode null when not recorded yet
     */
    public record Employee(long id, String ref, String forename, String surname, LocalDate dateOfBirth, char gender,
                           List<String> addressLines, String postcode, NiNumber niNumber) {
    }

    /** The mentors given, by id, as HMRC's filings need them; anonymised mentors are left out. */
    public Map<Long, Employee> employeesForHmrc(Collection<Long> mentorIds) {
        Map<Long, Employee> employees = new HashMap<>();
        jdbc.query("""
                select id, ref, forename, surname, date_of_birth, gender, address_lines, postcode, ni_number_encrypted
                from mentor where id = any(?) and anonymised_on is null""", rs -> {
            String gender = rs.getString(6);
            Array lines = rs.getArray(7);
            employees.put(rs.getLong(1), new Employee(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getObject(5, LocalDate.class), gender == null ? ' ' : gender.charAt(0),
                    lines == null ? List.of() : List.of((String[]) lines.getArray()), rs.getString(8),
                    cipher.decrypt(rs.getBytes(9), rs.getString(2))));
        }, (Object) mentorIds.toArray(Long[]::new));
        return employees;
    }

    /**
     * The bank accounts of the service users and mentors given, in clear, for the bank's payment files; those with
     * none recorded are left out.
     */
    public record BankAccounts(Map<Long, BankAccount> serviceUsers, Map<Long, BankAccount> mentors) {
    }

    public BankAccounts bankAccountsForPayment(Collection<Long> serviceUserIds, Collection<Long> mentorIds) {
        Map<Long, BankAccount> serviceUsers = new HashMap<>();
        jdbc.query("select id, ref, bank_account_encrypted from service_user where id = any(?)"
                + " and bank_account_encrypted is not null", rs -> {
            serviceUsers.put(rs.getLong(1), cipher.decrypt(rs.getBytes(3),
                    ServiceUserEntity.bankBinding(rs.getString(2)), "service user " + rs.getString(2)));
        }, (Object) serviceUserIds.toArray(Long[]::new));
        Map<Long, BankAccount> mentors = new HashMap<>();
        jdbc.query("select id, ref, bank_account_encrypted from mentor where id = any(?)"
                + " and bank_account_encrypted is not null", rs -> {
            mentors.put(rs.getLong(1), cipher.decrypt(rs.getBytes(3), MentorEntity.bankBinding(rs.getString(2)),
                    "mentor " + rs.getString(2)));
        }, (Object) mentorIds.toArray(Long[]::new));
        return new BankAccounts(serviceUsers, mentors);
    }

    /** Each mentor's NI number as a payslip shows it ({@code ******56C}), by mentor id; decrypted only here. */
    public Map<Long, String> maskedNiNumbers() {
        Map<Long, String> masked = new HashMap<>();
        jdbc.query("select id, ref, ni_number_encrypted from mentor where anonymised_on is null", rs -> {
            masked.put(rs.getLong(1), cipher.decrypt(rs.getBytes(3), rs.getString(2)).masked());
        });
        return masked;
    }

    /**
     * The people anonymised under the retention rules, by ref, with the date: their details may not be loaded
     * again ({@code service} true for service users, false for mentors).
     */
    public Map<String, LocalDate> anonymised(boolean service) {
        Map<String, LocalDate> refs = new HashMap<>();
        jdbc.query("select ref, anonymised_on from " + (service ? "service_user" : "mentor")
                + " where anonymised_on is not null", rs -> {
            refs.put(rs.getString(1), rs.getObject(2, LocalDate.class));
        });
        return refs;
    }

    /** Everyone not yet anonymised. */
    public PersonIds identifiable() {
        return new PersonIds(
                new java.util.HashSet<>(jdbc.queryForList("select id from mentor where anonymised_on is null",
                        Long.class)),
                new java.util.HashSet<>(jdbc.queryForList("select id from service_user where anonymised_on is null",
                        Long.class)));
    }

    /**
     * Removes what identifies these people, keeping their ref and row so that every payslip, journal entry and
     * total stays as it was: a mentor's name, gender, date of birth, NI number, address and bank account; a service
     * user's name, PAYE and Accounts Office references and bank account. Returns who was anonymised now (those already
     * anonymised are left as they are).
     */
    @Transactional
    public PersonIds anonymise(PersonIds people, LocalDate on) {
        List<Long> mentors = jdbc.queryForList("""
                update mentor set name = 'Anonymised', date_of_birth = null, ni_number_encrypted = null,
                                  address = null, forename = null, surname = 'Anonymised', gender = null,
                                  address_lines = null, postcode = null, bank_account_encrypted = null,
                                  anonymised_on = ?
                where id = any (?) and anonymised_on is null returning id""", Long.class, on,
                people.mentors().toArray(Long[]::new));
        List<Long> serviceUsers = jdbc.queryForList("""
                update service_user set name = 'Anonymised', employer_paye_ref = null, accounts_office_ref = null,
                                        bank_account_encrypted = null, anonymised_on = ?
                where id = any (?) and anonymised_on is null returning id""", Long.class, on,
                people.serviceUsers().toArray(Long[]::new));
        return new PersonIds(new java.util.HashSet<>(mentors), new java.util.HashSet<>(serviceUsers));
    }

    /** Saves service users by ref, in the caller's transaction. */
    @Transactional
    public Saved saveServiceUsers(List<ServiceUserDetails> serviceUsers) {
        return Saved.byKey(serviceUsers, ServiceUserDetails::ref, serviceUserRepository.findAll(),
                ServiceUserEntity::ref, details -> new ServiceUserEntity(details, cipher),
                (entity, details) -> entity.update(details, cipher),
                serviceUserRepository::saveAll);
    }

    /** Saves mentors by ref, in the caller's transaction, their NI numbers sealed to them. */
    @Transactional
    public Saved saveMentors(List<MentorDetails> mentors) {
        Map<NiNumber, String> niOwners = new HashMap<>();
        jdbc.query("select ref, ni_number_encrypted from mentor where anonymised_on is null", rs -> {
            niOwners.put(cipher.decrypt(rs.getBytes(2), rs.getString(1)), rs.getString(1));
        });
        for (MentorDetails mentor : mentors) {
            String owner = niOwners.get(mentor.niNumber());
            if (owner != null && !owner.equals(mentor.ref())) {
                throw new UserFacingException("Mentor " + mentor.ref() + " has the NI number of mentor " + owner + " ("
                        + mentor.niNumber().masked() + "): two mentors cannot have one NI number. Correct"
                        + " mentors.csv; nothing was changed.");
            }
        }
        return Saved.byKey(mentors, MentorDetails::ref, mentorRepository.findAll(), MentorEntity::ref,
                details -> new MentorEntity(details, cipher), (entity, details) -> entity.update(details, cipher),
                mentorRepository::saveAll);
    }

}
