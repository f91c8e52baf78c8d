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
