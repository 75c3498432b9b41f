-- Paying what a payslip made owed: a SETTLEMENT entry debits the liability (net pay to the mentor, HMRC, the
-- pension scheme) and credits BANK, the budget's bank account, on the day the bank paid. It names the payslip
-- whose liability it settles; the ledger check proves none is settled twice or without its liability.
alter table journal_entry drop constraint journal_entry_kind_check;
alter table journal_entry add constraint journal_entry_kind_check
    check (kind in ('FUNDING', 'PAYSLIP', 'REVERSAL', 'SETTLEMENT'));
alter table journal_entry add constraint journal_entry_settlement_names_its_payslip
    check (kind <> 'SETTLEMENT' or payslip_id is not null);
alter table posting drop constraint posting_account_check;
alter table posting add constraint posting_account_check
    check (account in ('BUDGET', 'FUNDER', 'NET_PAY_OWED', 'HMRC_OWED', 'PENSION_OWED', 'BANK'));
create index journal_entry_payslip_idx on journal_entry (payslip_id) where payslip_id is not null;
