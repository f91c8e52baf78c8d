//! `gainsay lsp` in a real editor: headless Neovim opens a corpus article
//! with the server attached through its built-in client (the 0.7 API:
//! `vim.lsp.start_client` and `vim.lsp.buf_attach_client`), waits for the
//! diagnostics and writes them out, with a hover. Skipped, saying so, when
//! `nvim` is not installed (`apt-get install neovim`; `.ci/run` does it).

mod common;

use std::fs;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

const SEED: &str = "000_3bbdc760ebf49d91.txt";
const ALIYEV: &str = "001_55187c37e6408f4f.txt";
const FLAGGED: &str = "Press TV on September 17";
/// Non-ASCII letters, curly quotes and an emoji before the flagged
/// sentence: Neovim converts the server's UTF-16 columns to bytes, so a
/// wrong unit shows up as a wrong byte column.
const PREFIX: &str = "Café owners in Zürich called the rumours “naïve” 🙄. ";

fn nvim_installed() -> bool {
    Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn neovim_shows_gainsay_diagnostics_with_related_articles_and_hover() {
    if !nvim_installed() {
        eprintln!("skipped: `nvim` is not installed (apt-get install -y neovim)");
        return;
    }
    let folder = common::copy_corpus(&common::root().join("corpus"), false);
    let seed = folder.path().join(SEED);
    let text = fs::read_to_string(&seed).unwrap().replacen(FLAGGED, &format!("{PREFIX}{FLAGGED}"), 1);
    fs::write(&seed, &text).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("nvim-out.jsonl");
    let script = common::root().join("tests/fixtures/editors/nvim-attach.lua");

    let mut nvim = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("GAINSAY_BIN", env!("CARGO_BIN_EXE_gainsay"))
        .env("GAINSAY_ROOT", folder.path())
        .env("GAINSAY_FILE", &seed)
        .env("GAINSAY_OUT", &out)
        .current_dir(scratch.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let started = Instant::now();
    let deadline = started + Duration::from_secs(90);
    while nvim.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = nvim.kill();
            panic!("nvim did not finish in time");
        }
        thread::sleep(Duration::from_millis(50));
    }
    eprintln!("nvim ran for {:?}", started.elapsed());

    let written = fs::read_to_string(&out).expect("the script writes its output");
    let records: Vec<Value> = written.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let of = |kind: &str| records.iter().filter(|r| r["kind"] == kind).map(|r| &r["value"]).collect::<Vec<_>>();
    assert!(of("error").is_empty(), "the script failed: {:?}", of("error"));
    assert_eq!(of("arrived"), [&Value::Bool(true)], "no diagnostics arrived");
    assert_eq!(of("encoding"), ["utf-16"]);

    let diagnostics = of("diagnostic");
    let flagged: Vec<&&Value> = diagnostics.iter().filter(|d| d["code"] == "origin-vs-denial").collect();
    assert_eq!(flagged.len(), 1, "one diagnostic for the sentence: {diagnostics:#?}");
    let denials = flagged[0]["relatedInformation"].as_array().map_or(0, Vec::len);
    assert!(denials >= 3, "{diagnostics:#?}");
    let at = text.find(FLAGGED).unwrap();
    let line_start = text[..at].rfind('\n').unwrap() + 1;
    for diagnostic in &flagged {
        assert_eq!(diagnostic["source"], "gainsay");
        assert_eq!(diagnostic["lnum"], text[..line_start].matches('\n').count());
        assert_eq!(diagnostic["col"], at - line_start, "Neovim's byte column of the flagged sentence");
    }
    let aliyev_uri = format!("file://{}", folder.path().join(ALIYEV).display());
    let into_aliyev = flagged
        .iter()
        .flat_map(|d| d["relatedInformation"].as_array().into_iter().flatten())
        .any(|r| r["location"]["uri"] == aliyev_uri);
    assert!(into_aliyev, "a related location in {ALIYEV}: {flagged:#?}");

    let hover = of("hover");
    assert_eq!(hover.len(), 1, "{records:#?}");
    let hover = hover[0].as_str().unwrap();
    assert!(hover.contains("**origin-vs-denial**") && hover.contains("Flags a report that an operation"), "{hover}");
}
