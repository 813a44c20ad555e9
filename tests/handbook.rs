//! The bundled handbook: it loads, covers the inventory, and its facts match the national records.

use sotay::guide::ChannelKind;

use crate::common::{content_dir, engine};

/// The national codes of the procedures most handled at commune/ward one-stop desks
/// (`../shared/facts/procedures.tsv`, copied here so the test needs nothing outside the repository).
const INVENTORY: [&str; 61] = [
    "1.001193", "1.000689", "1.004772", "1.004884", "2.000528", "1.000894", "1.004746", "2.000806",
    "1.004873", "1.000656", "1.005461", "1.001022", "1.004859", "2.000635", "2.002516", "1.004837",
    "1.004845", "2.000554", "2.001023", "2.000986", "2.001263", "2.000815", "2.000884", "2.001035",
    "2.001019", "2.001406", "2.001016", "2.000908", "1.004222", "1.004194", "1.002755", "1.003677",
    "2.001159", "1.010038", "1.010041", "1.003197", "1.010028", "1.014061", "1.014063", "1.014064",
    "3.000228", "1.013978", "1.012812", "1.012783", "1.012786", "1.012784", "1.013977", "1.013225",
    "1.013229", "1.014632", "1.001612", "2.000720", "1.001570", "1.001266", "2.000575", "1.011607",
    "1.011606", "1.001939", "1.003583", "1.000593", "1.000419",
];

use ChannelKind::{BuuChinh as Post, TrucTiep as InPerson, TrucTuyen as Online};

/// Processing time and fee per channel of the 20 most common procedures, from their national records
/// (the June 2026 crawl of the national portal). `time` and `fee` must appear in the guide's channel;
/// an empty `time` means the record states none. Every channel of these procedures is listed.
const FACTS: &[(&str, ChannelKind, &str, &str)] = &[
    ("1.001193", InPerson, "1 ngày làm việc", "Miễn lệ phí"),
    ("1.001193", Online, "1 ngày làm việc", "Miễn lệ phí"),
    ("1.001193", Post, "1 ngày làm việc", "Miễn lệ phí"),
    ("1.000894", InPerson, "1 ngày làm việc", "Miễn lệ phí"),
    ("1.000894", Online, "1 ngày làm việc", "Miễn lệ phí"),
    ("1.000894", Post, "1 ngày làm việc", "Miễn lệ phí"),
    ("1.000656", InPerson, "1 ngày làm việc", "HĐND cấp tỉnh"),
    ("1.000656", Online, "1 ngày làm việc", "HĐND cấp tỉnh"),
    ("1.000656", Post, "1 ngày làm việc", "HĐND cấp tỉnh"),
    ("1.004873", InPerson, "3 ngày làm việc", "HĐND cấp tỉnh"),
    ("1.004873", Online, "3 ngày làm việc", "HĐND cấp tỉnh"),
    ("1.004873", Post, "3 ngày làm việc", "HĐND cấp tỉnh"),
    ("2.000635", InPerson, "", "8.000 đồng"),
    ("2.000635", Online, "", "8.000 đồng"),
    ("2.000635", Post, "", "8.000 đồng"),
    ("2.000815", InPerson, "", "2.000 đồng/trang"),
    ("2.000884", InPerson, "", "10.000 đồng"),
    ("2.001035", InPerson, "", "50.000 đồng"),
    ("2.001035", Online, "", "50.000 đồng"),
    ("2.001035", Post, "", "50.000 đồng"),
    ("2.001019", InPerson, "", "50.000 đồng"),
    ("2.001019", Online, "", "50.000 đồng"),
    ("2.001019", Post, "", "50.000 đồng"),
    ("2.001406", InPerson, "", "50.000 đồng"),
    ("2.001406", Online, "", "50.000 đồng"),
    ("2.001406", Post, "", "50.000 đồng"),
    ("1.004222", Online, "7 ngày làm việc", "10.000 đồng"),
    ("1.004222", InPerson, "7 ngày làm việc", "20.000 đồng"),
    ("1.004194", Online, "3 ngày làm việc", "7.000 đồng"),
    ("1.004194", InPerson, "3 ngày làm việc", "10.000 đồng"),
    ("1.002755", Online, "3 ngày làm việc", "5.000 đồng"),
    ("1.002755", InPerson, "3 ngày làm việc", "10.000 đồng"),
    ("1.010038", InPerson, "5 ngày làm việc", "10.000 đồng"),
    ("1.010038", Online, "5 ngày làm việc", "5.000 đồng"),
    ("1.010041", Online, "1 ngày làm việc", "Miễn phí"),
    ("1.014063", InPerson, "7 ngày làm việc", "50.000 đồng"),
    ("1.014063", Online, "7 ngày làm việc", "50.000 đồng"),
    ("1.014063", Post, "7 ngày làm việc", "Miễn phí"),
    ("1.014064", InPerson, "7 ngày làm việc", "70.000 đồng"),
    ("1.014064", Online, "7 ngày làm việc", "70.000 đồng"),
    ("1.014064", Post, "7 ngày làm việc", ""),
    ("1.013978", Online, "17 ngày làm việc", ""),
    ("1.013978", Post, "20 ngày làm việc", ""),
    ("1.013978", InPerson, "27 ngày làm việc", ""),
    ("1.012786", Online, "10 ngày làm việc", ""),
    ("1.012786", Post, "10 ngày làm việc", ""),
    ("1.012786", InPerson, "20 ngày làm việc", ""),
    ("1.001612", Online, "", "150.000 đồng"),
    ("1.001612", Post, "", "150.000 đồng"),
    ("1.001612", InPerson, "", "50.000 đồng"),
];

