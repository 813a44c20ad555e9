//! Signing keys in minisign's format, so that `minisign -Vm manifest.toml -p key.pub` checks a pack's
//! manifest too.
//!
//! The secret key is written unencrypted (minisign's "no password" form) with mode 0600: it is meant to
//! live on the content office's signing machine only. The public key file is minisign's usual two lines;
//! the installation's config holds just its second (base64) line.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::pack::manifest::rejected;

/// The untrusted comment of every pack signature (checked exactly, so it cannot be altered either).
pub(crate) const SIGNATURE_COMMENT: &str = "signature of a sotay content pack";

/// A public key trusted to sign packs.
#[derive(Debug, Clone)]
pub struct PublicKey {
    key: minisign::PublicKey,
}

impl PublicKey {
    /// Reads a key from the base64 line of a minisign public key (`RW…`), or from the whole two-line file.
    pub fn parse(text: &str) -> Result<PublicKey> {
        let line = text
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty() && !l.starts_with("untrusted comment:"))
            .unwrap_or("");
        minisign::PublicKey::from_base64(line)
            .map(|key| PublicKey { key })
            .map_err(|e| Error::Pack(format!("not a minisign public key: {e}")))
    }

    /// Reads a public key file (`.pub`; a regular file of a few lines).
    pub fn from_file(path: &Path) -> Result<PublicKey> {
        let text = read_key_file(path)?;
        PublicKey::parse(&text).map_err(|e| Error::Pack(format!("{}: {e}", path.display())))
    }

    /// The key's base64 line, as stored in the config's `packs.trusted_keys`.
    pub fn to_base64(&self) -> String {
        self.key.to_base64()
    }

    /// The key id as minisign prints it (16 hex digits).
    pub fn id(&self) -> String {
        key_id(self.key.keynum())
    }
}

/// Reads a key file: a regular file only (a FIFO is refused, never waited on), at most 64 KiB.
fn read_key_file(path: &Path) -> Result<String> {
    crate::regular::read_to_string(path, 64 * 1024).map_err(|e| match e {
        crate::regular::ReadError::Io(e) => Error::io(path, e),
        other => Error::Pack(format!("{}: {other}; not a key file", path.display())),
    })
}

/// The secret half, for signing.
pub(crate) struct SecretKey {
    key: minisign::SecretKey,
    public: Option<minisign::PublicKey>,
}

impl SecretKey {
    /// Reads an unencrypted minisign secret key file, and `PATH.pub` beside it when present.
    pub(crate) fn from_file(path: &Path) -> Result<SecretKey> {
        let text = read_key_file(path)?;
        let key = minisign::SecretKeyBox::from_string(&text)
            .and_then(minisign::SecretKeyBox::into_unencrypted_secret_key)
            .map_err(|e| {
                Error::Pack(format!(
                    "{}: not an unencrypted minisign secret key: {e}",
                    path.display()
                ))
            })?;
        let public = minisign::PublicKey::from_secret_key(&key).ok();
        Ok(SecretKey { key, public })
    }

    /// The matching public key, when it can be derived.
    pub(crate) fn public(&self) -> Vec<PublicKey> {
        self.public
            .iter()
            .map(|key| PublicKey { key: key.clone() })
            .collect()
    }

    /// Signs `data` with a trusted comment; returns the `.minisig` file's text.
    pub(crate) fn sign(&self, data: &[u8], trusted_comment: &str) -> Result<String> {
        minisign::sign(
            self.public.as_ref(),
            &self.key,
            Cursor::new(data),
            Some(trusted_comment),
            Some(SIGNATURE_COMMENT),
        )
        .map(|sig| sig.to_string())
        .map_err(|e| Error::Pack(format!("cannot sign: {e}")))
    }
}

