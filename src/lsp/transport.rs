//! Framing: `Content-Length` headers and JSON bodies over a byte stream.
//!
//! `lsp-server` gives the message types, but its stdio reader thread stops
//! for good at the first body that is not valid JSON, which would leave the
//! editor talking to a dead server. This reader keeps going: a frame that
//! cannot be read becomes [`Incoming::Malformed`], which the main loop
//! answers with the protocol's error, and the next frame is read as usual.

use std::io::{self, BufRead, Write};
use std::sync::mpsc::{self, Receiver};
use std::thread;

use lsp_server::{ErrorCode, Message, RequestId};
use serde_json::Value;

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
pub fn spawn_reader<R: BufRead + Send + 'static>(mut input: R) -> Receiver<Incoming> {
    let (sender, receiver) = mpsc::channel();
    thread::Builder::new()
        .name("gainsay-lsp-reader".to_string())
        .spawn(move || {
            while let Ok(Some(incoming)) = read(&mut input) {
                let is_exit = matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == "exit");
                if sender.send(incoming).is_err() || is_exit {
                    break;
                }
            }
        })
        .expect("the reader thread starts");
    receiver
}

/// Reads one frame; `None` at the end of the input.
pub fn read(input: &mut impl BufRead) -> io::Result<Option<Incoming>> {
    let mut length = None;
    let mut problem = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            // A stray blank line between frames is not a frame.
            if length.is_none() && problem.is_none() {
                continue;
            }
            break;
        }
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => problem = Some(format!("bad Content-Length header: {header:?}")),
                }
            }
            Some(_) => {}
            None => problem = Some(format!("malformed header: {header:?}")),
        }
    }
    let Some(length) = length else {
        let reason = problem.unwrap_or_else(|| "no Content-Length header".to_string());
        return Ok(Some(Incoming::Malformed { id: None, code: ErrorCode::ParseError, reason }));
    };
    let mut body = vec![0; length];
    match input.read_exact(&mut body) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    Ok(Some(parse(&body)))
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
        let mut input = io::Cursor::new(stream.as_bytes().to_vec());
        std::iter::from_fn(|| read(&mut input).unwrap()).collect()
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
    fn a_truncated_body_ends_the_stream() {
        assert!(read_all("Content-Length: 50\r\n\r\n{}").is_empty());
    }
}
