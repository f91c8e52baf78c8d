//! A run killed with SIGKILL in the middle of writing a baseline must leave
//! the previous baseline whole. This test starts a child process (this same
//! test binary, running `child_rewrites_forever`) that rewrites one large
//! file with `write_atomically` in a loop, kills it at varied moments, and
//! checks each time that the file holds one complete version.

#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use gainsay::atomic::write_atomically;

const TARGET_ENV: &str = "GAINSAY_ATOMIC_KILL_TARGET";
/// Large enough that a write takes a few milliseconds, so kills land inside one.
const SIZE: usize = 4 << 20;

/// Version `n` of the file: SIZE bytes of one letter, so a torn file shows.
fn version(n: usize) -> Vec<u8> {
    vec![b'a' + u8::try_from(n % 26).expect("below 26"); SIZE]
}

/// The child's work: only runs when the parent names a target.
#[test]
fn child_rewrites_forever() {
    let Some(target) = std::env::var_os(TARGET_ENV) else {
        return;
    };
    let target = Path::new(&target);
    for n in 1.. {
        write_atomically(target, version(n)).expect("the child's write succeeds");
    }
}

#[test]
fn sigkill_mid_write_leaves_a_whole_old_or_new_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let target = dir.path().join("baseline.json");
    write_atomically(&target, version(0)).expect("first write");
    let exe = std::env::current_exe().expect("test binary");
    let mut changed = 0;
    for round in 0..12u64 {
        let mut child = Command::new(&exe)
            .args(["--exact", "child_rewrites_forever", "--test-threads=1", "--nocapture"])
            .env(TARGET_ENV, &target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the writer");
        let before = std::fs::read(&target).expect("read the target");
        // Kill at staggered moments so some kills land mid-write.
        std::thread::sleep(Duration::from_millis(40 + round * 17));
        child.kill().expect("SIGKILL the writer");
        child.wait().expect("reap the writer");
        let after = std::fs::read(&target).expect("the target still exists");
        assert_eq!(after.len(), SIZE, "round {round}: torn file of {} bytes", after.len());
        assert!(after.iter().all(|b| *b == after[0]), "round {round}: the file mixes two versions");
        if after != before {
            changed += 1;
        }
    }
    // The writer did make progress, so the kills hit a live loop.
    assert!(changed > 0, "the child never completed a write");
}

/// Issue 20: Ctrl-C while `gainsay index` wrote its output left a
/// `.corpus.idx.PID.N.tmp` file beside it. The output folder is watched for
/// the whole run; the moment a temporary file shows, the run gets SIGINT, and
/// none may remain. (Written by name only for the final rename, the index
/// now shows none to interrupt.)
#[test]
fn sigint_while_index_writes_leaves_no_temporary_file() {
    let corpus = tempfile::tempdir().expect("corpus folder");
    let seeds: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
        .expect("the bundled corpus")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    // Enough articles that the index takes some milliseconds to write.
    for copy in 0..120 {
        for seed in &seeds {
            let name = format!("{copy}-{}", seed.file_name().expect("a name").to_string_lossy());
            std::fs::copy(seed, corpus.path().join(name)).expect("copy an article");
        }
    }
    let out = tempfile::tempdir().expect("output folder");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gainsay"))
        .arg("index")
        .arg(corpus.path())
        .arg("--output")
        .arg(out.path().join("corpus.idx"))
        .arg("--no-config")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("gainsay index starts");
    let temporary_files = || {
        std::fs::read_dir(out.path())
            .expect("the output folder")
            .map(|entry| entry.expect("an entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "tmp"))
            .collect::<Vec<_>>()
    };
    loop {
        if child.try_wait().expect("the child's state").is_some() {
            break;
        }
        if !temporary_files().is_empty() {
            let pid = rustix::process::Pid::from_child(&child);
            rustix::process::kill_process(pid, rustix::process::Signal::INT).expect("SIGINT gainsay index");
            child.wait().expect("reap gainsay index");
            break;
        }
        std::thread::sleep(Duration::from_micros(100));
    }
    assert_eq!(temporary_files(), Vec::<std::path::PathBuf>::new());
}
