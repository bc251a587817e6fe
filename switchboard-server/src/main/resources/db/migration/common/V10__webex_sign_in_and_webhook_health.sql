-- Each user's own Webex sign-in (OAuth): the refresh token (encrypted), expiry times, granted scopes, and a hash of
-- the access token (and of the one before the last refresh) so a 401 can be traced to its owner without decrypting
-- every row, also by a request that started before another one refreshed.
ALTER TABLE webex_account ADD COLUMN access_token_sha256 VARCHAR(64);
ALTER TABLE webex_account ADD COLUMN previous_access_token_sha256 VARCHAR(64);
ALTER TABLE webex_account ADD COLUMN refresh_token_encrypted VARCHAR(2000);
ALTER TABLE webex_account ADD COLUMN expires_date TIMESTAMP WITH TIME ZONE;
ALTER TABLE webex_account ADD COLUMN refresh_expires_date TIMESTAMP WITH TIME ZONE;
ALTER TABLE webex_account ADD COLUMN scopes VARCHAR(1000);
ALTER TABLE webex_account ADD COLUMN org_id VARCHAR(255);
ALTER TABLE webex_account ADD COLUMN avatar VARCHAR(1000);
ALTER TABLE webex_account ADD COLUMN org_admin BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX webex_account_by_token_hash ON webex_account (access_token_sha256);
CREATE INDEX webex_account_by_previous_token_hash ON webex_account (previous_access_token_sha256);

-- Users Webex signed out (a refused refresh) or who signed out, and why: the home page says so.
CREATE TABLE webex_signed_out (
    user_id         VARCHAR(18)  PRIMARY KEY,
    email           VARCHAR(255),
    reason          VARCHAR(500) NOT NULL,
    signed_out_date TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The Webex integration's client secret (its client id is in the webexIntegration settings section).
CREATE TABLE webex_oauth_client (
    id                      INT PRIMARY KEY,
    client_secret_encrypted VARCHAR(2000) NOT NULL
);

-- What Webex last said of each webhook, for the console; and the last reconciliation's outcome.
ALTER TABLE webex_webhook ADD COLUMN status VARCHAR(20) DEFAULT 'active' NOT NULL;
ALTER TABLE webex_webhook ADD COLUMN checked_date TIMESTAMP WITH TIME ZONE;
CREATE INDEX webex_delivery_by_webhook ON webex_delivery (webhook_id, received_date);

CREATE TABLE webex_reconciliation (
    id        INT PRIMARY KEY,
    ran_date  TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome   VARCHAR(2000) NOT NULL
);
