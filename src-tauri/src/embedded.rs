//! The engine snapshot of the embedded handbook, made by `build.rs` and compiled into the app, so that
//! the first start of a fresh installation opens the national catalogue's index instead of building it.

use std::io::Read;

/// The gzip-compressed snapshot written by `build.rs`.
static SNAPSHOT_GZ: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.snapshot.gz"));

/// The snapshot, decompressed; `None` if it cannot be (the engine then builds the embedded handbook).
pub fn snapshot() -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(SNAPSHOT_GZ)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_compiled_in_snapshot_opens_to_the_embedded_handbook() {
        let bytes = super::snapshot().expect("the snapshot decompresses");
        let engine = sotay::Engine::from_snapshot(&bytes, None).expect("the snapshot opens");
        let info = &engine.handbook().info;
        assert!(info.national > 2000 && info.edited > 50, "{info:?}");
        let r = engine
            .search("đăng ký khai tử", &sotay::SearchOptions::default())
            .expect("search");
        assert_eq!(r.hits[0].code, "1.000656");
    }
}
