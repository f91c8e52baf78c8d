//! The `json` format's findings, written byte for byte as
//! `serde_json::to_writer_pretty` writes them, without going through
//! serde's pretty printer: a report on a large corpus runs to hundreds of
//! megabytes, in a fixed shape, and most of its strings need no escape.

use super::json::{JsonFinding, JsonLocation};
use crate::rules::Severity;

/// Writes one finding as an element of the report's `findings` array:
/// from its `{` to its `}`, indented as the array's elements are.
pub(super) fn write_finding(out: &mut Vec<u8>, finding: &JsonFinding<'_>) {
    out.extend_from_slice(b"{\n      \"rule\": ");
    write_string(out, &finding.rule);
    out.extend_from_slice(b",\n      \"severity\": \"");
    out.extend_from_slice(severity_name(finding.severity).as_bytes());
    out.extend_from_slice(b"\",\n      \"message\": ");
    write_string(out, &finding.message);
    if let Some(help) = &finding.help {
        out.extend_from_slice(b",\n      \"help\": ");
        write_string(out, help);
    }
    out.extend_from_slice(b",\n      \"locations\": [");
    for (index, location) in finding.locations.iter().enumerate() {
        out.extend_from_slice(if index == 0 { b"\n        " } else { b",\n        " });
        write_location(out, location);
    }
    if !finding.locations.is_empty() {
        out.extend_from_slice(b"\n      ");
    }
    out.extend_from_slice(b"]\n    }");
}

fn write_location(out: &mut Vec<u8>, location: &JsonLocation<'_>) {
    out.extend_from_slice(b"{\n          \"path\": ");
    write_string(out, &location.path);
    for (key, number) in [
        (&b",\n          \"start\": "[..], location.start),
        (b",\n          \"end\": ", location.end),
        (b",\n          \"line\": ", location.line),
        (b",\n          \"column\": ", location.column),
    ] {
        out.extend_from_slice(key);
        out.extend_from_slice(itoa::Buffer::new().format(number).as_bytes());
    }
    out.extend_from_slice(b",\n          \"role\": ");
    write_string(out, &location.role);
    out.extend_from_slice(b",\n          \"label\": ");
    write_string(out, &location.label);
    out.extend_from_slice(b"\n        }");
}

/// What the derived serialization names a severity.
fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// A JSON string, escaped as `serde_json` escapes it: quotation mark,
/// backslash and control characters, the common ones by letter and the
/// others as `\u00XX` in lowercase hex; everything else as it is.
fn write_string(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut unwritten = 0;
    // Eight bytes are asked at once whether any may need an escape; only
    // where one may are they looked at one by one.
    let mut at = 0;
    for word in bytes.chunks_exact(8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(word);
        if may_need_escape(u64::from_le_bytes(eight)) {
            for offset in at..at + 8 {
                unwritten = escape_at(out, bytes, offset, unwritten);
            }
        }
        at += 8;
    }
    for offset in at..bytes.len() {
        unwritten = escape_at(out, bytes, offset, unwritten);
    }
    out.extend_from_slice(&bytes[unwritten..]);
    out.push(b'"');
}

/// Whether any byte of `word` may be a quotation mark, a backslash or
/// below a space. May say yes wrongly, never no wrongly.
fn may_need_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS != 0;
    below_space || has_zero(word ^ (ONES * u64::from(b'"'))) || has_zero(word ^ (ONES * u64::from(b'\\')))
}

/// Escapes the byte at `offset` if it needs it, first writing the bytes
/// since `unwritten`; returns where the unwritten bytes now start.
fn escape_at(out: &mut Vec<u8>, bytes: &[u8], offset: usize, unwritten: usize) -> usize {
    let byte = bytes[offset];
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0C => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        0x00..=0x1F => b'u',
        _ => return unwritten,
    };
    out.extend_from_slice(&bytes[unwritten..offset]);
    out.push(b'\\');
    out.push(short);
    if short == b'u' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.extend_from_slice(&[b'0', b'0', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xF)]]);
    }
    offset + 1
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use proptest::prelude::*;

    use super::*;
    use crate::report::JsonReport;

    /// The report `to_writer_pretty` writes for the findings, and the one
    /// written here.
    fn both(findings: Vec<JsonFinding<'static>>) -> (String, String) {
        let mut written = b"{\n  \"findings\": [".to_vec();
        for (index, finding) in findings.iter().enumerate() {
            written.extend_from_slice(if index == 0 { b"\n    " } else { b",\n    " });
            write_finding(&mut written, finding);
        }
        written.extend_from_slice(if findings.is_empty() { b"]\n}" } else { b"\n  ]\n}" });
        let serde = serde_json::to_string_pretty(&JsonReport { findings }).unwrap();
        (String::from_utf8(written).unwrap(), serde)
    }

    fn finding(text: &str, help: Option<&str>, locations: usize, number: usize) -> JsonFinding<'static> {
        let owned = |s: &str| Cow::Owned(s.to_string());
        JsonFinding {
            rule: owned(text),
            severity: [Severity::Info, Severity::Warning, Severity::Error][number % 3],
            message: owned(text),
            help: help.map(owned),
            locations: (0..locations)
                .map(|i| JsonLocation {
                    path: owned(text),
                    start: number,
                    end: number + i,
                    line: i,
                    column: usize::MAX - i,
                    role: owned(if i == 0 { "primary" } else { "related" }),
                    label: owned(text),
                })
                .collect(),
        }
    }

    #[test]
    fn escapes_as_serde_json_escapes() {
        let texts =
            ["", "plain", "\"quoted\" \\ back", "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f}", "Ünï “curly” —", "a\"b"];
        for text in texts {
            let (written, serde) = both(vec![finding(text, Some(text), 2, 7), finding(text, None, 0, 0)]);
            assert_eq!(written, serde);
        }
    }

    proptest! {
        #[test]
        fn writes_what_serde_json_writes(
            text in "\\PC{0,40}|[\\u{0}-\\u{7F}]{0,40}",
            help in proptest::option::of("[ -~\\n]{0,20}"),
            locations in 0_usize..4,
            number in any::<usize>(),
            count in 0_usize..3,
        ) {
            let findings = (0..count).map(|_| finding(&text, help.as_deref(), locations, number)).collect();
            let (written, serde) = both(findings);
            prop_assert_eq!(written, serde);
        }
    }
}
