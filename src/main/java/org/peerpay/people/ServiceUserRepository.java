package org.peerpay.people;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceUserRepository extends JpaRepository<ServiceUserEntity, Long> {
}
