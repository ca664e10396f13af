-- Issue 6: decisions on error reports (moderation), kept with who decided, when, and the answer sent.
alter table signalement add column decide_par text,
    add column decide_le timestamptz,
    add column reponse text;
alter table signalement add constraint signalement_statut_connu
    check (statut in ('a_examiner', 'acceptee', 'rejetee'));