#[test]
fn content_folder_and_embedded_copy_both_pass_check() {
    let dir = sotay::Handbook::load_dir(&content_dir()).expect("content/ passes check");
    let embedded = engine().handbook();
    assert_eq!(dir.guides.len(), embedded.guides.len());
    assert_eq!(embedded.info.origin, "embedded");
    assert!(embedded.info.version >= 1);
}

#[test]
fn every_inventory_procedure_has_a_guide() {
    let h = engine().handbook();
    let missing: Vec<&str> = INVENTORY
        .iter()
        .copied()
        .filter(|c| h.guide(c).is_none())
        .collect();
    assert!(missing.is_empty(), "no guide for {missing:?}");
}

#[test]
fn time_and_fee_per_channel_match_the_national_records() {
    let h = engine().handbook();
    let mut wrong = Vec::new();
    for &(code, channel, time, fee) in FACTS {
        let g = h.guide(code).expect("guide exists");
        match g.channels.iter().find(|c| c.channel == channel) {
            None => wrong.push(format!("{code}: no {channel:?} channel")),
            Some(c) => {
                if !c.time.contains(time) {
                    wrong.push(format!(
                        "{code} {channel:?}: time \"{}\" lacks \"{time}\"",
                        c.time
                    ));
                }
                if !c.fee.contains(fee) {
                    wrong.push(format!(
                        "{code} {channel:?}: fee \"{}\" lacks \"{fee}\"",
                        c.fee
                    ));
                }
            }
        }
    }
    // Every channel of a checked procedure is in the table: a guide may not add a channel the record lacks.
    let mut codes: Vec<&str> = FACTS.iter().map(|f| f.0).collect();
    codes.dedup();
    assert!(
        codes.len() >= 20,
        "the table covers {} procedures",
        codes.len()
    );
    for code in codes {
        let g = h.guide(code).expect("guide exists");
        for c in &g.channels {
            if !FACTS.iter().any(|f| f.0 == code && f.1 == c.channel) {
                wrong.push(format!(
                    "{code}: channel {:?} is not in the national record",
                    c.channel
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The guides the content office edited (the national catalogue's records are shown as the portal
/// publishes them, marked as not edited).
fn edited() -> impl Iterator<Item = &'static sotay::Guide> {
    engine()
        .handbook()
        .guides
        .iter()
        .filter(|g| g.origin == sotay::guide::Origin::Edited)
}

#[test]
fn no_guide_names_the_district_level_or_has_placeholders() {
    for g in edited() {
        let all = serde_json::to_string(g).expect("json").to_lowercase();
        for bad in [
            "cấp huyện",
            "huyện",
            "todo",
            "lorem",
            "xxx",
            "đang cập nhật",
        ] {
            assert!(!all.contains(bad), "{} contains \"{bad}\"", g.source);
        }
    }
}

#[test]
fn every_guide_is_complete_for_a_citizen() {
    assert_eq!(edited().count(), 61);
    for g in edited() {
        assert!(g.aliases.len() >= 3, "{}: fewer than three aliases", g.code);
        assert!(
            g.questions.len() >= 5,
            "{}: fewer than five questions",
            g.code
        );
        assert!(!g.life_events.is_empty(), "{}: no life event", g.code);
        assert!(
            g.document_items().count() > 0,
            "{}: empty checklist",
            g.code
        );
        assert!(!g.steps.is_empty(), "{}: no steps", g.code);
        assert!(
            !g.legal_basis.is_empty() && !g.decision.is_empty(),
            "{}: no legal basis",
            g.code
        );
        assert!(g.choose_when.is_some(), "{}: no choose_when", g.code);
        assert!(
            g.levels
                .iter()
                .all(|l| matches!(l.id(), "xa" | "tinh" | "bo" | "khac")),
            "{}: bad level",
            g.code
        );
        assert!(
            sotay::text::normalize(&g.summary) == g.summary,
            "{}: summary not NFC",
            g.code
        );
    }
}

#[test]
fn data_files_are_complete() {
    let h = engine().handbook();
    let ids: Vec<&str> = h.life_events.iter().map(|e| e.id.as_str()).collect();
    for id in [
        "co-con-nho",
        "ket-hon",
        "nguoi-than-qua-doi",
        "cu-tru-giay-to",
        "nha-dat-xay-dung",
        "kinh-doanh",
        "ho-tro-bao-hiem",
    ] {
        assert!(ids.contains(&id), "life event {id} missing");
    }
    for family in [
        "dang-ky-lai",
        "khai-sinh",
        "chung-thuc",
        "dang-ky-cu-tru",
        "can-cuoc",
        "ho-kinh-doanh",
    ] {
        assert!(
            h.families.iter().any(|f| f.id == family),
            "family {family} missing"
        );
    }
    // The glossary belongs to the engine's language layer now, whatever the handbook.
    let terms: Vec<String> = engine()
        .glossary()
        .iter()
        .map(|t| t.term.to_lowercase())
        .collect();
    for t in [
        "cccd",
        "cmnd",
        "kt3",
        "hộ khẩu",
        "sổ đỏ",
        "ct07",
        "bhyt",
        "ubnd",
        "vneid",
    ] {
        assert!(terms.iter().any(|x| x == t), "glossary lacks {t}");
    }
    let locality = h.locality.as_ref().expect("locality profile");
    assert!(
        locality.sample,
        "the shipped locality is marked as a sample"
    );
    assert!(!locality.office.phone.is_empty() && !locality.petitions.address.is_empty());
}

#[test]
fn look_alikes_come_from_families() {
    let h = engine().handbook();
    let alikes: Vec<&str> = h
        .look_alikes("1.004884")
        .iter()
        .map(|g| g.code.as_str())
        .collect();
    assert!(
        alikes.contains(&"1.004746") && alikes.contains(&"1.005461"),
        "{alikes:?}"
    );
}
