//! Builds the search index over a folder of guides several times, for profilers and for timing the
//! stages of index building: `target/release/examples/profile_build DIR [ROUNDS]` (DIR e.g. the output of
//! `sotay import dvcqg`), or `perf record -g` on it.

use std::time::Instant;

use sotay::{Engine, Handbook};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "content".to_string());
    let rounds: usize = args.next().map_or(Ok(3), |r| r.parse())?;
    let started = Instant::now();
    let handbook = Handbook::load_dir(std::path::Path::new(&dir))?;
    println!(
        "loaded {} guides in {:.0} ms",
        handbook.guides.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    for _ in 0..rounds {
        let copy = handbook.clone();
        let (process, thread) = (cpu_ms(libc::RUSAGE_SELF), cpu_ms(libc::RUSAGE_THREAD));
        let started = Instant::now();
        let engine = Engine::new(copy)?;
        println!(
            "built the index in {:.0} ms wall, {:.0} ms CPU of which {:.0} ms on the calling thread ({} bytes)",
            started.elapsed().as_secs_f64() * 1000.0,
            cpu_ms(libc::RUSAGE_SELF) - process,
            cpu_ms(libc::RUSAGE_THREAD) - thread,
            engine.index_bytes()
        );
    }
    Ok(())
}

/// CPU time (user + system) of the process or the calling thread, in milliseconds; on a busy machine it
/// is a steadier figure than wall time.
fn cpu_ms(who: libc::c_int) -> f64 {
    // SAFETY: getrusage only writes into the zeroed struct we pass.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(who, &mut usage);
        usage
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}
