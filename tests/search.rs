//! The query pipeline over the bundled handbook.

use sotay::guide::Level;
use sotay::{Filters, SearchOptions, SearchResults};
use unicode_normalization::UnicodeNormalization;

use crate::common::{codes, engine};

fn top(query: &str) -> Vec<String> {
    codes(engine(), query)
}

/// What the embedded handbook's engine answers with the default options.
fn search(query: &str) -> SearchResults {
    engine()
        .search(query, &SearchOptions::default())
        .expect("search")
}

#[test]
fn marriage_is_first_accented_plain_and_nfd() {
    assert_eq!(top("đăng ký kết hôn")[0], "1.000894");
    assert_eq!(top("dang ky ket hon")[0], "1.000894");
    let nfd: String = "đăng ký kết hôn".nfd().collect();
    assert_eq!(top(&nfd)[0], "1.000894");
}

#[test]
fn telex_old_terms_and_everyday_words_find_the_procedure() {
    assert_eq!(top("ddawng kys keets hoon")[0], "1.000894");
    assert_eq!(top("nhập hộ khẩu")[0], "1.004222");
    assert_eq!(top("giấy độc thân")[0], "1.004873");
    assert_eq!(top("báo tử")[0], "1.000656");
}

#[test]
fn snippets_highlight_the_accented_text() {
    let r = search("ket hon");
    let s = &r.hits[0].snippet;
    assert!(
        s.contains("<b>kết</b>") || s.contains("<b>hôn</b>") || s.contains("<b>Kết</b>"),
        "{s}"
    );
}

#[test]
fn filters_restrict_results() {
    let options = SearchOptions {
        filters: Filters {
            level: Some(Level::Tinh),
            ..Filters::default()
        },
        ..SearchOptions::default()
    };
    let r = engine()
        .search("giấy chứng nhận", &options)
        .expect("search");
    assert!(!r.hits.is_empty());
    for h in &r.hits {
        let g = engine().handbook().guide(&h.code).expect("guide");
        assert!(
            g.levels.contains(&Level::Tinh),
            "{} is not cấp tỉnh",
            h.code
        );
    }
    let options = SearchOptions {
        filters: Filters {
            field: Some("Chứng thực".into()),
            ..Filters::default()
        },
        ..SearchOptions::default()
    };
    let r = engine().search("", &options).expect("browse");
    assert!(r.total >= 7, "browse by field lists the field's guides");
    assert!(r.hits.iter().all(|h| h.field == "Chứng thực"));
}

#[test]
fn look_alikes_are_flagged_as_ambiguous() {
    let r = search("đăng ký lại");
    assert!(
        r.ambiguous,
        "{:?}",
        r.hits.iter().map(|h| &h.code).collect::<Vec<_>>()
    );
    let family = r.family.expect("family");
    assert!(family.members.iter().all(|m| !m.choose_when.is_empty()));
    let r = search("đăng ký kết hôn");
    assert!(!r.ambiguous, "a precise query is not ambiguous");
}

#[test]
fn did_you_mean_restores_diacritics() {
    let r = search("dang ky khia sinh");
    assert_eq!(r.suggestion.as_deref(), Some("đăng ký khai sinh"));
    // The misspelt word matches fuzzily, so the birth registration and its re-registration twin
    // ("đăng ký lại khai sinh") score alike; both lead, and the chooser separates them.
    let top: Vec<&str> = r.hits.iter().take(2).map(|h| h.code.as_str()).collect();
    assert!(top.contains(&"1.001193"), "{top:?}");
}

#[test]
fn prefix_matches_the_last_word_while_typing() {
    let options = SearchOptions {
        prefix: true,
        ..SearchOptions::default()
    };
    let r = engine().search("tạm vắ", &options).expect("search");
    assert_eq!(r.hits[0].code, "1.003677");
}

#[test]
fn odd_queries_give_sensible_empty_results() {
    for q in ["", "   ", "\" : ( ) * ~ ^ [ ] + -", "\u{0}\u{7}", "🙂🙂"] {
        let r = engine()
            .search(q, &SearchOptions::default())
            .expect("no error");
        assert_eq!(r.total, r.hits.len().max(r.total));
        assert!(r.hits.is_empty(), "{q:?} found {:?}", r.hits);
    }
    let long = "đăng ký kết hôn ".repeat(700);
    let r = engine()
        .search(&long, &SearchOptions::default())
        .expect("long query");
    assert_eq!(r.hits[0].code, "1.000894");
}

#[test]
fn a_code_finds_its_guide() {
    assert_eq!(top("1.004222")[0], "1.004222");
}

#[test]
fn facets_count_guides() {
    let f = engine().facets();
    let total: usize = f.fields.iter().map(|x| x.count).sum();
    assert_eq!(total, engine().handbook().guides.len());
    assert!(f.levels.iter().any(|l| l.value == "xa" && l.count > 40));
    assert!(f.events.iter().all(|e| e.count > 0));
}

