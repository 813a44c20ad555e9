//! Random names for the slots, staging folders and temporary files of crash-safe unpacking. (New files
//! flushed to disk and folder fsync are `crate::atomic`'s.)

/// Eight random bytes as 16 hex digits, for slot, staging and temporary names.
pub(crate) fn random_suffix() -> String {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_err() {
        // No entropy source: fall back to something unique enough for a file name.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes = (nanos as u64 ^ u64::from(std::process::id()).rotate_left(32)).to_le_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
