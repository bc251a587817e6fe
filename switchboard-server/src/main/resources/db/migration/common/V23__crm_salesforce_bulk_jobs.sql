-- Bulk API 2.0 ingest jobs the Salesforce adapter created and has not read the results of yet (ADR 0027). A row is
-- written (in its own transaction) right after Salesforce created the job and before any data is uploaded, and
-- deleted once the results were read. A row left behind by a stopped server is an orphan: the next batch create of
-- the same object waits for that job, and takes over the records it created for rows with the same values instead of
-- creating them a second time.
CREATE TABLE crm_salesforce_bulk_job (
    job_id       VARCHAR(18)  PRIMARY KEY,
    object_name  VARCHAR(255) NOT NULL,
    created_date TIMESTAMP WITH TIME ZONE NOT NULL
);
