-- Issue 18, item 5 (meetings): what the invitations need beyond V29_1.

-- The outbox of development and tests keeps the attachments an e-mail carried (an
-- invitation's .ics): a JSON array of {nom, type, contenu (base64)}. Null: none.
alter table courriel_sortant add column pieces_jointes jsonb;

-- Who cancelled a meeting (annulee_le says when).
alter table reunion add column annulee_par text;
