package org.peerpay.budgets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import javax.money.MonetaryAmount;
import org.peerpay.money.Gbp;

/**
 * One payment into a budget, known by its service user, day and source. Its amount may be corrected; the ledger
 * then reverses what it posted and posts the new amount.
 */
@Entity
@Table(name = "funding")
class FundingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "funding_seq")
    @SequenceGenerator(name = "funding_seq", sequenceName = "funding_seq", allocationSize = 50)
    private Long id;

    @Column(name = "service_user_id", nullable = false, updatable = false)
    private long serviceUserId;

    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false, updatable = false)
    private String source;

    protected FundingEntity() {
    }

    FundingEntity(Budgets.FundingDetails details) {
        serviceUserId = details.serviceUserId();
        receivedOn = details.receivedOn();
        source = details.source();
        amount = Gbp.pounds(details.amount());
    }

    static String key(long serviceUserId, LocalDate receivedOn, String source) {
        return serviceUserId + " " + receivedOn + " " + source;
    }

    String key() {
        return key(serviceUserId, receivedOn, source);
    }

    /** Corrects the amount; true when it differs from the one recorded. */
    boolean correct(MonetaryAmount corrected) {
        BigDecimal pounds = Gbp.pounds(corrected);
        if (amount.compareTo(pounds) == 0) {
            return false;
        }
        amount = pounds;
        return true;
    }
}
