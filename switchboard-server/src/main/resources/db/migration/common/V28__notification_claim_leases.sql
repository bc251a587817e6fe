-- Outbox rows are claimed for a lease instead of a row lock held while Webex answers (ADR 38). A claim writes
-- a token of its own and moves next_attempt_at to the lease's end, so a row whose worker died is due again then;
-- an outcome is recorded only while the row still carries the claimer's token. Existing rows have no claim.
ALTER TABLE notification_delivery ADD COLUMN claim_token VARCHAR(36);
ALTER TABLE notification_space ADD COLUMN claim_token VARCHAR(36);