/// The folded words of each guide name of the embedded handbook (title, official title, aliases), with
/// abbreviations spelled out ("TNLĐ" is "tai nạn lao động").
fn name_words() -> Vec<std::collections::HashSet<String>> {
    let lexicon = sotay::lang::Lexicon::builtin().expect("the lexicon parses");
    let words = |text: &str| -> std::collections::HashSet<String> {
        let spelled = lexicon.spell_out(text).unwrap_or_else(|| text.to_string());
        sotay::text::fold(&format!("{text} {spelled}"))
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    engine()
        .handbook()
        .guides
        .iter()
        .flat_map(|g| {
            [g.title.as_str(), g.official_title.as_str()]
                .into_iter()
                .chain(g.aliases.iter().map(String::as_str))
                .map(words)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_situation_phrase_names_a_procedure() {
    // A rule may only point at vocabulary procedures are named with: every word of each phrase it
    // adds occurs in the name of one procedure.
    let lexicon = sotay::lang::Lexicon::builtin().expect("the lexicon parses");
    let names = name_words();
    let mut missing = Vec::new();
    for rule in lexicon.situations.rules() {
        for phrase in &rule.add {
            let folded = sotay::text::fold(phrase);
            let words: Vec<&str> = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            if !names.iter().any(|n| words.iter().all(|w| n.contains(*w))) {
                missing.push(format!("{}: {phrase}", rule.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "phrases whose words no procedure name holds: {missing:?}"
    );
}

#[test]
fn the_situation_rules_recognise_what_they_claim() {
    // The analysis says what it recognised, and the procedure it stands for comes first.
    for (query, rule, code) in [
        ("bố tôi vừa mất thì làm giấy gì", "khai-tu", "1.000656"),
        ("tôi làm mất thẻ căn cước", "mat-can-cuoc", "1.014064"),
    ] {
        let analysis = engine().analyze(query);
        assert!(
            analysis.situations.iter().any(|s| s.rule == rule),
            "{query}: {:?}",
            analysis.situations
        );
        assert_eq!(top(query)[0], code, "{query}");
    }
}

#[test]
fn facets_within_a_level_count_only_its_guides() {
    let e = engine();
    let all = e.facets();
    let xa = e.facets_within(Some(Level::Xa));
    let at_xa = e
        .handbook()
        .guides
        .iter()
        .filter(|g| g.levels.contains(&Level::Xa))
        .count();
    assert_eq!(xa.fields.iter().map(|x| x.count).sum::<usize>(), at_xa);
    assert_eq!(
        xa.levels, all.levels,
        "the levels are the scope's choices: counted over every guide"
    );
    for f in &xa.fields {
        let whole = all
            .fields
            .iter()
            .find(|a| a.value == f.value)
            .map_or(0, |a| a.count);
        assert!(
            f.count <= whole,
            "{}: {} within xa, {} in all",
            f.value,
            f.count,
            whole
        );
    }
}

#[test]
fn an_audience_facet_value_is_a_filter() {
    let e = engine();
    for a in e.facets().audiences {
        let filters: Filters = serde_json::from_value(serde_json::json!({ "audience": a.value }))
            .expect("a facet value parses as a filter");
        assert!(filters.audience.is_some());
    }
}

#[test]
fn a_long_question_with_a_name_gets_no_did_you_mean() {
    // Its unknown words are a name and a place, not typos: a word-by-word correction of three sentences
    // would be nonsense. A short query with a typo still gets one (above).
    let q = "Tôi tên là Y Kroa, quê ở buôn Ea Kly. Con gái tôi năm nay 8 tuổi, tôi muốn làm hộ chiếu \
             cho cháu để đi du lịch. Xin hỏi thủ tục thế nào?";
    let r = search(q);
    assert!(!r.hits.is_empty());
    assert_eq!(r.suggestion, None, "{:?}", r.suggestion);
}

#[test]
fn did_you_mean_offers_the_decoding_of_telex_and_leaves_words_typed_with_marks() {
    let suggestion = |q: &str| search(q).suggestion;
    // Typed with the input method off: the decoding is what was searched, and is shown.
    assert_eq!(
        suggestion("ddawng kys khai sinh cho con gais").as_deref(),
        Some("đăng ký khai sinh cho con gái")
    );
    // A loanword that merely looks like Telex ("photo" → "phôt") is left alone.
    assert_eq!(suggestion("photo công chứng giấy tờ"), None);
    // Words typed with their marks are meant, even when the catalogue has a commoner neighbour:
    // "mẹ" is not "đề", "trai" not "tái", "chuột" not "chuỗi".
    for q in [
        "đăng ký khai tử cho mẹ",
        "đăng ký giám hộ cho em trai",
        "giấy phép kinh doanh bị chuột cắn",
        "thẻ căn cước bị bong chip",
    ] {
        assert_eq!(suggestion(q), None, "{q}");
    }
}

#[test]
fn a_query_naming_no_change_asks_for_the_paper_itself() {
    let top = |q: &str| {
        search(q)
            .hits
            .into_iter()
            .map(|h| h.title)
            .take(3)
            .collect::<Vec<_>>()
    };
    // "Trình báo mất hộ chiếu" is done at the commune, the passport itself is not: the level prior
    // alone would put the loss first for someone who asks for a passport.
    let t = top("làm hộ chiếu");
    assert!(t[0].starts_with("Cấp hộ chiếu"), "{t:?}");
    let t = top("bị mất hộ chiếu");
    assert!(t[0].starts_with("Trình báo mất hộ chiếu"), "{t:?}");
    // A trip is why the passport is needed, not a procedure of the tourism trade.
    let t = top("làm hộ chiếu cho con đi du lịch");
    assert!(t.iter().all(|t| t.contains("hộ chiếu")), "{t:?}");
}

#[test]
fn everyday_words_are_never_corrected_into_catalogue_words() {
    // "Giờ" (now) and "gia đình" (family) are the lexicon's everyday words: the catalogue's far more
    // common "giá" must not replace them ("giá giá đình…" was offered before).
    let q = "Giờ gia đình tôi muốn đăng ký thường trú thì có được không và điều kiện là gì?";
    let r = search(q);
    assert!(!r.hits.is_empty());
    assert_eq!(r.suggestion, None, "{:?}", r.suggestion);
}
