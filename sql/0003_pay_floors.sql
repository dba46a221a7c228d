-- 0003: statutory pay floors, by date, so payroll checks never hard-code a wage in code.
CREATE TABLE pay_floors (
    name          text NOT NULL,
    hourly_pence  integer NOT NULL CHECK (hourly_pence > 0),
    valid_from    date NOT NULL,
    source        text NOT NULL,
    PRIMARY KEY (name, valid_from)
);

-- National Living Wage (21 and over). Sources as cited in the project's domain notes:
-- Homecare Association on the April 2025 and April 2026 rates.
INSERT INTO pay_floors (name, hourly_pence, valid_from, source) VALUES
    ('national_living_wage', 1221, '2025-04-01', 'National Living Wage from April 2025 (Homecare Association [HA2])'),
    ('national_living_wage', 1271, '2026-04-01', 'National Living Wage from April 2026 (Homecare Association [HA3])');
