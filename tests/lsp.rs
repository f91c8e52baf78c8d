//! `gainsay lsp` driven over stdio the way an editor drives it: initialize,
//! open an article, read the published diagnostics, hover, ask for code
//! actions, apply one, shut down and exit.

mod common;
#[path = "common/lsp_client.rs"]
mod lsp_client;

use std::fs;
use std::path::Path;

use lsp_client::{Client, uri, utf16_slice};
use serde_json::{Value, json};

const SEED: &str = "000_3bbdc760ebf49d91.txt";
const ALIYEV: &str = "001_55187c37e6408f4f.txt";

/// Letters outside ASCII, curly quotes and an emoji, put on the flagged
/// sentence's line before it: its columns then differ between UTF-8 bytes,
/// UTF-16 units and code points.
const PREFIX: &str = "Café owners in Zürich called the rumours “naïve” 🙄. ";

/// Where the flagged sentence starts.
const FLAGGED: &str = "Press TV on September 17";

/// The workspace: a copy of the corpus, so tests can change files in it.
fn workspace() -> tempfile::TempDir {
    common::copy_corpus(&common::root().join("corpus"), false)
}

/// The seed article as the editor holds it: unsaved, with [`PREFIX`].
fn edited_seed(folder: &Path) -> String {
    fs::read_to_string(folder.join(SEED)).unwrap().replacen(FLAGGED, &format!("{PREFIX}{FLAGGED}"), 1)
}

fn open(client: &mut Client, path: &Path, text: &str, version: i64) {
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(path), "languageId": "plaintext", "version": version, "text": text } }),
    );
}

fn with_code<'d>(diagnostics: &'d Value, code: &str) -> Vec<&'d Value> {
    diagnostics["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == code).collect()
}

