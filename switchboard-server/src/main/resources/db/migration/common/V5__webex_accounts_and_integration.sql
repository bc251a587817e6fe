-- Which Webex person each CRM user is, with the token Switchboard acts with for them (encrypted).
CREATE TABLE webex_account (
    user_id         VARCHAR(18)  PRIMARY KEY,
    person_id       VARCHAR(255) NOT NULL UNIQUE,
    email           VARCHAR(255) NOT NULL,
    display_name    VARCHAR(255),
    token_encrypted VARCHAR(2000) NOT NULL,
    linked_date     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The registration of the integration (A1): one row at most.
CREATE TABLE admin_integration (
    id              INT          PRIMARY KEY,
    person_id       VARCHAR(255) NOT NULL,
    email           VARCHAR(255) NOT NULL,
    display_name    VARCHAR(255),
    org_id          VARCHAR(255),
    token_encrypted VARCHAR(2000) NOT NULL,
    registered_by   VARCHAR(255) NOT NULL,
    registered_date TIMESTAMP WITH TIME ZONE NOT NULL
);
