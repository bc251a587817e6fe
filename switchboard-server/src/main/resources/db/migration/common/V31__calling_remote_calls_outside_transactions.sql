-- Remote calls outside database transactions (ADR 40). With a remote CRM a call first seen in a webhook is stored
-- before its caller is matched (match_pending), and matched after the webhook's commit with no transaction open.
-- A call log being written to a remote CRM is claimed for a lease (log_claim, log_claim_until) instead of holding
-- the call row's lock through the CRM write; the Task is recorded only while the claim holds.
ALTER TABLE calling_call ADD COLUMN match_pending BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE calling_call ADD COLUMN log_claim VARCHAR(36);
ALTER TABLE calling_call ADD COLUMN log_claim_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX calling_call_match_pending ON calling_call (match_pending);
