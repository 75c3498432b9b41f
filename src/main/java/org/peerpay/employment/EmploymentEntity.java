package org.peerpay.employment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.peerpay.money.Gbp;
import org.peerpay.money.HourlyRate;

/** An employment as stored, with its hourly rates by the date each takes effect. */
@Entity
@Table(name = "employment")
class EmploymentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "employment_seq")
    @SequenceGenerator(name = "employment_seq", sequenceName = "employment_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String ref;

    @Column(name = "service_user_id", nullable = false)
    private long serviceUserId;

    @Column(name = "mentor_id", nullable = false)
    private long mentorId;

    @Column(name = "start_date", nullable = false)
    private LocalDate start;

    @Column(name = "end_date")
    private LocalDate end;

    @Column(name = "pay_frequency", nullable = false)
    private String payFrequency;

    @Column(name = "tax_code")
    private String taxCode;

    @Column(name = "week1_month1", nullable = false)
    private boolean week1Month1;

    @Column(name = "ni_category", nullable = false)
    private String niCategory;

    @Column(name = "holiday_pay", nullable = false)
    private String holidayPay;

    @Column(nullable = false)
    private String pension;

    @Column(name = "starter_declaration")
    private String starterDeclaration;

    @Column(name = "p45_pay_to_date")
    private BigDecimal p45PayToDate;

    @Column(name = "p45_tax_to_date")
    private BigDecimal p45TaxToDate;

    @ElementCollection
    @CollectionTable(name = "employment_rate", joinColumns = @JoinColumn(name = "employment_id"))
    @MapKeyColumn(name = "effective_from")
    @Column(name = "hourly_rate", nullable = false)
    private Map<LocalDate, BigDecimal> rates = new HashMap<>();

    protected EmploymentEntity() {
    }

    EmploymentEntity(Employments.EmploymentDetails details) {
        ref = details.ref();
        update(details);
    }

    /** Takes the terms reference data now gives (its rate from its start date); true when anything changed. */
    boolean update(Employments.EmploymentDetails d) {
        boolean changed = serviceUserId != d.serviceUserId() || mentorId != d.mentorId()
                || !Objects.equals(start, d.start()) || !Objects.equals(end, d.end())
                || !Objects.equals(payFrequency, d.frequency()) || !Objects.equals(taxCode, d.taxCode())
                || week1Month1 != d.week1Month1() || !Objects.equals(niCategory, d.niCategory())
                || !Objects.equals(holidayPay, d.holidayPay()) || !Objects.equals(pension, d.pension())
                || !Objects.equals(starterDeclaration, d.starter() == null ? null : d.starter().name())
                || !samePounds(p45PayToDate, d.p45() == null ? null : Gbp.pounds(d.p45().taxablePay()))
                || !samePounds(p45TaxToDate, d.p45() == null ? null : Gbp.pounds(d.p45().tax()));
        serviceUserId = d.serviceUserId();
        mentorId = d.mentorId();
        start = d.start();
        end = d.end();
        payFrequency = d.frequency();
        taxCode = d.taxCode();
        week1Month1 = d.week1Month1();
        niCategory = d.niCategory();
        holidayPay = d.holidayPay();
        pension = d.pension();
        starterDeclaration = d.starter() == null ? null : d.starter().name();
        p45PayToDate = d.p45() == null ? null : Gbp.pounds(d.p45().taxablePay());
        p45TaxToDate = d.p45() == null ? null : Gbp.pounds(d.p45().tax());
        return rateFrom(d.start(), d.rate()) | changed;
    }

    /** Sets the rate that takes effect on a date; true when that changed the rates. */
    boolean rateFrom(LocalDate effectiveFrom, HourlyRate rate) {
        BigDecimal before = rates.get(effectiveFrom);
        if (before != null && before.compareTo(rate.pounds()) == 0) {
            return false;
        }
        rates.put(effectiveFrom, rate.pounds());
        return true;
    }

    private static boolean samePounds(BigDecimal stored, BigDecimal given) {
        return stored == null ? given == null : given != null && stored.compareTo(given) == 0;
    }

    boolean hasRateFrom(LocalDate effectiveFrom) {
        return rates.containsKey(effectiveFrom);
    }

    String ref() {
        return ref;
    }
}
