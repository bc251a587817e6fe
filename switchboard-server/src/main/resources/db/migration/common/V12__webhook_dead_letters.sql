-- A verified delivery that could not be processed is kept as a dead letter (status 'failed', with the reason)
-- and acknowledged, so one poison delivery never makes Webex disable the webhook; an admin replays it.
ALTER TABLE webex_delivery ADD COLUMN status VARCHAR(12) DEFAULT 'processed' NOT NULL;
ALTER TABLE webex_delivery ADD COLUMN attempts INT DEFAULT 1 NOT NULL;
ALTER TABLE webex_delivery ADD COLUMN last_error VARCHAR(1000);
CREATE INDEX webex_delivery_by_status ON webex_delivery (status, received_date);
