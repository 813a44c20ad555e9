//! Property tests: normalization is stable, and no input makes the query pipeline fail or panic.

use proptest::prelude::*;
use sotay::SearchOptions;
use sotay::text::{fold, normalize};

use crate::common::engine;

/// Text mixing Vietnamese letters, combining marks, query syntax, controls and anything else.
fn messy_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("đăng ký".to_string()),
        Just("ddawng kys".to_string()),
        Just("\u{0301}\u{0323}".to_string()),
        Just("\" : ( ) * ~ ^ [ ] + -".to_string()),
        Just("\u{0}\u{1b}[31m".to_string()),
        Just("hộ khẩu KT3 CCCD".to_string()),
        "\\PC{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..8).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn normalize_is_idempotent(s in "\\PC{0,40}") {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert_eq!(fold(&fold(&once)), fold(&once));
    }

    #[test]
    fn any_query_gives_results_without_error(q in messy_text(), prefix in any::<bool>(), limit in 0usize..50) {
        let options = SearchOptions { limit, prefix, ..SearchOptions::default() };
        let r = engine().search(&q, &options).expect("search never fails on user input");
        prop_assert!(r.hits.len() <= limit.max(1));
        prop_assert!(r.total >= r.hits.len());
        for h in &r.hits {
            prop_assert!(!h.snippet.contains("<script"));
            prop_assert!(engine().handbook().guide(&h.code).is_some());
        }
    }
}
