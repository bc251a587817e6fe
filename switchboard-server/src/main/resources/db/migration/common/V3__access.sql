-- Passwords of the embedded CRM's users (bcrypt); users, profiles and permission sets are CRM records.
CREATE TABLE access_credential (
    user_id       VARCHAR(18)  PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    updated_date  TIMESTAMP WITH TIME ZONE NOT NULL
);
