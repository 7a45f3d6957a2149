-- Each patient's physician continuity over the runs of months in which the patient is eligible (≥ 3 visits
-- in the 18-month window). A window's visits change only in the months a visit enters it or leaves it, so
-- one row holds a run of months [first_month, end_month) with the same COC and the same area.
CREATE TABLE lakarbesok_continuity (
    patient_key bytea   NOT NULL,
    area        text    NOT NULL,   -- kommunkod of the patient's latest visit in the window
    first_month date    NOT NULL,
    end_month   date    NOT NULL,   -- exclusive
    coc         numeric NOT NULL
);
CREATE INDEX lakarbesok_continuity_patient ON lakarbesok_continuity (patient_key);
CREATE INDEX lakarbesok_continuity_months ON lakarbesok_continuity (first_month, end_month);
