-- Webinar imports into a remote CRM (ADR 0033): the people of a chunk about to be created there, written before the
-- CRM call in a short transaction of its own and deleted with the chunk's outcomes. A server stopped between the CRM
-- write and that commit finds them on resume and takes the records it finds by key as the ones it created.
CREATE TABLE webinar_import_intent (
    import_id   VARCHAR(36)   NOT NULL,
    person_key  VARCHAR(320)  NOT NULL,
    PRIMARY KEY (import_id, person_key)
);
