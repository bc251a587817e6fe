-- The embedded CRM store. Field values live as a JSON document per record; everything a
-- query needs to find records fast (names, search terms, phone numbers, references) is
-- denormalised on write into indexed tables.
CREATE TABLE crm_record (
    id                 VARCHAR(18)  PRIMARY KEY,
    object_name        VARCHAR(80)  NOT NULL,
    name               VARCHAR(255),
    name_key           VARCHAR(255),
    field_values       VARCHAR      NOT NULL,
    created_by         VARCHAR(18),
    created_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified_by   VARCHAR(18),
    last_modified_date TIMESTAMP WITH TIME ZONE NOT NULL,
    version            INT          NOT NULL DEFAULT 0
);
CREATE INDEX crm_record_by_object_and_name ON crm_record (object_name, name_key, id);

CREATE TABLE crm_phone (
    record_id   VARCHAR(18) NOT NULL,
    field_name  VARCHAR(80) NOT NULL,
    object_name VARCHAR(80) NOT NULL,
    e164        VARCHAR(24) NOT NULL,
    PRIMARY KEY (record_id, field_name)
);
CREATE INDEX crm_phone_by_number ON crm_phone (e164, object_name, field_name);

CREATE TABLE crm_reference (
    record_id   VARCHAR(18) NOT NULL,
    field_name  VARCHAR(80) NOT NULL,
    object_name VARCHAR(80) NOT NULL,
    target_id   VARCHAR(18) NOT NULL,
    PRIMARY KEY (record_id, field_name)
);
CREATE INDEX crm_reference_by_target ON crm_reference (target_id, object_name, field_name);

CREATE TABLE crm_custom_object (
    name         VARCHAR(80)  PRIMARY KEY,
    label        VARCHAR(120) NOT NULL,
    plural_label VARCHAR(120) NOT NULL,
    key_prefix   VARCHAR(3)   NOT NULL UNIQUE,
    created_date TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE crm_custom_field (
    object_name     VARCHAR(80)  NOT NULL,
    name            VARCHAR(80)  NOT NULL,
    label           VARCHAR(120) NOT NULL,
    type            VARCHAR(20)  NOT NULL,
    reference_to    VARCHAR(400),
    picklist_values VARCHAR(4000),
    required        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_date    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (object_name, name)
);

CREATE SEQUENCE crm_id_block_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE crm_case_number_seq START WITH 1001 INCREMENT BY 1;
