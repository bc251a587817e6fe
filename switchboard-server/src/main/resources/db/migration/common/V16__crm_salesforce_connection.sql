-- The connected Salesforce org (issue 13): one row at most. The client secret and the refresh token are stored
-- encrypted (AES-256-GCM, platform Secrets); the access token is never stored. A row is written only after a
-- completed authorization, so a failed or abandoned Connect leaves nothing behind.
CREATE TABLE crm_salesforce_connection (
    id                INT PRIMARY KEY,
    login_url         VARCHAR(500)  NOT NULL,
    client_id         VARCHAR(500)  NOT NULL,
    client_secret_enc VARCHAR(2000) NOT NULL,
    refresh_token_enc VARCHAR(2000) NOT NULL,
    instance_url      VARCHAR(500)  NOT NULL,
    org_id            VARCHAR(18)   NOT NULL,
    user_id           VARCHAR(18)   NOT NULL,
    username          VARCHAR(255)  NOT NULL,
    problem           VARCHAR(1000),
    updated_date      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_salesforce_connection_single CHECK (id = 1)
);
