//! Rebuilds the crate when the embedded handbook (`content/`) changes.
fn main() {
    println!("cargo:rerun-if-changed=content");
}
