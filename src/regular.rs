//! Reading a file someone named (a pack, a key, a content file, the config) without being led astray:
//! only a regular file is read, and opening never waits.
//!
//! A FIFO opened for reading blocks until something writes to it, so `sotay pack verify f.sotaypack`
//! on a named pipe used to hang forever; a device such as `/dev/zero` never ends. The file is opened
//! non-blocking (which changes nothing for a regular file), then its type is checked on the open
//! descriptor, so what is checked is what is read; anything but a regular file is refused, and so is a
//! file larger than the caller's bound, before its bytes are read.

use std::fs;
use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// It could not be opened or read.
    Io(std::io::Error),
    /// It is not a regular file: what it is instead ("a FIFO (named pipe)", "a folder"…).
    NotRegular(&'static str),
    /// It holds this many bytes, more than the bound.
    TooLarge(u64),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotRegular(what) => write!(f, "is {what}, not a regular file"),
            ReadError::TooLarge(len) => write!(f, "is too large ({len} bytes)"),
        }
    }
}

/// What a file that is not a regular one is, in words.
pub(crate) fn kind_of(t: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Opens `path` for reading without blocking and checks, on the open file, that it is a regular file
/// of at most `max` bytes. Links are followed (the file they lead to is checked).
pub(crate) fn open(path: &Path, max: u64) -> Result<(fs::File, u64), ReadError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|e| {
        // Opening a Unix socket fails with ENXIO: say what it is.
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ENXIO) {
            return ReadError::NotRegular("a socket");
        }
        ReadError::Io(e)
    })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge(meta.len()));
    }
    Ok((file, meta.len()))
}

/// Reads the regular file `path` whole, when it holds at most `max` bytes (see [`open`]).
pub(crate) fn read(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let (file, len) = open(path, max)?;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // A file growing while it is read is still cut at the bound.
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads the regular file `path` as UTF-8 text of at most `max` bytes; invalid UTF-8 is an
/// [`std::io::ErrorKind::InvalidData`] error.
pub(crate) fn read_to_string(path: &Path, max: u64) -> Result<String, ReadError> {
    String::from_utf8(read(path, max)?)
        .map_err(|e| ReadError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn regular_files_are_read_and_others_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "xin chào").unwrap();
        assert_eq!(read_to_string(&file, 100).unwrap(), "xin chào");
        assert!(matches!(read(&file, 3), Err(ReadError::TooLarge(9))));
        assert!(matches!(
            read(dir.path(), 100),
            Err(ReadError::NotRegular("a folder"))
        ));
        assert!(matches!(
            read(&dir.path().join("none"), 100),
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound
        ));
        #[cfg(unix)]
        {
            let fifo = dir.path().join("pipe");
            let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
            // SAFETY: a valid NUL-terminated path.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            let e = read(&fifo, 100).unwrap_err();
            assert!(
                matches!(e, ReadError::NotRegular("a FIFO (named pipe)")),
                "{e}"
            );
            assert!(matches!(
                read(Path::new("/dev/zero"), 100),
                Err(ReadError::NotRegular("a device"))
            ));
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert_eq!(read(&link, 100).unwrap(), "xin chào".as_bytes());
        }
    }
}
