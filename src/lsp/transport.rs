//! Framing: `Content-Length` headers and JSON bodies over a byte stream.
//!
//! `lsp-server` gives the message types, but its stdio reader thread stops
//! for good at the first body that is not valid JSON, which would leave the
//! editor talking to a dead server. This reader keeps going: a frame that
//! cannot be read becomes [`Incoming::Malformed`], which the main loop
//! answers with the protocol's error, and the next frame is read as usual.
//! A frame's `Content-Length` and its header lines are bounded, so a header
//! cannot make the server allocate what it says.

use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::thread;

use lsp_server::{ErrorCode, Message, RequestId};
use serde_json::Value;

use crate::limits::describe_size;

/// What the reader hands the main loop.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// A frame that is not a JSON-RPC message, and the request id to answer
    /// when one could be read from it.
    Malformed {
        id: Option<RequestId>,
        code: ErrorCode,
        reason: String,
    },
}

/// Reads frames on a thread of their own until the input ends.
pub fn spawn_reader<R: BufRead + Send + 'static>(input: R) -> Receiver<Incoming> {
    let (sender, receiver) = mpsc::channel();
    thread::Builder::new()
        .name("gainsay-lsp-reader".to_string())
        .spawn(move || {
            let mut frames = Frames::new(input);
            while let Ok(Some(incoming)) = frames.read() {
                let is_exit = matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == "exit");
                if sender.send(incoming).is_err() || is_exit {
                    break;
                }
            }
        })
        .expect("the reader thread starts");
    receiver
}

/// 256 MiB: sixteen times the largest article a run reads by default, room
/// for JSON's escapes. A body is read as it arrives, so a header promising
/// less than this but sending little costs little.
const MAX_BODY_BYTES: u64 = 256 << 20;

/// 8 KiB: a header is a name and a short value.
const MAX_HEADER_LINE_BYTES: u64 = 8 << 10;

/// The frames of a byte stream, read one at a time.
pub struct Frames<R> {
    input: R,
    /// A frame whose `Content-Length` is over this is refused unread.
    max_body: u64,
    /// How much of a refused frame's body is still to be skipped before
    /// the next frame's headers.
    unread_body: u64,
}

impl<R: BufRead> Frames<R> {
    pub fn new(input: R) -> Self {
        Self { input, max_body: MAX_BODY_BYTES, unread_body: 0 }
    }

    /// Reads one frame; `None` at the end of the input.
    pub fn read(&mut self) -> io::Result<Option<Incoming>> {
        // A refused body is skipped after its refusal was answered, so the
        // client hears of it at once, and without being held in memory.
        let unread = std::mem::take(&mut self.unread_body);
        if io::copy(&mut (&mut self.input).take(unread), &mut io::sink())? < unread {
            return Ok(None);
        }
        let mut length = None;
        let mut too_long = None;
        let mut problem = None;
        let mut line = Vec::new();
        loop {
            line.clear();
            let read = (&mut self.input).take(MAX_HEADER_LINE_BYTES).read_until(b'\n', &mut line)?;
            if read == 0 {
                return Ok(None);
            }
            if line.last() != Some(&b'\n') && read as u64 == MAX_HEADER_LINE_BYTES {
                self.input.skip_until(b'\n')?;
                problem = Some(format!("a header line is longer than {}", describe_size(MAX_HEADER_LINE_BYTES)));
                continue;
            }
            let line = String::from_utf8_lossy(&line);
            let header = line.trim_end_matches(['\r', '\n']);
            if header.is_empty() {
                // A stray blank line between frames is not a frame.
                if length.is_none() && too_long.is_none() && problem.is_none() {
                    continue;
                }
                break;
            }
            match header.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    match value.trim().parse::<u64>() {
                        Ok(n) if n > self.max_body => too_long = Some(n),
                        Ok(n) => length = Some(n),
                        Err(_) => problem = Some(format!("bad Content-Length header: {header:?}")),
                    }
                }
                Some(_) => {}
                None => problem = Some(format!("malformed header: {header:?}")),
            }
        }
        if let Some(too_long) = too_long {
            self.unread_body = too_long;
            let reason = format!(
                "Content-Length {too_long} is more than the {} a message may have; its body is skipped",
                describe_size(self.max_body)
            );
            return Ok(Some(Incoming::Malformed { id: None, code: ErrorCode::ParseError, reason }));
        }
        let Some(length) = length else {
            let reason = problem.unwrap_or_else(|| "no Content-Length header".to_string());
            return Ok(Some(Incoming::Malformed { id: None, code: ErrorCode::ParseError, reason }));
        };
        let mut body = Vec::new();
        (&mut self.input).take(length).read_to_end(&mut body)?;
        if (body.len() as u64) < length {
            return Ok(None);
        }
        Ok(Some(parse(&body)))
    }
}

