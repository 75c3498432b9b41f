-- Retention (peerpay retention): a person whose records are all past the retention rules keeps their ref and row,
-- so that payslips, the ledger and every total still hold, but loses everything that identifies them.
alter table mentor add column anonymised_on date;
alter table mentor alter column date_of_birth drop not null;
alter table mentor alter column ni_number_encrypted drop not null;
alter table mentor alter column address drop not null;
alter table mentor add constraint mentor_anonymised_or_whole check (
    case when anonymised_on is null
         then date_of_birth is not null and ni_number_encrypted is not null and address is not null
         else date_of_birth is null and ni_number_encrypted is null and address is null end);

alter table service_user add column anonymised_on date;
alter table service_user add constraint service_user_anonymised_has_no_paye_ref check (
    anonymised_on is null or employer_paye_ref is null);
