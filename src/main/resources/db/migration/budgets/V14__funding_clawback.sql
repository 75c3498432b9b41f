-- Money the council takes back from a budget is funding with the source 'clawback', and only it is negative.
alter table funding drop constraint funding_source_check;
alter table funding add constraint funding_source_check
    check (source in ('council', 'client-contribution', 'health', 'other', 'clawback'));
alter table funding add constraint funding_clawback_is_negative check ((source = 'clawback') = (amount < 0));