fn parse(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => return Incoming::Malformed { id: None, code: ErrorCode::ParseError, reason: e.to_string() },
    };
    let id = value.get("id").cloned().and_then(|id| serde_json::from_value::<RequestId>(id).ok());
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(e) => Incoming::Malformed {
            id,
            code: ErrorCode::InvalidRequest,
            reason: format!("not a JSON-RPC request, response or notification: {e}"),
        },
    }
}

/// Writes a message in one frame.
pub fn write(output: &mut impl Write, message: &Message) -> io::Result<()> {
    message.write(output)
}

/// Writes an error response to a frame that had no usable id: JSON-RPC
/// says its id is `null`, which `lsp-server`'s types cannot express.
pub fn write_error_without_id(output: &mut impl Write, code: ErrorCode, reason: &str) -> io::Result<()> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": code as i32, "message": reason },
    })
    .to_string();
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn read_all(stream: &str) -> Vec<Incoming> {
        read_all_within(stream, MAX_BODY_BYTES)
    }

    fn read_all_within(stream: &str, max_body: u64) -> Vec<Incoming> {
        let input = io::Cursor::new(stream.as_bytes().to_vec());
        let mut frames = Frames { input, max_body, unread_body: 0 };
        std::iter::from_fn(|| frames.read().unwrap()).collect()
    }

    #[test]
    fn a_body_that_is_not_json_is_reported_and_the_next_frame_is_read() {
        let stream = frame("{not json") + &frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#);
        let read = read_all(&stream);
        assert!(matches!(&read[0], Incoming::Malformed { id: None, code: ErrorCode::ParseError, .. }));
        assert!(matches!(&read[1], Incoming::Message(Message::Request(r)) if r.method == "shutdown"));
    }

    #[test]
    fn json_that_is_no_message_is_answered_with_its_id() {
        let read = read_all(&frame(r#"{"jsonrpc":"2.0","id":7,"params":3}"#));
        assert!(
            matches!(&read[0], Incoming::Malformed { id: Some(id), code: ErrorCode::InvalidRequest, .. } if *id == RequestId::from(7))
        );
    }

    #[test]
    fn headers_are_case_insensitive_and_extra_headers_are_skipped() {
        let body = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let stream = format!(
            "content-length: {}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{body}",
            body.len()
        );
        assert!(
            matches!(&read_all(&stream)[0], Incoming::Message(Message::Notification(n)) if n.method == "initialized")
        );
    }

    #[test]
    fn a_garbage_header_is_reported_without_ending_the_stream() {
        let stream = "garbage\r\n\r\n".to_string() + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let read = read_all(&stream);
        assert!(matches!(&read[0], Incoming::Malformed { code: ErrorCode::ParseError, .. }));
        assert!(matches!(&read[1], Incoming::Message(Message::Notification(n)) if n.method == "exit"));
    }

    #[test]
    fn a_body_over_the_limit_is_refused_skipped_and_the_next_frame_is_read() {
        let stream = frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{"padding":"...."}}"#)
            + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let read = read_all_within(&stream, 40);
        assert!(
            matches!(&read[0], Incoming::Malformed { code: ErrorCode::ParseError, reason, .. } if reason.contains("Content-Length 68 is more than the 40 bytes"))
        );
        assert!(matches!(&read[1], Incoming::Message(Message::Notification(n)) if n.method == "exit"));
        assert_eq!(read.len(), 2);
    }

    #[test]
    fn a_content_length_beyond_memory_is_refused_and_the_stream_ends_with_the_input() {
        let read = read_all("Content-Length: 18446744073709551615\r\n\r\n{}");
        assert!(matches!(&read[..], [Incoming::Malformed { code: ErrorCode::ParseError, .. }]));
    }

    #[test]
    fn an_endless_header_line_is_refused_and_the_next_frame_is_read() {
        let stream = "X".repeat(100_000) + "\r\n\r\n" + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let read = read_all(&stream);
        assert!(matches!(&read[0], Incoming::Malformed { reason, .. } if reason.contains("longer than 8 KiB")));
        assert!(matches!(&read[1], Incoming::Message(Message::Notification(n)) if n.method == "exit"));
    }

    #[test]
    fn a_truncated_body_ends_the_stream() {
        assert!(read_all("Content-Length: 50\r\n\r\n{}").is_empty());
    }
}