#[test]
fn a_seed_article_gets_origin_vs_denial_diagnostics_hover_and_a_fix() {
    let folder = workspace();
    let seed = folder.path().join(SEED);
    let (mut client, init) = Client::initialized(folder.path(), json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16", "UTF-16 when the client offers nothing");
    assert_eq!(init["serverInfo"]["name"], "gainsay");

    let text = edited_seed(folder.path());
    open(&mut client, &seed, &text, 1);
    let published = client.diagnostics(&uri(&seed));
    assert_eq!(published["version"], 1);
    let flagged = with_code(&published, "origin-vs-denial");
    // One diagnostic for the report, with each denial as related information.
    assert_eq!(flagged.len(), 1, "origin-vs-denial grouped: {published:#}");
    let denials = flagged[0]["relatedInformation"].as_array().unwrap();
    assert!(denials.len() >= 3, "origin-vs-denial against several denials: {published:#}");

    // Every one sits on the flagged sentence, after the non-ASCII prefix,
    // with its columns in UTF-16 units.
    let line_start = text[..text.find(FLAGGED).unwrap()].rfind('\n').unwrap() + 1;
    let prefix_on_line = &text[line_start..text.find(FLAGGED).unwrap()];
    for diagnostic in &flagged {
        assert_eq!(diagnostic["source"], "gainsay");
        assert_eq!(diagnostic["severity"], 2, "a promise not to allow is a warning: {diagnostic:#}");
        let start = &diagnostic["range"]["start"];
        assert_eq!(start["line"], text[..line_start].matches('\n').count());
        assert_eq!(start["character"], prefix_on_line.encode_utf16().count());
        assert_ne!(start["character"], prefix_on_line.len(), "bytes are not UTF-16 units");
        let sentence = utf16_slice(&text, &diagnostic["range"]);
        assert!(sentence.starts_with(FLAGGED) && sentence.ends_with("Autonomous Republic."), "{sentence:?}");
    }

    // One points at Aliyev's denial in another file, at the right range.
    let aliyev_text = fs::read_to_string(folder.path().join(ALIYEV)).unwrap();
    let related: Vec<&Value> = flagged
        .iter()
        .flat_map(|d| d["relatedInformation"].as_array().unwrap())
        .filter(|r| r["location"]["uri"] == uri(&folder.path().join(ALIYEV)))
        .collect();
    assert_eq!(related.len(), 1, "{flagged:#?}");
    let denial = utf16_slice(&aliyev_text, &related[0]["location"]["range"]);
    // Aliyev denies it twice; one finding per source keeps the stronger.
    assert!(
        denial.contains("will not allow its territory to be used") || denial.contains("any action from its soil"),
        "{denial:?}"
    );
    assert!(related[0]["message"].as_str().unwrap().contains("denies territory-use"));

    // Hover shows both claims side by side and the rule's doc.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&seed) }, "position": flagged[0]["range"]["start"] }),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert!(shown.contains("**origin-vs-denial**"), "{shown}");
    assert!(shown.contains("| --- | --- |"), "{shown}");
    assert!(shown.contains("Press TV on September 17 quoted unnamed sources"), "{shown}");
    assert!(
        shown.contains("Azerbaijan would not permit any action from its soil")
            || shown.contains("will not allow its territory"),
        "{shown}"
    );
    assert!(shown.contains("Flags a report that an operation"), "the rule's doc: {shown}");
    assert_eq!(hover["range"], flagged[0]["range"]);

    // Nothing to hover on the title line.
    let nothing = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&seed) }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(nothing, Value::Null);

    // The fix: ignore the rule in this article's existing front matter.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(&seed) },
            "range": flagged[0]["range"],
            "context": { "diagnostics": [flagged[0]] },
        }),
    );
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("Ignore `origin-vs-denial`"))
        .unwrap_or_else(|| panic!("no ignore action: {actions:#}"));
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["diagnostics"][0]["code"], "origin-vs-denial");
    let edits = action["edit"]["changes"][uri(&seed)].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["newText"], "gainsay-ignore: [origin-vs-denial]\n");
    assert_eq!(edits[0]["range"]["start"], json!({ "line": 2, "character": 0 }), "before the closing `---`");

    // The client applies it; once typing pauses the findings are gone.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri(&seed), "version": 2 },
            "contentChanges": [{ "range": edits[0]["range"], "text": edits[0]["newText"] }],
        }),
    );
    let republished = client.diagnostics(&uri(&seed));
    assert_eq!(republished["version"], 2);
    assert!(with_code(&republished, "origin-vs-denial").is_empty(), "{republished:#}");

    assert!(client.shutdown().success(), "exit after shutdown is exit code 0");
}

#[test]
fn columns_count_the_encoding_the_client_prefers() {
    let folder = workspace();
    let seed = folder.path().join(SEED);
    let capabilities = json!({ "general": { "positionEncodings": ["utf-32", "utf-16"] } });
    let (mut client, init) = Client::initialized(folder.path(), capabilities);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-32");
    let text = edited_seed(folder.path());
    open(&mut client, &seed, &text, 1);
    let published = client.diagnostics(&uri(&seed));
    let flagged = with_code(&published, "origin-vs-denial");
    assert!(!flagged.is_empty());
    let flagged_at = text.find(FLAGGED).unwrap();
    let line_start = text[..flagged_at].rfind('\n').unwrap() + 1;
    let code_points = text[line_start..flagged_at].chars().count();
    assert_eq!(flagged[0]["range"]["start"]["character"], code_points);
    // The emoji is one code point but two UTF-16 units.
    assert_eq!(code_points + 1, text[line_start..flagged_at].encode_utf16().count());
    assert!(client.shutdown().success());
}

