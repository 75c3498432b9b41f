-- A new starter: the statement they declared on HMRC's starter checklist (when they had no P45), or the pay and tax
-- to date of the P45 of an employment they left earlier in the same tax year, which the cumulative PAYE of this one
-- counts (the tax code of that P45 is the employment's tax_code).
alter table employment add column starter_declaration char(1) check (starter_declaration in ('A', 'B', 'C'));
alter table employment add column p45_pay_to_date numeric(12,2) check (p45_pay_to_date >= 0);
alter table employment add column p45_tax_to_date numeric(12,2);
alter table employment add constraint employment_p45_whole check ((p45_pay_to_date is null) = (p45_tax_to_date is null));
