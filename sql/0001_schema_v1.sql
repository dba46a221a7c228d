-- carehub schema v1: hubs, carers, clients, care packages, visits and rosters.
-- Forward-only: never edit this file once applied anywhere; add 0002_….sql instead.
-- Constraints make bad rows impossible rather than relying on the importers alone.

CREATE EXTENSION IF NOT EXISTS btree_gist;  -- carer × time-range exclusion constraints

-- True when PostgreSQL knows the time zone name. IMMUTABLE is a white lie that lets it sit in
-- a CHECK; the zone database does not shrink between releases.
CREATE FUNCTION carehub_is_timezone(tz text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    PERFORM now() AT TIME ZONE tz;
    RETURN true;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN false;
END $$;

-- Skill codes: lower-case words joined by underscores (CareModel.Skill has the same rule).
CREATE DOMAIN skill_code AS text CHECK (VALUE ~ '^[a-z][a-z0-9_]{0,39}$');

CREATE TABLE hubs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name        text NOT NULL CHECK (btrim(name) <> ''),
    latitude    double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude   double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    timezone    text NOT NULL DEFAULT 'Europe/London' CHECK (carehub_is_timezone(timezone)),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE carers (
    id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id               text NOT NULL UNIQUE CHECK (btrim(external_id) <> ''),
    hub_id                    bigint NOT NULL REFERENCES hubs (id),
    given_name                text NOT NULL CHECK (btrim(given_name) <> ''),
    family_name               text NOT NULL,
    gender                    text NOT NULL DEFAULT 'unknown' CHECK (gender IN ('female', 'male', 'other', 'unknown')),
    home_latitude             double precision NOT NULL CHECK (home_latitude BETWEEN -90 AND 90),
    home_longitude            double precision NOT NULL CHECK (home_longitude BETWEEN -180 AND 180),
    contract_type             text NOT NULL CHECK (contract_type IN ('permanent', 'temporary', 'bank', 'agency')),
    zero_hours                boolean NOT NULL DEFAULT false,
    contracted_minutes_per_week integer NOT NULL CHECK (contracted_minutes_per_week >= 0),
    max_minutes_per_week      integer NOT NULL CHECK (max_minutes_per_week > 0 AND max_minutes_per_week <= 7 * 24 * 60),
    hourly_rate_pence         integer NOT NULL CHECK (hourly_rate_pence > 0),
    start_date                date NOT NULL,
    end_date                  date,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    CHECK (contracted_minutes_per_week <= max_minutes_per_week),
    CHECK (NOT zero_hours OR contracted_minutes_per_week = 0),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX carers_hub_idx ON carers (hub_id);

-- Hubs a carer may be lent to, besides their own.
CREATE TABLE carer_lendable_hubs (
    carer_id  bigint NOT NULL REFERENCES carers (id) ON DELETE CASCADE,
    hub_id    bigint NOT NULL REFERENCES hubs (id),
    PRIMARY KEY (carer_id, hub_id)
);

CREATE TABLE carer_skills (
    carer_id      bigint NOT NULL REFERENCES carers (id) ON DELETE CASCADE,
    skill         skill_code NOT NULL,
    qualified_on  date NOT NULL,
    expires_on    date,  -- first day the skill no longer counts
    PRIMARY KEY (carer_id, skill),
    CHECK (expires_on IS NULL OR expires_on > qualified_on)
);

-- Availability intervals. A carer's shifts never overlap.
CREATE TABLE carer_shifts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    carer_id   bigint NOT NULL REFERENCES carers (id) ON DELETE CASCADE,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (ends_at - starts_at <= interval '24 hours'),
    EXCLUDE USING gist (carer_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);

CREATE TABLE absences (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    carer_id   bigint NOT NULL REFERENCES carers (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('sickness', 'leave', 'training', 'other')),
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    reason     text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX absences_carer_idx ON absences (carer_id, starts_at);

CREATE TABLE clients (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id        text NOT NULL UNIQUE CHECK (btrim(external_id) <> ''),
    hub_id             bigint NOT NULL REFERENCES hubs (id),
    given_name         text NOT NULL CHECK (btrim(given_name) <> ''),
    family_name        text NOT NULL,
    postcode           text NOT NULL,
    latitude           double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude          double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    gender_preference  text CHECK (gender_preference IN ('female', 'male')),
    lead_professional  text,
    funding_stream     text NOT NULL CHECK (funding_stream IN ('icb', 'council', 'bcf_pooled', 'self_funded')),
    home_first         boolean NOT NULL DEFAULT false,
    discharge_date     date,
    date_of_birth      date,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT home_first OR discharge_date IS NOT NULL),
    CHECK (date_of_birth IS NULL OR discharge_date IS NULL OR date_of_birth <= discharge_date)
);
CREATE INDEX clients_hub_idx ON clients (hub_id);

-- Carers a client prefers (continuity) or must never see (exclusions).
CREATE TABLE client_carer_relations (
    client_id  bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    carer_id   bigint NOT NULL REFERENCES carers (id) ON DELETE CASCADE,
    relation   text NOT NULL CHECK (relation IN ('preferred', 'excluded')),
    PRIMARY KEY (client_id, carer_id)
);

CREATE TABLE care_packages (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id  text NOT NULL UNIQUE CHECK (btrim(external_id) <> ''),
    client_id    bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    valid_from   date NOT NULL,
    valid_to     date,  -- last valid day
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX care_packages_client_idx ON care_packages (client_id);

-- Recurring weekly calls. The window bounds the visit's start, in the hub's local time.
CREATE TABLE package_visits (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    package_id        bigint NOT NULL REFERENCES care_packages (id) ON DELETE CASCADE,
    weekday           smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),  -- ISO: 1 = Monday
    window_start      time NOT NULL,
    window_end        time NOT NULL,
    duration_minutes  integer NOT NULL CHECK (duration_minutes > 0 AND duration_minutes <= 1440),
    skills            skill_code[] NOT NULL DEFAULT '{}',
    carers_needed     smallint NOT NULL DEFAULT 1 CHECK (carers_needed BETWEEN 1 AND 3),
    priority          text NOT NULL DEFAULT 'normal' CHECK (priority IN ('home_first', 'high', 'normal')),
    CHECK (window_start <= window_end)
);
CREATE INDEX package_visits_package_idx ON package_visits (package_id);

-- Visits materialised for a week. package_visit_id + local_date makes planning idempotent.
CREATE TABLE visits (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id         bigint NOT NULL REFERENCES clients (id),
    package_visit_id  bigint REFERENCES package_visits (id) ON DELETE SET NULL,
    local_date        date NOT NULL,
    window_start      timestamptz NOT NULL,
    window_end        timestamptz NOT NULL,
    duration_minutes  integer NOT NULL CHECK (duration_minutes > 0 AND duration_minutes <= 1440),
    skills            skill_code[] NOT NULL DEFAULT '{}',
    carers_needed     smallint NOT NULL DEFAULT 1 CHECK (carers_needed BETWEEN 1 AND 3),
    priority          text NOT NULL DEFAULT 'normal' CHECK (priority IN ('home_first', 'high', 'normal')),
    status            text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled', 'delivered', 'missed')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (window_start <= window_end),
    UNIQUE (package_visit_id, local_date)
);
CREATE INDEX visits_client_date_idx ON visits (client_id, local_date);
CREATE INDEX visits_window_idx ON visits (window_start);

-- Carers a visit must have (respected by every generate and rebalance).
CREATE TABLE visit_pins (
    visit_id   bigint NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
    carer_id   bigint NOT NULL REFERENCES carers (id),
    pinned_at  timestamptz NOT NULL DEFAULT now(),
    pinned_by  text NOT NULL DEFAULT current_user,
    PRIMARY KEY (visit_id, carer_id)
);

CREATE TABLE rosters (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hub_id      bigint NOT NULL REFERENCES hubs (id),
    iso_week    text NOT NULL CHECK (iso_week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
    version     integer NOT NULL CHECK (version >= 1),
    status      text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'superseded')),
    seed        bigint NOT NULL,
    settings    jsonb NOT NULL DEFAULT '{}',
    objective   jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text NOT NULL DEFAULT current_user,
    published_at timestamptz,
    UNIQUE (hub_id, iso_week, version),
    CHECK ((status = 'draft') = (published_at IS NULL))
);
-- At most one published roster per hub and week.
CREATE UNIQUE INDEX rosters_one_published_idx ON rosters (hub_id, iso_week) WHERE status = 'published';

CREATE TABLE roster_assignments (
    roster_id  bigint NOT NULL REFERENCES rosters (id) ON DELETE CASCADE,
    visit_id   bigint NOT NULL REFERENCES visits (id),
    carer_id   bigint NOT NULL REFERENCES carers (id),
    starts_at  timestamptz NOT NULL,
    PRIMARY KEY (roster_id, visit_id, carer_id)
);
CREATE INDEX roster_assignments_carer_idx ON roster_assignments (roster_id, carer_id, starts_at);

CREATE TABLE roster_unassigned (
    roster_id  bigint NOT NULL REFERENCES rosters (id) ON DELETE CASCADE,
    visit_id   bigint NOT NULL REFERENCES visits (id),
    reason     text NOT NULL CHECK (btrim(reason) <> ''),
    PRIMARY KEY (roster_id, visit_id)
);

-- Audit trail: who changed what, when and why.
CREATE TABLE roster_changes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    roster_id  bigint REFERENCES rosters (id) ON DELETE CASCADE,
    hub_id     bigint NOT NULL REFERENCES hubs (id),
    visit_id   bigint REFERENCES visits (id),
    carer_id   bigint REFERENCES carers (id),
    action     text NOT NULL CHECK (action IN ('generated', 'published', 'superseded', 'pinned', 'unpinned', 'moved', 'added', 'dropped')),
    reason     text,
    actor      text NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX roster_changes_hub_idx ON roster_changes (hub_id, changed_at);