#[test]
fn typing_is_checked_once_it_pauses_against_the_unsaved_text() {
    let folder = workspace();
    let aliyev = folder.path().join(ALIYEV);
    let (mut client, _) = Client::initialized(folder.path(), json!({}));
    open(&mut client, &aliyev, "Nothing to see here.\n", 1);
    let first = client.diagnostics(&uri(&aliyev));
    assert_eq!(first["diagnostics"], json!([]));
    // Three quick edits: the unsaved denial contradicts the seed article.
    let denial = fs::read_to_string(&aliyev).unwrap();
    for (version, text) in
        [(2, "Azerbaijan’s President"), (3, "Azerbaijan’s President Ilham Aliyev has said"), (4, denial.as_str())]
    {
        client.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri(&aliyev), "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }
    // The edits come faster than the debounce, so the check after the
    // pause is of version 4; the debouncer's own tests pin the timing, this
    // one waits for version 4 rather than fail on a stalled machine.
    let published = client.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri(&aliyev)
            && m["params"]["version"] == 4
    })["params"]
        .clone();
    let flagged = with_code(&published, "origin-vs-denial");
    assert!(!flagged.is_empty(), "{published:#}");
    let into_seed = flagged[0]["relatedInformation"].as_array().unwrap();
    assert!(into_seed.iter().any(|r| r["location"]["uri"] == uri(&folder.path().join(SEED))));
    assert!(client.shutdown().success());
}

#[test]
fn an_article_changed_on_disk_updates_the_open_articles_it_contradicts() {
    let folder = workspace();
    let aliyev = folder.path().join(ALIYEV);
    let seed = folder.path().join(SEED);
    let (mut client, _) = Client::initialized(folder.path(), json!({}));
    open(&mut client, &aliyev, &fs::read_to_string(&aliyev).unwrap(), 1);
    let before = client.diagnostics(&uri(&aliyev));
    assert!(!with_code(&before, "origin-vs-denial").is_empty(), "{before:#}");

    // Another tool removes the report from the seed article on disk.
    let without_report: String =
        fs::read_to_string(&seed).unwrap().lines().filter(|l| !l.contains(FLAGGED)).collect::<Vec<_>>().join("\n");
    fs::write(&seed, without_report).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": uri(&seed), "type": 2 }] }));
    let after = client.diagnostics(&uri(&aliyev));
    assert!(with_code(&after, "origin-vs-denial").is_empty(), "{after:#}");

    // And a new article that repeats it brings the finding back.
    let report = folder.path().join("005_new.txt");
    fs::write(&report, "Press TV quoted unnamed sources as saying that the Israeli spy drone had taken off from an air base in Azerbaijan’s Nakhchivan Autonomous Republic.\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": uri(&report), "type": 1 }] }));
    let back = client.diagnostics(&uri(&aliyev));
    let flagged = with_code(&back, "origin-vs-denial");
    assert!(flagged.iter().any(|d| d["relatedInformation"][0]["location"]["uri"] == uri(&report)), "{back:#}");
    assert!(client.shutdown().success());
}

