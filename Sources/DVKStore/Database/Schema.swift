import GRDB

/// The one migrator. CHECK constraints mirror the domain's validation so a
/// row that slips past the Swift checks (a hand-edited file, a bug) is still
/// refused by SQLite.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

            CREATE TABLE unit (
              id INTEGER PRIMARY KEY,
              ref TEXT UNIQUE,
              official_code TEXT,
              name TEXT NOT NULL CHECK (length(trim(name)) > 0),
              sort_key TEXT NOT NULL,
              search_key TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('country','province','district','commune','agency','publicService','partyCommittee','partyOrg','enterprise','massOrg')),
              parent_id INTEGER REFERENCES unit(id),
              valid_from TEXT,
              valid_to TEXT CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
              merged_into_id INTEGER REFERENCES unit(id) CHECK (merged_into_id IS NULL OR merged_into_id <> id),
              is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
              source TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX unit_parent ON unit(parent_id, sort_key);
            CREATE INDEX unit_search ON unit(search_key);

            CREATE TABLE field (
              code TEXT PRIMARY KEY,
              name_vi TEXT NOT NULL,
              name_en TEXT NOT NULL,
              sort_order INTEGER NOT NULL
            );

            CREATE TABLE model (
              id INTEGER PRIMARY KEY,
              ref TEXT UNIQUE,
              unit_id INTEGER NOT NULL REFERENCES unit(id),
              kind TEXT NOT NULL CHECK (kind IN ('collective','individual')),
              title TEXT NOT NULL CHECK (length(trim(title)) > 0),
              sort_key TEXT NOT NULL,
              search_key TEXT NOT NULL,
              field_code TEXT NOT NULL REFERENCES field(code),
              description TEXT NOT NULL DEFAULT '',
              goals TEXT NOT NULL DEFAULT '',
              expected_outputs TEXT NOT NULL DEFAULT '',
              funds_vnd INTEGER CHECK (funds_vnd IS NULL OR funds_vnd >= 0),
              work_days INTEGER CHECK (work_days IS NULL OR work_days >= 0),
              registered_on TEXT,
              launched_on TEXT CHECK (launched_on IS NULL OR registered_on IS NULL OR launched_on >= registered_on),
              removed_on TEXT CHECK (removed_on IS NULL OR launched_on IS NULL OR removed_on >= launched_on),
              removal_reason TEXT CHECK (removed_on IS NULL OR length(trim(coalesce(removal_reason, ''))) > 0),
              is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
              source TEXT NOT NULL DEFAULT ''
            );
            -- Covers the yearly aggregate: scanned in (unit, field) order, no table lookups.
            CREATE INDEX model_counting ON model(unit_id, field_code, kind, launched_on, removed_on);
            CREATE INDEX model_search ON model(search_key);
            -- The models list is read a window at a time in title order.
            CREATE INDEX model_order ON model(sort_key, id);

            CREATE TABLE evaluation (
              model_id INTEGER NOT NULL REFERENCES model(id),
              year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
              effective INTEGER NOT NULL CHECK (effective IN (0,1)),
              note TEXT NOT NULL DEFAULT '',
              PRIMARY KEY (model_id, year)
            ) WITHOUT ROWID;

            CREATE TABLE recognition (
              id INTEGER PRIMARY KEY,
              model_id INTEGER NOT NULL REFERENCES model(id),
              level TEXT NOT NULL CHECK (level IN ('commune','district','province')),
              decision_number TEXT NOT NULL CHECK (length(trim(decision_number)) > 0),
              decided_on TEXT,
              issuer TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX recognition_model ON recognition(model_id);

            CREATE TABLE award (
              id INTEGER PRIMARY KEY,
              kind TEXT NOT NULL CHECK (kind IN ('meritCertificate','commendation')),
              issuer TEXT NOT NULL DEFAULT '',
              decision_number TEXT NOT NULL DEFAULT '',
              decided_on TEXT,
              recipient TEXT NOT NULL DEFAULT '',
              model_id INTEGER REFERENCES model(id),
              unit_id INTEGER REFERENCES unit(id),
              source TEXT NOT NULL DEFAULT ''
            );

            CREATE TABLE survey (
              unit_id INTEGER NOT NULL REFERENCES unit(id),
              year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
              permille INTEGER NOT NULL CHECK (permille BETWEEN 0 AND 1000),
              respondents INTEGER CHECK (respondents IS NULL OR respondents >= 0),
              source TEXT NOT NULL DEFAULT '',
              is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
              PRIMARY KEY (unit_id, year)
            );
            CREATE INDEX survey_year ON survey(year);

            CREATE TABLE plan_adoption (
              unit_id INTEGER NOT NULL REFERENCES unit(id),
              year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
              adopted INTEGER NOT NULL CHECK (adopted IN (0,1)),
              disseminated INTEGER NOT NULL CHECK (disseminated IN (0,1)),
              is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
              PRIMARY KEY (unit_id, year)
            );
            CREATE INDEX plan_year ON plan_adoption(year);

            CREATE TABLE target (
              id INTEGER PRIMARY KEY,
              code TEXT NOT NULL UNIQUE,
              metric TEXT NOT NULL CHECK (metric IN ('planCoverage','effectiveModelsPerUnit','modelCoverage','satisfaction')),
              threshold REAL NOT NULL CHECK (threshold >= 0),
              unit_kinds TEXT NOT NULL CHECK (length(unit_kinds) > 0),
              phase_start INTEGER NOT NULL,
              phase_end INTEGER NOT NULL CHECK (phase_end >= phase_start),
              min_per_field INTEGER CHECK (min_per_field IS NULL OR min_per_field >= 0),
              at_risk_ratio REAL NOT NULL DEFAULT 0.8 CHECK (at_risk_ratio > 0 AND at_risk_ratio <= 1),
              directive TEXT NOT NULL DEFAULT ''
            );

            CREATE TABLE reported_figure (
              id INTEGER PRIMARY KEY,
              unit_id INTEGER NOT NULL REFERENCES unit(id),
              year INTEGER NOT NULL,
              scope TEXT NOT NULL CHECK (scope IN ('collective','individual','recognised','commendedCollective','commendedIndividual','meritCertificate')),
              field_code TEXT REFERENCES field(code),
              count INTEGER NOT NULL CHECK (count >= 0),
              qualifier TEXT NOT NULL DEFAULT '' CHECK (qualifier IN ('','over','nearly')),
              source TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX reported_figure_year ON reported_figure(year, unit_id);

            CREATE TABLE directive (
              id INTEGER PRIMARY KEY,
              kind TEXT NOT NULL,
              number TEXT NOT NULL,
              issued_on TEXT,
              issuer TEXT NOT NULL DEFAULT '',
              title TEXT NOT NULL DEFAULT '',
              source TEXT NOT NULL DEFAULT ''
            );

            -- Per unit, year, field and kind: models in force, effective, ineffective.
            -- Derived from model + evaluation by CountQueries; refreshed in the
            -- same transaction as every write that can change it, so the
            -- dashboard reads ~40,000 rows for the whole country instead of
            -- joining a million models on every key press.
            CREATE TABLE unit_year_count (
              year INTEGER NOT NULL,
              unit_id INTEGER NOT NULL,
              field_code TEXT NOT NULL,
              kind TEXT NOT NULL,
              in_force INTEGER NOT NULL,
              effective INTEGER NOT NULL,
              ineffective INTEGER NOT NULL,
              PRIMARY KEY (year, unit_id, field_code, kind)
            ) WITHOUT ROWID;

            -- Who changed what: one row per named write, in the write's transaction.
            CREATE TABLE audit_log (
              id INTEGER PRIMARY KEY,
              at TEXT NOT NULL,
              officer TEXT NOT NULL,
              action TEXT NOT NULL,
              entity TEXT NOT NULL,
              entity_id TEXT,
              before_json TEXT,
              after_json TEXT
            );
            CREATE INDEX audit_at ON audit_log(at);
            """)
        }
        // The marker that tells a dvk file from any other SQLite file, so
        // dvk never migrates someone else's database.
        m.registerMigration("v2-marker") { db in
            try db.execute(sql: "PRAGMA application_id = \(DatabaseFile.applicationID)")
        }
        // One change may write many audit rows (a grid row, an import);
        // undo takes them back together. Older rows are each their own change.
        m.registerMigration("v3-change-groups") { db in
            try db.execute(sql: """
                ALTER TABLE audit_log ADD COLUMN change_id INTEGER;
                UPDATE audit_log SET change_id = id;
                CREATE INDEX audit_change ON audit_log(change_id);
                CREATE INDEX audit_action ON audit_log(action);
                """)
        }
        // The 2025 reform divided some communes among several new ones: the
        // default successor stays `merged_into_id`, the others are listed here,
        // and a model may follow one of them instead (audited).
        m.registerMigration("v4-divided-units") { db in
            try db.execute(sql: """
                CREATE TABLE unit_successor (
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  successor_id INTEGER NOT NULL REFERENCES unit(id) CHECK (successor_id <> unit_id),
                  PRIMARY KEY (unit_id, successor_id)
                ) WITHOUT ROWID;
                CREATE INDEX unit_successor_of ON unit_successor(successor_id);
                ALTER TABLE model ADD COLUMN follows_unit_id INTEGER REFERENCES unit(id);
                CREATE INDEX model_follows ON model(follows_unit_id) WHERE follows_unit_id IS NOT NULL;
                CREATE INDEX unit_merged ON unit(merged_into_id) WHERE merged_into_id IS NOT NULL;
                CREATE INDEX unit_code ON unit(official_code) WHERE official_code IS NOT NULL;
                """)
        }
        // Many officers on one store: who they are and what they may edit,
        // where each unit's year stands (nộp, duyệt), and the OS account
        // behind every audit row. The entity index finds a record's latest
        // change, which a form compares with what it was opened on.
        m.registerMigration("v5-officers-approval") { db in
            try db.execute(sql: """
                CREATE TABLE officer (
                  name TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
                  account TEXT NOT NULL UNIQUE CHECK (length(trim(account)) > 0),
                  role TEXT NOT NULL CHECK (role IN ('viewer','editor','approver','admin')),
                  scope_unit_id INTEGER REFERENCES unit(id)
                );
                CREATE TABLE approval (
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
                  state TEXT NOT NULL CHECK (state IN ('submitted','approved','returned')),
                  submitted_by TEXT,
                  decided_by TEXT,
                  reason TEXT,
                  PRIMARY KEY (unit_id, year)
                ) WITHOUT ROWID;
                ALTER TABLE audit_log ADD COLUMN account TEXT;
                CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
                """)
        }
        return m
    }
}
