-- Object permissions of profiles (issue 15, ADR 0021): which objects a profile's users may read, create, edit and
-- delete. object_name is an object's API name or '*' (every object); a row for the object wins over '*'.
-- A profile without rows is unrestricted (System Administrator, Standard User, profiles made before V18).
CREATE TABLE access_object_permission (
    profile_id  VARCHAR(18) NOT NULL,
    object_name VARCHAR(80) NOT NULL,
    can_read    BOOLEAN     NOT NULL,
    can_create  BOOLEAN     NOT NULL,
    can_edit    BOOLEAN     NOT NULL,
    can_delete  BOOLEAN     NOT NULL,
    PRIMARY KEY (profile_id, object_name)
);

-- The demo's Read Only profile (the viewer) reads everything and changes nothing, as the README says.
INSERT INTO access_object_permission (profile_id, object_name, can_read, can_create, can_edit, can_delete)
SELECT id, '*', TRUE, FALSE, FALSE, FALSE FROM crm_record WHERE object_name = 'Profile' AND name = 'Read Only';
