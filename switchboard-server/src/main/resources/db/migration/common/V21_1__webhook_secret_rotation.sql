-- Webhook secret rotation: the secret before the last rotation stays accepted until previous_secret_until, so a
-- delivery Webex signed (or retries) with it during the switch is not lost.
ALTER TABLE webex_webhook ADD COLUMN previous_secret_encrypted VARCHAR(1000);
ALTER TABLE webex_webhook ADD COLUMN previous_secret_until TIMESTAMP WITH TIME ZONE;
