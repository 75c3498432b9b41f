package org.peerpay.people;

import org.springframework.data.jpa.repository.JpaRepository;

interface MentorRepository extends JpaRepository<MentorEntity, Long> {
}
