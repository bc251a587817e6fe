-- COLLATE "C" makes the primary-key btree usable for LIKE 'prefix%' whatever the database locale.
CREATE TABLE crm_search_term (
    object_name VARCHAR(80)  NOT NULL,
    term        VARCHAR(255) COLLATE "C" NOT NULL,
    record_id   VARCHAR(18)  NOT NULL,
    PRIMARY KEY (object_name, term, record_id)
);
CREATE INDEX crm_search_term_by_record ON crm_search_term (record_id);