#[test]
fn malformed_messages_unknown_methods_and_unreadable_files_do_not_stop_the_server() {
    let folder = workspace();
    fs::write(folder.path().join("latin1.txt"), b"Caf\xe9 au lait.\n").unwrap();
    let (mut client, _) = Client::initialized(folder.path(), json!({}));
    let skipped = client.wait(|m| {
        m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap().contains("latin1.txt")
    });
    assert!(skipped["params"]["message"].as_str().unwrap().contains("not valid UTF-8"), "{skipped}");

    // A body that is not JSON gets a parse error with a null id.
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let parse_error = client.wait(|m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);

    // An unknown request gets MethodNotFound; an unknown notification nothing.
    let unknown = client.request_raw("gainsay/frobnicate", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    client.notify("gainsay/whatever", json!({ "x": 1 }));

    // Bad parameters: an error for a request, a log line for a notification.
    let bad = client.request_raw("textDocument/hover", json!({ "textDocument": 3 }));
    assert_eq!(bad["error"]["code"], -32602);
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": 5 } }));
    client.wait(|m| m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap().contains("didOpen"));

    // A watched file that cannot be read is logged.
    let binary = folder.path().join("binary.txt");
    fs::write(&binary, b"a\0b").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": uri(&binary), "type": 1 }] }));
    client.wait(|m| m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap().contains("binary"));

    // The server still works.
    let seed = folder.path().join(SEED);
    open(&mut client, &seed, &fs::read_to_string(&seed).unwrap(), 1);
    assert!(!with_code(&client.diagnostics(&uri(&seed)), "origin-vs-denial").is_empty());
    assert!(client.shutdown().success());
}

#[test]
fn exit_without_shutdown_is_exit_code_one() {
    let folder = workspace();
    let before_init = Client::start().request_raw("textDocument/hover", json!({}));
    assert_eq!(before_init["error"]["code"], -32002, "ServerNotInitialized");
    let (mut client, _) = Client::initialized(folder.path(), json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_status().code(), Some(1));
}

#[test]
fn a_finding_added_to_the_configured_baseline_is_no_longer_shown() {
    let folder = workspace();
    fs::write(folder.path().join("gainsay.toml"), "baseline = \"accepted.json\"\n").unwrap();
    let seed = folder.path().join(SEED);
    let (mut client, init) = Client::initialized(folder.path(), json!({}));
    assert_eq!(init["capabilities"]["executeCommandProvider"]["commands"], json!(["gainsay.addToBaseline"]));
    open(&mut client, &seed, &fs::read_to_string(&seed).unwrap(), 1);
    let before = client.diagnostics(&uri(&seed));
    let flagged = with_code(&before, "origin-vs-denial");
    assert_eq!(flagged.len(), 1, "one diagnostic for the sentence: {before:#}");
    let denials = flagged[0]["relatedInformation"].as_array().unwrap().len();
    assert!(denials >= 2, "{before:#}");

    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri(&seed) }, "range": flagged[0]["range"], "context": { "diagnostics": [] } }),
    );
    let accept: Vec<&Value> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["title"].as_str().unwrap().contains("to the baseline (accepted.json)"))
        .collect();
    assert_eq!(accept.len(), denials, "one per denial of the sentence: {actions:#}");
    let command = &accept[0]["command"];
    assert_eq!(command["command"], "gainsay.addToBaseline");

    let done = client.request(
        "workspace/executeCommand",
        json!({ "command": command["command"], "arguments": command["arguments"] }),
    );
    assert_eq!(done, Value::Null);
    let written: Value =
        serde_json::from_str(&fs::read_to_string(folder.path().join("accepted.json")).unwrap()).unwrap();
    assert_eq!(written["findings"].as_array().unwrap().len(), 1);
    assert_eq!(written["findings"][0]["rule"], "origin-vs-denial");

    let after = client.diagnostics(&uri(&seed));
    let left = with_code(&after, "origin-vs-denial");
    assert_eq!(left[0]["relatedInformation"].as_array().unwrap().len(), denials - 1, "{after:#}");

    let bad =
        client.request_raw("workspace/executeCommand", json!({ "command": "gainsay.addToBaseline", "arguments": [] }));
    assert_eq!(bad["error"]["code"], -32602);
    assert!(client.shutdown().success());
}

/// Issue 20: `Content-Length: 99999999999999` made the server abort while
/// allocating the body, and `18446744073709551615` panicked its reader.
#[test]
fn a_content_length_no_message_could_have_is_refused_without_a_crash() {
    for length in ["99999999999999", "18446744073709551615"] {
        let folder = tempfile::tempdir().unwrap();
        let (mut client, _) = Client::initialized(folder.path(), json!({}));
        client.send_raw(format!("Content-Length: {length}\r\n\r\n").as_bytes());
        let refused = client.wait(|m| m["error"]["code"] == -32700);
        assert!(refused["error"]["message"].as_str().unwrap().contains(length), "{refused}");
        // The body is skipped as it arrives; when the input ends, the server
        // ends as it does for any input that ends before `exit`.
        client.end_input();
        assert_eq!(client.exit_status().code(), Some(1), "{length}");
    }
}