/// Generates a key pair: the secret key at `out` (mode 0600) and the public key at `out.pub`. Refuses to
/// replace existing files unless `overwrite`. Returns the public key.
pub fn keygen(out: &Path, overwrite: bool) -> Result<PublicKey> {
    let pub_path = pub_path(out);
    if !overwrite {
        for p in [out, pub_path.as_path()] {
            if p.exists() {
                return Err(Error::Pack(format!(
                    "{} exists; refusing to overwrite a key (use --force)",
                    p.display()
                )));
            }
        }
    }
    let pair = minisign::KeyPair::generate_unencrypted_keypair()
        .map_err(|e| Error::Pack(format!("cannot generate a key: {e}")))?;
    let id = key_id(pair.pk.keynum());
    let sk_text = pair
        .sk
        .to_box(Some(&format!("sotay pack secret key {id}")))
        .map_err(|e| Error::Pack(format!("cannot encode the secret key: {e}")))?
        .to_string();
    let pk_text = pair
        .pk
        .to_box()
        .map_err(|e| Error::Pack(format!("cannot encode the public key: {e}")))?
        .to_string();
    crate::atomic::write(out, sk_text.as_bytes(), true)?;
    crate::atomic::write(&pub_path, pk_text.as_bytes(), false)?;
    Ok(PublicKey { key: pair.pk })
}

/// `PATH.pub`.
pub fn pub_path(secret: &Path) -> PathBuf {
    let mut name = secret.as_os_str().to_owned();
    name.push(".pub");
    PathBuf::from(name)
}

/// What a verified signature says.
#[derive(Debug)]
pub(crate) struct Signed {
    /// The signed trusted comment.
    pub(crate) trusted_comment: String,
}

/// Checks a `.minisig` text against the signed bytes: it must be exactly as sotay writes it (canonical
/// encoding, sotay's untrusted comment) and verify, with its trusted comment, under one of `trusted`.
pub(crate) fn verify_signature(
    data: &[u8],
    minisig: &[u8],
    trusted: &[PublicKey],
) -> Result<Signed> {
    let text = std::str::from_utf8(minisig)
        .map_err(|_| rejected("manifest.toml.minisig is not valid UTF-8"))?;
    let sig = minisign::SignatureBox::from_string(text)
        .map_err(|e| rejected(format!("manifest.toml.minisig is malformed: {e}")))?;
    if sig.to_string() != text {
        return Err(rejected(
            "manifest.toml.minisig is damaged (not in the exact form sotay writes)",
        ));
    }
    if sig.untrusted_comment().ok().as_deref() != Some(SIGNATURE_COMMENT) {
        return Err(rejected(
            "manifest.toml.minisig: the untrusted comment was altered",
        ));
    }
    if trusted.is_empty() {
        return Err(rejected(
            "no trusted public key is configured (add one to packs.trusted_keys in config.toml or pass --pubkey)",
        ));
    }
    let signer = key_id(sig.keynum());
    let Some(key) = trusted.iter().find(|k| k.key.keynum() == sig.keynum()) else {
        return Err(rejected(format!(
            "signed by key {signer}, which is not a trusted key (trusted: {})",
            trusted
                .iter()
                .map(PublicKey::id)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    minisign::verify(&key.key, &sig, Cursor::new(data), true, false, false).map_err(|e| {
        rejected(format!(
            "the signature of manifest.toml does not verify: {e}"
        ))
    })?;
    // The trusted comment is covered by the global signature checked just above.
    let trusted_comment = sig
        .trusted_comment()
        .map_err(|e| rejected(format!("manifest.toml.minisig: {e}")))?;
    Ok(Signed { trusted_comment })
}

/// A minisign key id (little-endian 64-bit number) as 16 uppercase hex digits.
fn key_id(keynum: &[u8]) -> String {
    keynum.iter().rev().map(|b| format!("{b:02X}")).collect()
}

/// The public keys the installation trusts: `packs.trusted_keys` of its `config.toml` (none when the
/// file is absent). A key that cannot be read is an error naming the file.
pub fn trusted_keys(data_dir: &Path) -> Result<Vec<PublicKey>> {
    let config = crate::config::Config::load(data_dir)?;
    config
        .packs
        .trusted_keys
        .iter()
        .enumerate()
        .map(|(i, line)| {
            PublicKey::parse(line).map_err(|e| {
                Error::Config(format!(
                    "{}: packs.trusted_keys[{i}]: {e}",
                    crate::config::Config::path(data_dir).display()
                ))
            })
        })
        .collect()
}
