-- What an employer's filings and payments need (HMRC's FPS and EPS, the bank's payment files).
-- A service user: the Accounts Office reference it pays HMRC with, and the bank account its budget pays from.
-- A mentor: the name, gender and address as HMRC holds them, and the bank account their pay goes to.
-- Bank accounts are AES-GCM ciphertext bound to their owner, like NI numbers; name and address stay as the display
-- form payslips show, kept by the same entity from the parts.
alter table service_user add column accounts_office_ref text;
alter table service_user add column bank_account_encrypted bytea;
alter table service_user drop constraint service_user_anonymised_has_no_paye_ref;
alter table service_user add constraint service_user_anonymised_has_no_refs check (
    anonymised_on is null
    or (employer_paye_ref is null and accounts_office_ref is null and bank_account_encrypted is null));

alter table mentor add column forename text;
alter table mentor add column surname text;
alter table mentor add column gender char(1) check (gender in ('M', 'F'));
alter table mentor add column address_lines text[];
alter table mentor add column postcode text;
alter table mentor add column bank_account_encrypted bytea;
-- mentors loaded before: their name split at its last space, their address as one line; gender, postcode and bank
-- account come with their next load of mentors.csv
update mentor set forename = nullif(regexp_replace(name, '\s*\S+$', ''), ''),
                  surname = regexp_replace(name, '^.*\s', ''),
                  address_lines = array[address]
where anonymised_on is null;
alter table mentor add constraint mentor_anonymised_has_no_details check (
    anonymised_on is null
    or (forename is null and gender is null and address_lines is null and postcode is null
        and bank_account_encrypted is null));
